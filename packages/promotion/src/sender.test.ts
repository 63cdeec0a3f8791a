import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllowlist } from './core/ssrf.js';
import { createWebhookSender, type Transport } from './sender.js';

const SECRET = `whsec_${Buffer.from('a test secret of the receiver!!').toString('base64')}`;

type Received = { headers: IncomingHttpHeaders; body: string };
let server: Server;
let port: number;
let received: Received[] = [];
let answer = 204;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  received = [];
  answer = 204;
  vi.restoreAllMocks();
});

const message = (url: string) => ({
  url,
  webhookId: 'msg_1',
  timestamp: new Date('2026-12-01T10:00:00Z'),
  body: JSON.stringify({ type: 'promotion.executed', data: { n: 1 } }),
});

/** A transport that must never be reached, and a spy on every socket connection the process opens. */
const watchSockets = () => {
  const transport = vi.fn<Transport>(async () => ({ statusCode: 204 }));
  const connect = vi.spyOn(net.Socket.prototype, 'connect');
  return { transport, connect };
};

describe('webhook sender', () => {
  it('O92: signs per Standard Webhooks and delivers to a local receiver the allowlist permits', async () => {
    const sender = createWebhookSender({ secret: SECRET, allowlist: parseAllowlist('127.0.0.1') });
    const outcome = await sender.send(message(`http://127.0.0.1:${port}/hook`));
    expect(outcome).toEqual({ ok: true, statusCode: 204 });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got!.headers['webhook-id']).toBe('msg_1');
    expect(got!.headers['webhook-timestamp']).toBe(String(Date.parse('2026-12-01T10:00:00Z') / 1000));
    // The receiver's verification: HMAC-SHA256 over id, timestamp and body.
    const verifier = new Webhook(SECRET);
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:30Z'), toFake: ['Date'] });
    try {
      expect(verifier.verify(got!.body, got!.headers as Record<string, string>)).toEqual({
        type: 'promotion.executed',
        data: { n: 1 },
      });
      expect(() => verifier.verify(`${got!.body} `, got!.headers as Record<string, string>)).toThrow(
        /signature/i,
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('a receiver answering 500 is a failure that may be retried', async () => {
    answer = 500;
    const sender = createWebhookSender({ secret: SECRET, allowlist: parseAllowlist('127.0.0.1') });
    expect(await sender.send(message(`http://127.0.0.1:${port}/hook`))).toEqual({
      ok: false,
      statusCode: 500,
      error: 'the receiver answered 500',
      final: false,
    });
  });

  it('SSRF: loopback is refused before any socket opens when the allowlist does not permit it', async () => {
    const { transport, connect } = watchSockets();
    const sender = createWebhookSender({ secret: SECRET, allowlist: parseAllowlist(''), transport });
    const outcome = await sender.send(message(`https://127.0.0.1:${port}/hook`));
    expect(outcome).toMatchObject({ ok: false, final: true, error: expect.stringContaining('loopback') });
    expect(transport).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);
  });

  it('SSRF: every resolved address is checked (one private answer among public ones refuses the host)', async () => {
    const { transport, connect } = watchSockets();
    const lookup = vi.fn(async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]);
    const sender = createWebhookSender({ secret: SECRET, allowlist: parseAllowlist(''), lookup, transport });
    const outcome = await sender.send(message('https://hooks.example.com/x'));
    expect(lookup).toHaveBeenCalledWith('hooks.example.com');
    expect(outcome).toMatchObject({ ok: false, final: true, error: 'refused: 10.0.0.7 is private' });
    expect(transport).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });

  it('SSRF: link-local, metadata and IPv4-mapped IPv6 answers are refused without a connection', async () => {
    for (const [address, family, reason] of [
      ['169.254.169.254', 4, 'metadata'],
      ['169.254.10.1', 4, 'link-local'],
      ['::ffff:169.254.169.254', 6, 'metadata'],
      ['::ffff:192.168.0.1', 6, 'private'],
      ['fe80::1', 6, 'link-local'],
      ['::1', 6, 'loopback'],
      ['fd00:ec2::254', 6, 'metadata'],
    ] as const) {
      const { transport, connect } = watchSockets();
      const sender = createWebhookSender({
        secret: SECRET,
        allowlist: parseAllowlist(''),
        lookup: async () => [{ address, family }],
        transport,
      });
      const outcome = await sender.send(message('https://rebind.example.com/x'));
      expect(outcome, address).toMatchObject({
        ok: false,
        final: true,
        error: `refused: ${address} is ${reason}`,
      });
      expect(transport).not.toHaveBeenCalled();
      expect(connect).not.toHaveBeenCalled();
      vi.restoreAllMocks();
    }
  });

  it('DNS rebinding: the connection goes to the checked address; the name is not resolved again', async () => {
    let lookups = 0;
    // First answer: the allowlisted local receiver; any later answer would be the metadata address.
    const lookup = async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '169.254.169.254', family: 4 }];
    // The same spy the refusal tests use sees this connection: their "no socket" is not vacuous.
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const sender = createWebhookSender({
      secret: SECRET,
      allowlist: parseAllowlist('127.0.0.1'),
      lookup,
    });
    const outcome = await sender.send(message(`http://receiver.test:${port}/hook`));
    expect(outcome).toEqual({ ok: true, statusCode: 204 });
    expect(lookups).toBe(1);
    expect(connect).toHaveBeenCalled();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.host).toBe(`receiver.test:${port}`);
  });

  it('without a signing secret nothing is sent', async () => {
    const { transport } = watchSockets();
    const sender = createWebhookSender({ allowlist: parseAllowlist('127.0.0.1'), transport });
    expect(await sender.send(message(`http://127.0.0.1:${port}/hook`))).toMatchObject({
      ok: false,
      final: true,
    });
    expect(transport).not.toHaveBeenCalled();
  });

  it('a receiver slower than the timeout is a retryable failure', async () => {
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const sender = createWebhookSender({
        secret: SECRET,
        allowlist: parseAllowlist('127.0.0.1'),
        timeoutMs: 200,
      });
      const started = Date.now();
      const outcome = await sender.send(message(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`));
      expect(outcome).toMatchObject({ ok: false, statusCode: null, final: false });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
