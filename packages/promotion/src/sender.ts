import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';
import { type Allowlist, isAllowlisted, refusalOf, urlProblem } from './core/ssrf.js';

/** Resolves a host name to every address it has (the guard checks them all). */
export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** Sends one POST to a checked address; the default opens a connection with node:http(s). */
export type Transport = (request: {
  url: URL;
  /** The address the guard checked: the connection goes there and nowhere else. */
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}) => Promise<{ statusCode: number }>;

type DeliveryOutcome =
  | { ok: true; statusCode: number }
  /** `final`: no retry can help (a refused address, no signing secret). */
  | { ok: false; statusCode: number | null; error: string; final: boolean };

type WebhookMessage = { url: string; webhookId: string; timestamp: Date; body: string };

export type WebhookSenderOptions = {
  /** Standard Webhooks secret (`whsec_` + base64); without one nothing is sent. */
  secret?: string | undefined;
  allowlist: Allowlist;
  lookup?: LookupAll;
  transport?: Transport;
  timeoutMs?: number;
};

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The node:http(s) transport. DNS is not consulted again: the socket's lookup answers the checked
 * address, so a second (rebinding) answer cannot send the request elsewhere; TLS still verifies the
 * certificate against the URL's host name.
 */
const nodeTransport: Transport = ({ url, address, family, headers, body, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address, family },
        ]);
      else callback(null, address, family);
    };
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers, lookup: pinned, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

export type WebhookSender = {
  /** Signs and sends one message; never throws: every failure is an outcome. */
  send(message: WebhookMessage): Promise<DeliveryOutcome>;
};

/**
 * Webhook delivery behind the SSRF guard: the URL's host is resolved once, every address is checked
 * (loopback, private, link-local, metadata, IPv4-mapped IPv6 …) and the request goes to the checked
 * address only. A refused address never reaches the transport, so no socket is opened for it unless
 * the operator's allowlist permits the host or the address.
 */
export const createWebhookSender = (options: WebhookSenderOptions): WebhookSender => {
  const lookup = options.lookup ?? defaultLookup;
  const transport = options.transport ?? nodeTransport;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const signer = options.secret ? new Webhook(options.secret) : null;

  const resolve = async (url: URL): Promise<{ address: string; family: 4 | 6 }[]> => {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (ipaddr.isValid(host))
      return [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
    return (await lookup(host)).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  };

  return {
    send: async (message) => {
      if (!signer)
        return {
          ok: false,
          statusCode: null,
          error: 'no signing secret is configured (EC3L_WEBHOOK_SECRET)',
          final: true,
        };
      const problem = urlProblem(message.url, options.allowlist, true);
      if (problem) return { ok: false, statusCode: null, error: `refused: ${problem}`, final: true };
      const url = new URL(message.url);
      let addresses: { address: string; family: 4 | 6 }[];
      try {
        addresses = await resolve(url);
      } catch (error) {
        return { ok: false, statusCode: null, error: `lookup failed: ${describe(error)}`, final: false };
      }
      if (addresses.length === 0)
        return { ok: false, statusCode: null, error: 'lookup found no address', final: false };
      for (const { address } of addresses) {
        const refusal = refusalOf(address);
        if (refusal && !isAllowlisted(options.allowlist, url.hostname, address))
          return {
            ok: false,
            statusCode: null,
            error: `refused: ${address} is ${refusal.replace('_', '-')}`,
            final: true,
          };
      }
      if (
        url.protocol === 'http:' &&
        !addresses.every(({ address }) => isAllowlisted(options.allowlist, url.hostname, address))
      )
        return {
          ok: false,
          statusCode: null,
          error: 'refused: plain http only to an allowlisted host',
          final: true,
        };
      const [target] = addresses as [{ address: string; family: 4 | 6 }];
      const seconds = Math.floor(message.timestamp.getTime() / 1000);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'ec3l-webhooks/1',
        'webhook-id': message.webhookId,
        'webhook-timestamp': String(seconds),
        'webhook-signature': signer.sign(message.webhookId, new Date(seconds * 1000), message.body),
      };
      try {
        const { statusCode } = await transport({ url, ...target, headers, body: message.body, timeoutMs });
        if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
        return { ok: false, statusCode, error: `the receiver answered ${statusCode}`, final: false };
      } catch (error) {
        return { ok: false, statusCode: null, error: describe(error), final: false };
      }
    },
  };
};
