import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLazyCompilers, type LazyCompilers } from './lazy-compilers.js';

const appWith = (compilers: LazyCompilers) =>
  Fastify({ schemaController: { compilersFactory: compilers.compilersFactory } });

describe('lazily compiled route schemas', () => {
  it('compile nothing on ready, then serialize by the schema on first use, shared schemas included', async () => {
    const compilers = createLazyCompilers();
    const app = appWith(compilers);
    app.addSchema({
      $id: 'Thing',
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
    });
    const response = {
      200: { $ref: 'Thing#' },
      404: { type: 'object', properties: { code: { type: 'string' } } },
    };
    app.get('/thing', { schema: { response } }, async () => ({ name: 'kept', secret: 'dropped' }));
    app.get('/other', { schema: { response } }, async () => ({ name: 'other' }));
    await app.ready();
    // Two routes, each with its HEAD twin, each with two response codes.
    expect(compilers.pending).toBe(8);
    const res = await app.inject({ method: 'GET', url: '/thing' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'kept' });
    expect(compilers.pending).toBe(7);
    await compilers.compileInBackground();
    expect(compilers.pending).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/other' })).json()).toEqual({ name: 'other' });
    // The eight share two schemas: each compiled once.
    expect(compilers.compiled).toBe(2);
    await app.close();
  });

  it('compile a schema once however many routes carry it, but apart per request part (wire parts coerce)', async () => {
    const compilers = createLazyCompilers();
    const app = appWith(compilers);
    const shape = () => ({ type: 'object', properties: { n: { type: 'integer' } } });
    app.post('/a', { schema: { body: shape(), querystring: shape() } }, async (r) => ({
      b: r.body,
      q: r.query,
    }));
    app.post('/b', { schema: { body: shape(), querystring: shape() } }, async (r) => ({
      b: r.body,
      q: r.query,
    }));
    await app.ready();
    compilers.compilePending();
    expect(compilers.compiled).toBe(2);
    const res = await app.inject({ method: 'POST', url: '/b?n=2', payload: { n: '3' } });
    expect(res.statusCode).toBe(400);
    const ok = await app.inject({ method: 'POST', url: '/b?n=2', payload: { n: 3 } });
    expect(ok.json()).toEqual({ b: { n: 3 }, q: { n: 2 } });
    await app.close();
  });

  it('compile in the background only while the server is quiet', async () => {
    const compilers = createLazyCompilers();
    const app = appWith(compilers);
    app.get('/thing', { schema: { response: { 200: { type: 'object' } } } }, async () => ({}));
    await app.ready();
    expect(compilers.pending).toBe(2);
    let quiet = false;
    const done = compilers.compileInBackground(() => quiet);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(compilers.pending).toBe(2);
    quiet = true;
    await done;
    expect(compilers.pending).toBe(0);
    await app.close();
  });

  it('validate as the gateway does: wire parts coerced, bodies not, defaults, every error, lower-cased headers', async () => {
    const compilers = createLazyCompilers();
    const app = appWith(compilers);
    app.post(
      '/items/:n',
      {
        schema: {
          params: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
          querystring: { type: 'object', properties: { tag: { type: 'array', items: { type: 'string' } } } },
          headers: {
            type: 'object',
            properties: { 'X-Token': { type: 'string', minLength: 3 } },
            required: ['X-Token'],
          },
          body: {
            type: 'object',
            properties: { name: { type: 'string', minLength: 1 }, size: { type: 'integer', default: 1 } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
      async (request) => ({ params: request.params, query: request.query, body: request.body }),
    );
    await app.ready();
    expect(compilers.pending).toBe(4);
    const ok = await app.inject({
      method: 'POST',
      url: '/items/7?tag=a',
      headers: { 'x-token': 'abcd' },
      payload: { name: 'x' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ params: { n: 7 }, query: { tag: ['a'] }, body: { name: 'x', size: 1 } });
    const bad = await app.inject({
      method: 'POST',
      url: '/items/7',
      headers: { 'x-token': 'abcd' },
      payload: { name: '', extra: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/body.*must NOT have fewer than 1 characters/);
    expect(bad.json().message).toMatch(/must NOT have additional properties/);
    expect(
      (await app.inject({ method: 'POST', url: '/items/nope', payload: { name: 'x' } })).statusCode,
    ).toBe(400);
    const uncoerced = await app.inject({
      method: 'POST',
      url: '/items/7',
      headers: { 'x-token': 'abcd' },
      payload: { name: 12345 },
    });
    expect(uncoerced.statusCode).toBe(400);
    expect(uncoerced.json().message).toMatch(/body\/name must be string/);
    const noToken = await app.inject({ method: 'POST', url: '/items/7', payload: { name: 'x' } });
    expect(noToken.statusCode).toBe(400);
    expect(noToken.json().message).toMatch(/headers must have required property 'x-token'/);
    await app.close();
  });

  it('still refuse a schema that cannot compile, naming the route', async () => {
    const compilers = createLazyCompilers();
    const app = appWith(compilers);
    app.get('/broken', { schema: { response: { 200: { $ref: 'Missing#' } } } }, async () => ({}));
    await app.ready();
    expect(() => compilers.compilePending()).toThrow(/GET \/broken \(200\) does not compile/);
    await app.close();
  });
});
