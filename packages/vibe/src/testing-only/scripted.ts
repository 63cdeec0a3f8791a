import type { LlmAdapter, LlmRequest } from '../adapters/types.js';

/** An adapter answering from a script, one output per call (the last one repeats); records the requests. */
export const scriptedAdapter = (outputs: readonly string[]) => {
  const requests: LlmRequest[] = [];
  const adapter: LlmAdapter = {
    name: 'scripted',
    model: 'script-1',
    generate: async (request, options = {}) => {
      requests.push(request);
      const text = outputs[Math.min(requests.length - 1, outputs.length - 1)] ?? '';
      options.onToken?.(text);
      return { text, usage: { inputTokens: 10, outputTokens: text.length } };
    },
  };
  return { adapter, requests };
};
