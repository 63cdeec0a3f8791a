import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createEc3lClient, unwrap } from '@ec3l/sdk';
import type { FastifyInstance } from 'fastify';
import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWTPayload,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { type AuthConfig, ConfigError, loadConfig } from './config.js';
import { createLazyCompilers } from './plugins/lazy-compilers.js';
import { createHarness, fetchThrough, type Harness, operationsOf } from './testing-only/harness.js';
import { freePort, runNode } from './testing-only/processes.js';

const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'ec3l-api';

type KeyPair = { publicKey: CryptoKey; privateKey: CryptoKey };
let rsa: KeyPair;
let ec: KeyPair;
let otherRsa: KeyPair;
let rsaPem: string;

let h: Harness; // public-key (PEM) mode, RS256
let jwks: { server: Server; url: string; hits: number };
let jwksApp: FastifyInstance; // remote JWKS mode, RS256 and ES256
const extraApps: FastifyInstance[] = [];

const jwtEnv = (extra: Record<string, string>) => ({
  EC3L_DATA_DIR: 'memory',
  EC3L_AUTH: 'jwt',
  EC3L_JWT_ISSUER: ISSUER,
  EC3L_JWT_AUDIENCE: AUDIENCE,
  ...extra,
});
const authOf = (extra: Record<string, string>): AuthConfig => loadConfig(jwtEnv(extra)).auth;

const appOn = async (auth?: AuthConfig) => {
  const app = await buildApp({
    database: h.database,
    events: h.events,
    compilers: createLazyCompilers(),
    ...(auth ? { auth } : {}),
  });
  await app.ready();
  extraApps.push(app);
  return app;
};

type Mint = {
  key?: CryptoKey | Uint8Array;
  alg?: string;
  kid?: string;
  iss?: string;
  aud?: string;
  sub?: string | null;
  /** Seconds from now; null leaves exp out. */
  expIn?: number | null;
  nbfIn?: number;
};

const now = () => Math.floor(Date.now() / 1000);

/** A signed token for `sub` (alice by default) allowed in acme, unless the claims say otherwise. */
const mint = (claims: JWTPayload = {}, o: Mint = {}): Promise<string> => {
  const jwt = new SignJWT({ ec3l_tenants: ['acme'], ...claims })
    .setProtectedHeader({ alg: o.alg ?? 'RS256', ...(o.kid ? { kid: o.kid } : {}) })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setIssuedAt();
  if (o.sub !== null) jwt.setSubject(o.sub ?? 'alice');
  if (o.expIn !== null) jwt.setExpirationTime(now() + (o.expIn ?? 300));
  if (o.nbfIn !== undefined) jwt.setNotBefore(now() + o.nbfIn);
  return jwt.sign(o.key ?? rsa.privateKey);
};

const call = (
  app: FastifyInstance,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: unknown,
) =>
  app.inject({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
const bearer = (token: string, tenant: string | null = 'acme') => ({
  authorization: `Bearer ${token}`,
  ...(tenant ? { 'x-tenant-id': tenant } : {}),
});

const expect401 = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(res.statusCode).toBe(401);
  expect(res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  expect(String(res.headers['www-authenticate'])).toMatch(/^Bearer realm="ec3l"/);
};

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  otherRsa = await generateKeyPair('RS256', { extractable: true });
  rsaPem = await exportSPKI(rsa.publicKey);

  h = await createHarness(['acme', 'globex'], {
    auth: authOf({ EC3L_JWT_PUBLIC_KEY: rsaPem, EC3L_JWT_CLOCK_TOLERANCE: '30' }),
  });

  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
  ];
  const server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    jwks.hits++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  jwks = { server, url: `http://127.0.0.1:${port}/.well-known/jwks.json`, hits: 0 };
  jwksApp = await appOn(authOf({ EC3L_JWT_JWKS_URL: jwks.url }));
});

afterAll(async () => {
  for (const app of extraApps) await app.close();
  await new Promise<void>((resolve) => jwks?.server.close(() => resolve()));
  await h?.close();
});

