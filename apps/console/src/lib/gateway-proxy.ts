/** The pieces of the /api proxy that need no server: where to send a request and which headers to pass. */

const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:3000';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the proxy's own fetch sets. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  'accept-encoding',
]);

/** The gateway's base URL from GATEWAY_URL (default http://127.0.0.1:3000); throws on a malformed value. */
export const gatewayBaseUrl = (value: string | undefined): URL => {
  const raw = value?.trim() || DEFAULT_GATEWAY_URL;
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`GATEWAY_URL must be an http(s) URL, got ${raw}`);
  }
  return url;
};

/** The gateway URL for a console request: same path and query, on the gateway's origin and base path. */
export const gatewayTarget = (base: URL, requestUrl: string): URL => {
  const incoming = new URL(requestUrl);
  const target = new URL(base.href);
  target.pathname = `${base.pathname.replace(/\/+$/, '')}${incoming.pathname}`;
  target.search = incoming.search;
  return target;
};

/** Headers to send to the gateway: all end-to-end headers of the browser's request. */
export const requestHeadersForGateway = (
  incoming: Headers,
  forwardedHost: string,
  forwardedProto: string,
) => {
  const out = new Headers();
  incoming.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name)) out.set(name, value);
  });
  if (!out.has('x-forwarded-host')) out.set('x-forwarded-host', forwardedHost);
  if (!out.has('x-forwarded-proto')) out.set('x-forwarded-proto', forwardedProto);
  return out;
};

/**
 * Headers to send back to the browser. fetch has already decoded any content-encoding, so the encoding
 * and length of the gateway's body no longer apply.
 */
export const responseHeadersForBrowser = (upstream: Headers): Headers => {
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (NOT_FORWARDED.has(name) || name === 'content-encoding' || name === 'set-cookie') return;
    out.set(name, value);
  });
  for (const cookie of upstream.getSetCookie()) out.append('set-cookie', cookie);
  // Keep event streams streaming: the console server's gzip would otherwise buffer them.
  if (out.get('content-type')?.startsWith('text/event-stream')) {
    const cacheControl = out.get('cache-control');
    if (!cacheControl?.includes('no-transform')) {
      out.set('cache-control', cacheControl ? `${cacheControl}, no-transform` : 'no-transform');
    }
    out.set('x-accel-buffering', 'no');
  }
  return out;
};

export type GatewayErrorBody = {
  statusCode: 502;
  code: 'GATEWAY_UNAVAILABLE';
  error: 'Bad Gateway';
  message: string;
};

export const gatewayUnavailable = (message: string): GatewayErrorBody => ({
  statusCode: 502,
  code: 'GATEWAY_UNAVAILABLE',
  error: 'Bad Gateway',
  message,
});

/** A short reason for a failed fetch: the system error code (ECONNREFUSED …) when there is one. */
export const fetchFailureReason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
};

/** Failures of a pooled connection the gateway had already closed: the request never reached a handler. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * Whether a failed upstream fetch may be sent once more: only a read (GET, HEAD), which repeats
 * harmlessly, that failed on a connection the gateway reset or closed (keep-alive sockets the gateway
 * closed while the console reused them), and that the browser has not given up on.
 */
export const isRetryableFailure = (method: string, error: unknown, aborted: boolean): boolean =>
  !aborted && (method === 'GET' || method === 'HEAD') && STALE_CONNECTION.has(fetchFailureReason(error));
