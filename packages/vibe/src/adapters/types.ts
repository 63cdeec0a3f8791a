import type { GraphPackage } from '@ec3l/graph-packages';

/** What a generation asks for: the rendered messages for real models, the structured parts for the stub. */
export type LlmRequest = {
  kind: 'generate' | 'refine' | 'repair' | 'form_patch';
  /** The system message (instructions, the package format, the namespace rules). */
  system: string;
  /** The user message (the prompt, the previous package, the problems to repair). */
  user: string;
  /** The JSON Schema the output must follow (structured output where the provider has it). */
  jsonSchema: Record<string, unknown>;
  /** Name of the structured output (the tool or response format name). */
  schemaName: string;
  /** The author's own words, unrendered. */
  prompt: string;
  appName?: string;
  /** The package being refined or repaired. */
  previous?: GraphPackage;
  /** Variants differ by index (0 for a single generation). */
  variantIndex: number;
  /** Free-form context the stub reads (form fields for form patches). */
  context?: Record<string, unknown>;
  maxOutputTokens: number;
};

export type LlmUsage = { inputTokens: number; outputTokens: number };
type LlmResponse = { text: string; usage: LlmUsage };

export type GenerateOptions = {
  /** Aborts the provider call (client disconnect, timeout). */
  signal?: AbortSignal;
  /** Called with each piece of text as it streams in. */
  onToken?: (text: string) => void;
  /** Output beyond this many bytes stops the call (LLM_OUTPUT_TOO_LARGE). */
  maxOutputBytes?: number;
};

/** One model provider. Its output is untrusted text: the pipeline decides what it is worth. */
export type LlmAdapter = {
  readonly name: 'stub' | 'anthropic' | 'openai' | (string & {});
  readonly model: string;
  generate(request: LlmRequest, options?: GenerateOptions): Promise<LlmResponse>;
};

/** Why a provider call failed, in words the pipeline and the API can act on. */
export type LlmFailure =
  | 'rate_limited'
  | 'provider_error'
  | 'timeout'
  | 'aborted'
  | 'truncated'
  | 'output_too_large';

export class LlmError extends Error {
  constructor(
    readonly failure: LlmFailure,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

/** Counts the bytes of streamed text and stops the call past the limit. */
export const outputMeter = (limit: number | undefined) => {
  let bytes = 0;
  return (text: string) => {
    bytes += Buffer.byteLength(text, 'utf8');
    if (limit !== undefined && bytes > limit)
      throw new LlmError('output_too_large', `the model's output exceeds ${limit} bytes`);
  };
};
