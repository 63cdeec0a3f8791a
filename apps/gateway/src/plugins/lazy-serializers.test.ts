import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLazySerializers, type LazySerializers } from './lazy-serializers.js';

const appWith = (serializers: LazySerializers) => {
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: serializers.buildSerializer } },
  });
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
  return app;
};

describe('lazily compiled response serializers', () => {
  it('compile nothing on ready, then serialize by the schema on first use, shared schemas included', async () => {
    const serializers = createLazySerializers();
    const app = appWith(serializers);
    await app.ready();
    // Two routes, each with its HEAD twin, each with two response codes.
    expect(serializers.pending).toBe(8);
    const res = await app.inject({ method: 'GET', url: '/thing' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'kept' });
    expect(serializers.pending).toBe(7);
    await serializers.compileInBackground();
    expect(serializers.pending).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/other' })).json()).toEqual({ name: 'other' });
    await app.close();
  });

  it('still refuse a response schema that cannot compile, naming the route', async () => {
    const serializers = createLazySerializers();
    const app = Fastify({
      schemaController: { compilersFactory: { buildSerializer: serializers.buildSerializer } },
    });
    app.get('/broken', { schema: { response: { 200: { $ref: 'Missing#' } } } }, async () => ({}));
    await app.ready();
    expect(() => serializers.compilePending()).toThrow(/GET \/broken \(200\) does not compile/);
    await app.close();
  });
});
