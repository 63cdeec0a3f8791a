import { stubFormPatch, stubPackage, stubRefine } from '../core/templates.js';
import { type GenerateOptions, type LlmAdapter, LlmError, type LlmRequest, outputMeter } from './types.js';

const CHUNK = 48;

// Waits between chunks; an abort ends the wait at once. The abort listener goes with the wait, so a long
// generation does not pile listeners onto its signal.
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LlmError('aborted', 'the generation was aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The stub's answer to a request: deterministic JSON text. */
const answerOf = (request: LlmRequest): string => {
  if (request.kind === 'form_patch') {
    const fields = Array.isArray(request.context?.fields) ? (request.context.fields as string[]) : [];
    return JSON.stringify({ ops: stubFormPatch(request.prompt, fields) });
  }
  const pkg =
    request.kind === 'refine' && request.previous
      ? stubRefine(request.previous, request.prompt)
      : stubPackage(request.prompt, request.appName, request.variantIndex);
  return JSON.stringify(pkg, null, 2);
};

/**
 * The default adapter when no provider is configured: keyword-matched templates, byte-identical output
 * for the same request, streamed in small pieces (optionally slowed down, for tests of aborts).
 */
export const createStubAdapter = (options: { chunkDelayMs?: number } = {}): LlmAdapter => ({
  name: 'stub',
  model: 'stub-templates-1',
  generate: async (request, opts: GenerateOptions = {}) => {
    const text = answerOf(request);
    const meter = outputMeter(opts.maxOutputBytes);
    for (let at = 0; at < text.length; at += CHUNK) {
      if (opts.signal?.aborted) throw new LlmError('aborted', 'the generation was aborted');
      const piece = text.slice(at, at + CHUNK);
      meter(piece);
      opts.onToken?.(piece);
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs, opts.signal);
    }
    return {
      text,
      usage: {
        inputTokens: Math.ceil((request.system.length + request.user.length) / 4),
        outputTokens: Math.ceil(text.length / 4),
      },
    };
  },
});
