import {
  fetchFailureReason,
  gatewayBaseUrl,
  gatewayTarget,
  gatewayUnavailable,
  isRetryableFailure,
  requestHeadersForGateway,
  responseHeadersForBrowser,
} from '@/lib/gateway-proxy';

/**
 * Same-origin proxy for the browser: every /api/* request goes to the gateway at GATEWAY_URL, read on
 * each request so one build runs against any gateway. Status, headers and the streamed body come back
 * unchanged; an unreachable gateway answers 502 in the API's error shape.
 */
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const NO_BODY_METHODS = new Set(['GET', 'HEAD']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

const json502 = (message: string) =>
  Response.json(gatewayUnavailable(message), { status: 502, headers: { 'cache-control': 'no-store' } });

const proxy = async (request: Request): Promise<Response> => {
  let target: URL;
  try {
    target = gatewayTarget(gatewayBaseUrl(process.env.GATEWAY_URL), request.url);
  } catch (error) {
    console.error('[console] GATEWAY_URL is invalid:', error);
    return json502('The console is misconfigured: GATEWAY_URL is not a valid http(s) URL');
  }
  const incoming = new URL(request.url);
  const headers = requestHeadersForGateway(
    request.headers,
    incoming.host,
    incoming.protocol.replace(':', ''),
  );
  const body = NO_BODY_METHODS.has(request.method) ? undefined : await request.arrayBuffer();

  const send = () =>
    fetch(target, {
      method: request.method,
      headers,
      body: body && body.byteLength > 0 ? body : undefined,
      redirect: 'manual',
      signal: request.signal,
      cache: 'no-store',
    });
  let upstream: Response;
  try {
    upstream = await send().catch((error: unknown) => {
      // A read on a keep-alive connection the gateway had just closed: send it once more, on a new one.
      if (isRetryableFailure(request.method, error, request.signal.aborted)) return send();
      throw error;
    });
  } catch (error) {
    const reason = fetchFailureReason(error);
    console.error(`[console] gateway ${target.origin} unreachable: ${reason}`);
    return json502(`The EC3L gateway is unreachable (${reason})`);
  }

  const nullBody = request.method === 'HEAD' || NULL_BODY_STATUSES.has(upstream.status);
  if (nullBody) await upstream.body?.cancel();
  return new Response(nullBody ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeadersForBrowser(upstream.headers),
  });
};

export const GET = proxy;
export const HEAD = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
export const OPTIONS = proxy;
