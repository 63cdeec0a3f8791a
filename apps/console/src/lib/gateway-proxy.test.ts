import { describe, expect, it } from 'vitest';
import {
  fetchFailureReason,
  gatewayBaseUrl,
  gatewayTarget,
  gatewayUnavailable,
  isRetryableFailure,
  requestHeadersForGateway,
  responseHeadersForBrowser,
} from './gateway-proxy';

describe('gatewayBaseUrl', () => {
  it('defaults to the local gateway', () => {
    expect(gatewayBaseUrl(undefined).href).toBe('http://127.0.0.1:3000/');
    expect(gatewayBaseUrl('  ').href).toBe('http://127.0.0.1:3000/');
  });

  it('rejects a value that is not an http(s) URL', () => {
    expect(() => gatewayBaseUrl('not a url')).toThrow(/Invalid URL/);
    expect(() => gatewayBaseUrl('ftp://gateway')).toThrow(
      'GATEWAY_URL must be an http(s) URL, got ftp://gateway',
    );
  });
});

describe('gatewayTarget', () => {
  it('keeps the path and query of the console request', () => {
    const base = gatewayBaseUrl('http://10.0.0.5:3000');
    expect(gatewayTarget(base, 'http://console:3001/api/projects?limit=5&cursor=abc').href).toBe(
      'http://10.0.0.5:3000/api/projects?limit=5&cursor=abc',
    );
  });

  it('prefixes the base path of a gateway behind a path', () => {
    const base = gatewayBaseUrl('https://edge.example.com/ec3l/');
    expect(gatewayTarget(base, 'http://console/api/tenants').href).toBe(
      'https://edge.example.com/ec3l/api/tenants',
    );
  });
});

describe('requestHeadersForGateway', () => {
  it('passes identity and content headers and drops hop-by-hop ones', () => {
    const incoming = new Headers({
      'x-tenant-id': 'acme',
      'x-user-id': 'admin',
      'x-agent-id': 'bot',
      'x-request-id': 'r-1',
      'content-type': 'application/json',
      host: 'console:3001',
      connection: 'keep-alive',
      'content-length': '12',
    });
    const out = requestHeadersForGateway(incoming, 'console:3001', 'http');
    expect(out.get('x-tenant-id')).toBe('acme');
    expect(out.get('x-user-id')).toBe('admin');
    expect(out.get('x-agent-id')).toBe('bot');
    expect(out.get('x-request-id')).toBe('r-1');
    expect(out.get('content-type')).toBe('application/json');
    expect(out.has('host')).toBe(false);
    expect(out.has('connection')).toBe(false);
    expect(out.has('content-length')).toBe(false);
    expect(out.get('x-forwarded-host')).toBe('console:3001');
    expect(out.get('x-forwarded-proto')).toBe('http');
  });
});

describe('responseHeadersForBrowser', () => {
  it('passes API headers such as x-next-cursor and drops the decoded body encoding', () => {
    const upstream = new Headers({
      'x-next-cursor': 'c2',
      'x-request-id': 'r-1',
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': '99',
      'transfer-encoding': 'chunked',
    });
    const out = responseHeadersForBrowser(upstream);
    expect(out.get('x-next-cursor')).toBe('c2');
    expect(out.get('x-request-id')).toBe('r-1');
    expect(out.get('content-type')).toBe('application/json; charset=utf-8');
    expect(out.has('content-encoding')).toBe(false);
    expect(out.has('content-length')).toBe(false);
    expect(out.has('transfer-encoding')).toBe(false);
  });

  it('marks event streams no-transform so nothing on the way buffers them', () => {
    const out = responseHeadersForBrowser(
      new Headers({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }),
    );
    expect(out.get('cache-control')).toBe('no-cache, no-transform');
    expect(out.get('x-accel-buffering')).toBe('no');
  });
});

describe('gatewayUnavailable', () => {
  it('has the API error shape', () => {
    expect(gatewayUnavailable('down')).toEqual({
      statusCode: 502,
      code: 'GATEWAY_UNAVAILABLE',
      error: 'Bad Gateway',
      message: 'down',
    });
  });

  it('names the system error of a failed fetch', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(fetchFailureReason(error)).toBe('ECONNREFUSED');
  });
});

describe('isRetryableFailure', () => {
  const failure = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code }) });

  it('retries a read that failed on a reset or closed connection', () => {
    expect(isRetryableFailure('GET', failure('ECONNRESET'), false)).toBe(true);
    expect(isRetryableFailure('HEAD', failure('UND_ERR_SOCKET'), false)).toBe(true);
  });

  it('never retries a write, a request the browser gave up on, or a gateway that is down', () => {
    expect(isRetryableFailure('POST', failure('ECONNRESET'), false)).toBe(false);
    expect(isRetryableFailure('GET', failure('ECONNRESET'), true)).toBe(false);
    expect(isRetryableFailure('GET', failure('ECONNREFUSED'), false)).toBe(false);
  });
});