describe('JWT mode with a public key (PEM)', () => {
  it('a valid RS256 token makes its sub the acting user', async () => {
    const me = await call(h.app, 'GET', '/api/rbac/me', bearer(await mint({}, { sub: 'admin' })));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ actorType: 'user', actorId: 'admin' });
    expect(me.json().permissions).toContain('change.approve');
  });

  it('every /api route, GET /api/tenants included, answers 401 with a Bearer challenge without a token', async () => {
    const ops = operationsOf(h.app.swagger() as unknown as Record<string, unknown>).filter((op) =>
      op.path.startsWith('/api/'),
    );
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) {
      const url = op.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await call(h.app, op.method as 'GET', url, { 'x-tenant-id': 'acme' });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="ec3l"');
    }
  });

  it('another scheme is 401 with a plain challenge; a malformed token is 401 invalid_token', async () => {
    for (const authorization of ['Basic YWxpY2U6c2VjcmV0', 'Bearer', 'Token abc']) {
      const res = await call(h.app, 'GET', '/api/projects', { authorization, 'x-tenant-id': 'acme' });
      expect401(res);
      expect(res.headers['www-authenticate'], authorization).toBe('Bearer realm="ec3l"');
    }
    for (const token of ['not-a-jwt', 'a.b.c', 'e30.e30.', 'two words', 'x'.repeat(20_000)]) {
      const res = await call(h.app, 'GET', '/api/projects', bearer(token));
      expect401(res);
      expect(res.headers['www-authenticate']).toMatch(
        /^Bearer realm="ec3l", error="invalid_token", error_description="/,
      );
    }
  });

  it('a token whose payload was altered after signing is 401', async () => {
    const [header, , signature] = (await mint({}, { sub: 'alice' })).split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: now() + 300, ec3l_tenants: ['acme'] }),
    ).toString('base64url');
    const res = await call(h.app, 'GET', '/api/rbac/me', bearer(`${header}.${forgedPayload}.${signature}`));
    expect401(res);
    expect(res.json().message).toMatch(/signature verification failed/);
  });

  it('a token signed by another key is 401', async () => {
    const res = await call(
      h.app,
      'GET',
      '/api/projects',
      bearer(await mint({}, { key: otherRsa.privateKey })),
    );
    expect401(res);
    expect(res.json().message).toMatch(/signature verification failed/);
  });

  it('exp is required and checked with the configured clock tolerance', async () => {
    const late = await call(h.app, 'GET', '/api/projects', bearer(await mint({}, { expIn: -120 })));
    expect401(late);
    expect(late.json().message).toMatch(/"exp"/);
    const withinTolerance = await call(h.app, 'GET', '/api/projects', bearer(await mint({}, { expIn: -10 })));
    expect(withinTolerance.statusCode).toBe(200);
    const noExp = await call(h.app, 'GET', '/api/projects', bearer(await mint({}, { expIn: null })));
    expect401(noExp);
    expect(noExp.json().message).toMatch(/missing required "exp" claim/);
  });

  it('a token that is not yet valid (nbf in the future) is 401', async () => {
    const res = await call(h.app, 'GET', '/api/projects', bearer(await mint({}, { nbfIn: 600 })));
    expect401(res);
    expect(res.json().message).toMatch(/"nbf"/);
  });

  it('a wrong issuer or audience is 401', async () => {
    const iss = await call(
      h.app,
      'GET',
      '/api/projects',
      bearer(await mint({}, { iss: 'https://evil.example.test/' })),
    );
    expect401(iss);
    expect(iss.json().message).toMatch(/"iss"/);
    const aud = await call(h.app, 'GET', '/api/projects', bearer(await mint({}, { aud: 'another-api' })));
    expect401(aud);
    expect(aud.json().message).toMatch(/"aud"/);
  });

  it('algorithms outside the pinned list are 401: HS256 keyed with the public key, none, ES256', async () => {
    const hs256 = await mint({}, { alg: 'HS256', key: new TextEncoder().encode(rsaPem) });
    const none = new UnsecuredJWT({ ec3l_tenants: ['acme'] })
      .setSubject('admin')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now() + 300)
      .encode();
    // The RSA key cannot verify ES256, so the gateway pins RS256 only.
    const es256 = await mint({}, { alg: 'ES256', key: ec.privateKey });
    for (const token of [hs256, none, es256]) {
      const res = await call(h.app, 'GET', '/api/rbac/me', bearer(token));
      expect401(res);
      expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    }
  });

  it('sub is required; a malformed actor or tenant list is 401', async () => {
    const noSub = await call(h.app, 'GET', '/api/projects', bearer(await mint({}, { sub: null })));
    expect401(noSub);
    expect(noSub.json().message).toMatch(/"sub"/);
    for (const claims of [{ ec3l_actor: 'robot' }, { ec3l_tenants: 'acme' }, { ec3l_tenants: [1] }]) {
      const res = await call(h.app, 'GET', '/api/projects', bearer(await mint(claims)));
      expect401(res);
    }
  });

  it('R1: a token with ec3l_actor agent acts as an agent and is refused approvals, even as an admin id', async () => {
    const user = bearer(await mint({}, { sub: 'admin' }));
    const agent = bearer(await mint({ ec3l_actor: 'agent' }, { sub: 'admin' }));
    const me = await call(h.app, 'GET', '/api/rbac/me', agent);
    expect(me.json()).toMatchObject({ actorType: 'agent', actorId: 'admin' });
    const project = await call(h.app, 'POST', '/api/projects', user, { name: 'Agent playground' });
    expect(project.statusCode).toBe(201);
    const change = await call(h.app, 'POST', '/api/changes', user, {
      projectId: project.json().id,
      title: 'Checked in by an agent',
    });
    expect(change.statusCode).toBe(201);
    for (const action of ['checkin', 'merge']) {
      const res = await call(h.app, 'POST', `/api/changes/${change.json().id}/${action}`, agent);
      expect(res.statusCode, action).toBe(403);
      expect(res.json().code).toBe('AGENT_FORBIDDEN');
    }
  });

  it('T4: a tenant outside the token list answers 404 exactly like an unknown tenant', async () => {
    const token = await mint({ ec3l_tenants: ['acme'] }, { sub: 'admin' });
    const other = await call(h.app, 'GET', '/api/projects', bearer(token, 'globex'));
    const unknown = await call(h.app, 'GET', '/api/projects', bearer(token, 'initech'));
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      error: 'Not Found',
      message: 'tenant globex not found',
    });
    expect(unknown.json()).toEqual({ ...other.json(), message: 'tenant initech not found' });
    const noTenants = await mint({ ec3l_tenants: [] }, { sub: 'admin' });
    expect((await call(h.app, 'GET', '/api/projects', bearer(noTenants))).statusCode).toBe(404);
    const both = await mint({ ec3l_tenants: ['acme', 'globex'] }, { sub: 'admin' });
    expect((await call(h.app, 'GET', '/api/projects', bearer(both, 'globex'))).statusCode).toBe(200);
  });

  it('T3: a valid token without x-tenant-id is still 401 on tenant routes', async () => {
    const res = await call(h.app, 'GET', '/api/projects', bearer(await mint(), null));
    expect401(res);
    expect(res.json().message).toMatch(/x-tenant-id/);
  });

  it('GET /api/tenants lists only the tenants of the token', async () => {
    const list = async (tenants: string[]) => {
      const res = await call(
        h.app,
        'GET',
        '/api/tenants',
        bearer(await mint({ ec3l_tenants: tenants }), null),
      );
      expect(res.statusCode).toBe(200);
      return res.json().map((t: { slug: string }) => t.slug);
    };
    expect(await list(['acme'])).toEqual(['acme']);
    expect(await list(['globex', 'initech'])).toEqual(['globex']);
    expect(await list([])).toEqual([]);
    expect(await list(['acme', 'globex'])).toEqual(['acme', 'globex']);
  });

  it('x-user-id and x-agent-id are refused with 400, with or without a token', async () => {
    const token = await mint({}, { sub: 'alice' });
    for (const name of ['x-user-id', 'x-agent-id']) {
      for (const headers of [
        { ...bearer(token), [name]: 'admin' },
        { 'x-tenant-id': 'acme', [name]: 'admin' },
      ]) {
        const res = await call(h.app, 'GET', '/api/projects', headers);
        expect(res.statusCode, name).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_ERROR', details: { header: name } });
      }
      const tenants = await call(h.app, 'GET', '/api/tenants', { ...bearer(token, null), [name]: 'admin' });
      expect(tenants.statusCode).toBe(400);
    }
  });

  it('the SDK sends its token: typed calls work against JWT mode', async () => {
    const token = await mint({ ec3l_tenants: ['acme', 'globex'] }, { sub: 'admin' });
    const ec3l = createEc3lClient({
      baseUrl: 'http://gateway',
      tenant: 'globex',
      token: async () => token,
      fetch: fetchThrough(h.app),
    });
    const project = unwrap(await ec3l.POST('/api/projects', { body: { name: 'Via SDK with a token' } }));
    const projects = unwrap(await ec3l.GET('/api/projects'));
    expect(projects.map((p) => p.id)).toContain(project.id);
    const stored = await h.database.ownerDb
      .selectFrom('projects')
      .innerJoin('tenants', 'tenants.id', 'projects.tenant_id')
      .select('tenants.slug')
      .where('projects.id', '=', project.id)
      .executeTakeFirstOrThrow();
    expect(stored.slug).toBe('globex');
  });
});

