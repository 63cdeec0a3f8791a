import Anthropic, {
  APIUserAbortError as AnthropicAbort,
  APIError as AnthropicApiError,
  APIConnectionTimeoutError as AnthropicTimeout,
} from '@anthropic-ai/sdk';
import OpenAI, {
  APIUserAbortError as OpenAiAbort,
  APIError as OpenAiApiError,
  APIConnectionTimeoutError as OpenAiTimeout,
} from 'openai';
import { type GenerateOptions, type LlmAdapter, LlmError, type LlmRequest, outputMeter } from './types.js';

export type ProviderOptions = {
  apiKey: string;
  model: string;
  baseURL?: string;
  /** One call's time limit, in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Retries of the SDK on 408/409/429/5xx and connection errors, honouring retry-after (default 1). */
  maxRetries?: number;
};

const retryAfterOf = (headers: Headers | undefined): number | undefined => {
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
};

/** A provider SDK's failure in the pipeline's terms; anything unknown passes through. */
const failureOf = (error: unknown, signal: AbortSignal | undefined): unknown => {
  if (error instanceof LlmError) return error;
  if (error instanceof AnthropicAbort || error instanceof OpenAiAbort || signal?.aborted)
    return new LlmError('aborted', 'the generation was aborted');
  if (error instanceof AnthropicTimeout || error instanceof OpenAiTimeout)
    return new LlmError('timeout', 'the model provider did not answer in time');
  if (error instanceof AnthropicApiError || error instanceof OpenAiApiError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    const retryAfterSeconds = retryAfterOf(error.headers as Headers | undefined);
    return new LlmError(
      status === 429 ? 'rate_limited' : 'provider_error',
      status === 429
        ? 'the model provider is rate limiting requests'
        : `the model provider failed (${status ?? 'connection'})`,
      {
        ...(status === undefined ? {} : { status }),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      },
    );
  }
  return error;
};

const TOOL_NAME = 'emit_output';

/**
 * Anthropic's Messages API, streamed. Structured output by tool use: one tool whose input schema is the
 * requested JSON Schema, and the model made to call it; the tool input's JSON deltas are the tokens.
 */
export const createAnthropicAdapter = (options: ProviderOptions): LlmAdapter => {
  const client = new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 1,
  });
  return {
    name: 'anthropic',
    model: options.model,
    generate: async (request: LlmRequest, opts: GenerateOptions = {}) => {
      const meter = outputMeter(opts.maxOutputBytes);
      let text = '';
      let inputTokens = 0;
      let outputTokens = 0;
      let stopped = false;
      try {
        const stream = await client.messages.create(
          {
            model: options.model,
            max_tokens: request.maxOutputTokens,
            system: request.system,
            messages: [{ role: 'user', content: request.user }],
            tools: [
              {
                name: TOOL_NAME,
                description: `Emit the ${request.schemaName} as the tool input`,
                input_schema: request.jsonSchema as Anthropic.Tool.InputSchema,
              },
            ],
            tool_choice: { type: 'tool', name: TOOL_NAME },
            stream: true,
          },
          { ...(opts.signal ? { signal: opts.signal } : {}) },
        );
        for await (const event of stream) {
          if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
          else if (event.type === 'content_block_delta') {
            const piece =
              event.delta.type === 'input_json_delta'
                ? event.delta.partial_json
                : event.delta.type === 'text_delta'
                  ? event.delta.text
                  : '';
            if (piece) {
              meter(piece);
              text += piece;
              opts.onToken?.(piece);
            }
          } else if (event.type === 'message_delta') outputTokens = event.usage.output_tokens;
          else if (event.type === 'message_stop') stopped = true;
        }
      } catch (error) {
        throw failureOf(error, opts.signal);
      }
      if (opts.signal?.aborted) throw new LlmError('aborted', 'the generation was aborted');
      if (!stopped) throw new LlmError('truncated', 'the model provider ended the stream early');
      return { text, usage: { inputTokens, outputTokens } };
    },
  };
};

/**
 * OpenAI's Chat Completions API, streamed, with a `json_schema` response format (not strict: the
 * package format has optional properties, which strict mode cannot express).
 */
export const createOpenAiAdapter = (options: ProviderOptions): LlmAdapter => {
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 1,
  });
  return {
    name: 'openai',
    model: options.model,
    generate: async (request: LlmRequest, opts: GenerateOptions = {}) => {
      const meter = outputMeter(opts.maxOutputBytes);
      let text = '';
      let inputTokens = 0;
      let outputTokens = 0;
      let finished = false;
      try {
        const stream = await client.chat.completions.create(
          {
            model: options.model,
            max_completion_tokens: request.maxOutputTokens,
            messages: [
              { role: 'system', content: request.system },
              { role: 'user', content: request.user },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: false },
            },
            stream: true,
            stream_options: { include_usage: true },
          },
          { ...(opts.signal ? { signal: opts.signal } : {}) },
        );
        for await (const chunk of stream) {
          for (const choice of chunk.choices) {
            const piece = choice.delta?.content ?? '';
            if (piece) {
              meter(piece);
              text += piece;
              opts.onToken?.(piece);
            }
            if (choice.finish_reason) {
              if (choice.finish_reason === 'length')
                throw new LlmError('truncated', 'the model ran out of output tokens');
              finished = true;
            }
          }
          if (chunk.usage) {
            inputTokens = chunk.usage.prompt_tokens;
            outputTokens = chunk.usage.completion_tokens;
          }
        }
      } catch (error) {
        throw failureOf(error, opts.signal);
      }
      if (opts.signal?.aborted) throw new LlmError('aborted', 'the generation was aborted');
      if (!finished) throw new LlmError('truncated', 'the model provider ended the stream early');
      return { text, usage: { inputTokens, outputTokens } };
    },
  };
};
