import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequest } from '../core/prompt.js';
import { createProviderAdapter } from './lazy.js';
import { LlmError } from './types.js';

/**
 * Fake provider servers on an ephemeral port, speaking each provider's wire format: SSE streams of
 * Anthropic's Messages API and OpenAI's Chat Completions, error bodies, 429 with retry-after, truncated
 * streams and silence. The behaviour of the next requests is queued per test.
 */
type Behaviour = 'ok' | 'error' | 'rate_limited' | 'rate_limited_then_ok' | 'truncated' | 'silent' | 'slow';
let server: Server;
let baseURL: string;
let behaviour: Behaviour = 'ok';
const seen: { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
const PIECES = ['{"key":', '"vibe.x",', '"n":1}'];

const sse = (res: ServerResponse, events: { event?: string; data: unknown }[], end = true) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const e of events)
    res.write(
      `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`,
    );
  if (end) res.end();
};

const anthropicEvents = (complete: boolean) => [
  {
    event: 'message_start',
    data: {
      type: 'message_start',
      message: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        content: [],
        model: 'm',
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 12, output_tokens: 1 },
      },
    },
  },
  {
    event: 'content_block_start',
    data: {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'tool_use', id: 't1', name: 'emit_output', input: {} },
    },
  },
  ...(complete ? PIECES : PIECES.slice(0, 1)).map((p) => ({
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: p } },
  })),
  ...(complete
    ? [
        { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
        {
          event: 'message_delta',
          data: {
            type: 'message_delta',
            delta: { stop_reason: 'tool_use', stop_sequence: null },
            usage: { output_tokens: 40 },
          },
        },
        { event: 'message_stop', data: { type: 'message_stop' } },
      ]
    : []),
];

const openAiEvents = (complete: boolean) => {
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    data: {
      id: 'c1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta, finish_reason: finish }],
    },
  });
  return [
    ...(complete ? PIECES : PIECES.slice(0, 1)).map((p) => chunk({ content: p }, null)),
    ...(complete
      ? [
          chunk({}, 'stop'),
          {
            data: {
              id: 'c1',
              object: 'chat.completion.chunk',
              created: 1,
              model: 'm',
              choices: [],
              usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
            },
          },
          { data: '[DONE]' },
        ]
      : []),
  ];
};

let rateLimitedOnce = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} });
      const anthropic = (req.url ?? '').includes('/messages');
      const events = (complete: boolean) => (anthropic ? anthropicEvents(complete) : openAiEvents(complete));
      const errorBody = (message: string, type: string) =>
        JSON.stringify(
          anthropic ? { type: 'error', error: { type, message } } : { error: { message, type } },
        );
      switch (behaviour) {
        case 'ok':
          return sse(res, events(true));
        case 'error':
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end(errorBody('the request is bad', 'invalid_request_error'));
        case 'rate_limited_then_ok':
          if (rateLimitedOnce) return sse(res, events(true));
          rateLimitedOnce = true;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
          return res.end(errorBody('slow down', 'rate_limit_error'));
        case 'rate_limited':
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
          return res.end(errorBody('slow down', 'rate_limit_error'));
        case 'truncated':
          return sse(res, events(false));
        case 'slow':
          sse(res, events(true).slice(0, 2), false);
          return;
        case 'silent':
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const providers = [
  { kind: 'anthropic' as const, base: () => baseURL, path: '/v1/messages' },
  { kind: 'openai' as const, base: () => `${baseURL}/v1`, path: '/v1/chat/completions' },
];

describe.each(providers)('$kind adapter against a fake server', ({ kind, base, path }) => {
  const adapter = (options: { maxRetries?: number; timeoutMs?: number } = {}) =>
    createProviderAdapter(kind, {
      apiKey: 'test-key',
      model: 'test-model',
      baseURL: base(),
      maxRetries: 0,
      ...options,
    });
  const request = generateRequest({ prompt: 'an asset register' });
  const failureOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(LlmError);
      return error as LlmError;
    }
    throw new Error('expected a failure');
  };

  it('streams the tokens and answers the text and token counts, with structured output requested', async () => {
    behaviour = 'ok';
    const tokens: string[] = [];
    const before = seen.length;
    const response = await adapter().generate(request, { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(PIECES);
    expect(response.text).toBe(PIECES.join(''));
    expect(response.usage).toEqual(
      kind === 'anthropic' ? { inputTokens: 12, outputTokens: 40 } : { inputTokens: 5, outputTokens: 7 },
    );
    const sent = seen[before]!;
    expect(sent.path).toBe(path);
    expect(sent.body.stream).toBe(true);
    if (kind === 'anthropic') {
      expect(sent.headers['anthropic-version']).toBeDefined();
      expect(sent.body.tool_choice).toEqual({ type: 'tool', name: 'emit_output' });
      expect((sent.body.tools as { input_schema: unknown }[])[0]!.input_schema).toEqual(request.jsonSchema);
    } else {
      expect(sent.headers.authorization).toBe('Bearer test-key');
      expect(sent.body.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'graph_package' },
      });
    }
  });

  it('an error body is a provider error with its status', async () => {
    behaviour = 'error';
    expect(await failureOf(adapter().generate(request))).toMatchObject({
      failure: 'provider_error',
      details: { status: 400 },
    });
  });

  it('429 is rate_limited with the retry-after seconds; with retries the SDK waits and tries again', async () => {
    behaviour = 'rate_limited';
    expect(await failureOf(adapter().generate(request))).toMatchObject({
      failure: 'rate_limited',
      details: { status: 429, retryAfterSeconds: 7 },
    });
    behaviour = 'rate_limited_then_ok';
    rateLimitedOnce = false;
    const before = seen.length;
    expect((await adapter({ maxRetries: 1 }).generate(request)).text).toBe(PIECES.join(''));
    expect(seen.length - before).toBe(2);
  });

  it('a stream that ends early is truncated, never a partial answer', async () => {
    behaviour = 'truncated';
    expect(await failureOf(adapter().generate(request))).toMatchObject({ failure: 'truncated' });
  });

  it('a provider that does not answer times out', async () => {
    behaviour = 'silent';
    expect(await failureOf(adapter({ timeoutMs: 300 }).generate(request))).toMatchObject({
      failure: 'timeout',
    });
  });

  it('O46: an aborted request aborts the provider call mid-stream', async () => {
    behaviour = 'slow';
    const controller = new AbortController();
    const pending = adapter().generate(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await failureOf(pending)).toMatchObject({ failure: 'aborted' });
  });

  it('output beyond the byte limit stops the call', async () => {
    behaviour = 'ok';
    expect(await failureOf(adapter().generate(request, { maxOutputBytes: 10 }))).toMatchObject({
      failure: 'output_too_large',
    });
  });
});