describe('JWT mode with a remote JWKS', () => {
  it('accepts RS256 and ES256 tokens by key id, fetching the key set once for many concurrent requests', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? mint({}, { sub: 'admin', kid: 'rs-1' })
          : mint({}, { sub: 'admin', alg: 'ES256', kid: 'es-1', key: ec.privateKey }),
      ),
    );
    const results = await Promise.all(
      tokens.map((token, i) => call(jwksApp, 'POST', '/api/projects', bearer(token), { name: `JWKS ${i}` })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(tokens.map(() => 201));
    expect(jwks.hits).toBe(1);
    const stored = await h.database.ownerDb
      .selectFrom('projects')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('name', 'like', 'JWKS %')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(40);
    const me = await call(jwksApp, 'GET', '/api/rbac/me', bearer(tokens[1]!));
    expect(me.json()).toMatchObject({ actorType: 'user', actorId: 'admin' });
  });

  it('a token signed by a key outside the set, or with a forged signature, is 401', async () => {
    const stranger = await mint({}, { kid: 'rs-1', key: otherRsa.privateKey });
    const unknownKid = await mint({}, { kid: 'rs-9', key: otherRsa.privateKey });
    for (const token of [stranger, unknownKid]) {
      const res = await call(jwksApp, 'GET', '/api/projects', bearer(token));
      expect401(res);
    }
    const expired = await mint({}, { kid: 'es-1', alg: 'ES256', key: ec.privateKey, expIn: -3600 });
    expect401(await call(jwksApp, 'GET', '/api/projects', bearer(expired)));
  });

  it('an unreachable key set answers 503 AUTH_UNAVAILABLE, not 401 or 500', async () => {
    const port = await freePort();
    const app = await appOn(authOf({ EC3L_JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` }));
    const res = await call(app, 'GET', '/api/projects', bearer(await mint({}, { kid: 'rs-1' })));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ statusCode: 503, code: 'AUTH_UNAVAILABLE' });
    expect(res.headers['retry-after']).toBe('5');
  });
});

describe('header mode (the default) is unchanged', () => {
  it('trusts x-user-id, lists every tenant and ignores an Authorization header', async () => {
    const app = await appOn();
    const me = await call(app, 'GET', '/api/rbac/me', {
      'x-tenant-id': 'acme',
      'x-user-id': 'admin',
      authorization: 'Bearer not-a-jwt',
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ actorType: 'user', actorId: 'admin' });
    const tenants = await call(app, 'GET', '/api/tenants', {});
    expect(tenants.json().map((t: { slug: string }) => t.slug)).toEqual(['acme', 'globex']);
    const missing = await call(app, 'GET', '/api/projects', {});
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('declares the bearer (JWT) scheme as an alternative beside the tenant header', () => {
    const doc = h.app.swagger() as unknown as {
      components: { securitySchemes: Record<string, unknown> };
      security: Record<string, string[]>[];
    };
    expect(doc.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(doc.security).toContainEqual({ bearer: [], tenant: [] });
  });
});

describe('JWT configuration', () => {
  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('the configuration was accepted');
  };

  it('requires issuer, audience and exactly one key source, naming each variable', () => {
    expect(problemsOf({ EC3L_AUTH: 'jwt' })).toMatch(
      /EC3L_JWT_JWKS_URL or EC3L_JWT_PUBLIC_KEY[\s\S]*EC3L_JWT_ISSUER[\s\S]*EC3L_JWT_AUDIENCE/,
    );
    expect(
      problemsOf(jwtEnv({ EC3L_JWT_PUBLIC_KEY: rsaPem, EC3L_JWT_JWKS_URL: 'https://id.test/jwks' })),
    ).toMatch(/EC3L_JWT_JWKS_URL, EC3L_JWT_PUBLIC_KEY: set one of them, not both/);
  });

  it('refuses none, HS* and unknown algorithms, and algorithms the public key cannot verify', () => {
    for (const algorithms of ['none', 'HS256', 'RS256,HS512', 'XY999', ' , ']) {
      expect(problemsOf(jwtEnv({ EC3L_JWT_PUBLIC_KEY: rsaPem, EC3L_JWT_ALGORITHMS: algorithms }))).toMatch(
        /EC3L_JWT_ALGORITHMS/,
      );
    }
    expect(problemsOf(jwtEnv({ EC3L_JWT_PUBLIC_KEY: rsaPem, EC3L_JWT_ALGORITHMS: 'ES256' }))).toMatch(
      /EC3L_JWT_ALGORITHMS: none of the algorithms can be verified with the rsa key/,
    );
    const auth = authOf({ EC3L_JWT_PUBLIC_KEY: rsaPem });
    expect(auth).toMatchObject({ mode: 'jwt', algorithms: ['RS256'], clockToleranceSeconds: 30 });
  });

  it('accepts a one-line PEM with \\n escapes and an EC key; refuses a private key or junk', async () => {
    const ecPem = await exportSPKI(ec.publicKey);
    const auth = authOf({ EC3L_JWT_PUBLIC_KEY: ecPem.trim().replaceAll('\n', '\\n') });
    expect(auth).toMatchObject({ mode: 'jwt', algorithms: ['ES256'] });
    const { exportPKCS8 } = await import('jose');
    for (const key of [
      await exportPKCS8(rsa.privateKey),
      'not a key',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    ]) {
      expect(problemsOf(jwtEnv({ EC3L_JWT_PUBLIC_KEY: key }))).toMatch(/EC3L_JWT_PUBLIC_KEY/);
    }
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(problemsOf(jwtEnv({ EC3L_JWT_PUBLIC_KEY: String(weak) }))).toMatch(
      /EC3L_JWT_PUBLIC_KEY: an RSA key needs at least 2048 bits \(this one has 1024\)/,
    );
  });

  it('wants https for a remote key set, except on localhost', () => {
    expect(problemsOf(jwtEnv({ EC3L_JWT_JWKS_URL: 'http://id.example.test/jwks.json' }))).toMatch(
      /EC3L_JWT_JWKS_URL: must be https/,
    );
    expect(problemsOf(jwtEnv({ EC3L_JWT_JWKS_URL: 'not a url' }))).toMatch(/EC3L_JWT_JWKS_URL/);
    expect(authOf({ EC3L_JWT_JWKS_URL: 'http://localhost:4000/jwks.json' })).toMatchObject({ mode: 'jwt' });
  });

  it('refuses JWT settings in header mode and bad tolerances or modes', () => {
    expect(problemsOf({ EC3L_JWT_ISSUER: ISSUER })).toMatch(/EC3L_JWT_ISSUER: set, but EC3L_AUTH is header/);
    expect(problemsOf(jwtEnv({ EC3L_JWT_PUBLIC_KEY: rsaPem, EC3L_JWT_CLOCK_TOLERANCE: '3600' }))).toMatch(
      /EC3L_JWT_CLOCK_TOLERANCE/,
    );
    expect(problemsOf({ EC3L_AUTH: 'cookie' })).toMatch(/EC3L_AUTH/);
    expect(loadConfig({}).auth).toEqual({ mode: 'header' });
  });

  it('the gateway process stops at start with a message naming the variable', async () => {
    const result = await runNode('main.js', [], {
      EC3L_DATA_DIR: 'memory',
      EC3L_AUTH: 'jwt',
      EC3L_JWT_PUBLIC_KEY: rsaPem,
      EC3L_JWT_AUDIENCE: AUDIENCE,
    });
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/Invalid configuration:[\s\S]*EC3L_JWT_ISSUER: required/);
  });
});
