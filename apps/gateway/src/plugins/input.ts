import { ErrorCodes, hasNul, invalid } from '@ec3l/kernel';
import type { FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { errorBody } from './errors.js';

/** Deepest JSON body accepted: arrays and objects nested more than this are refused at parse time. */
export const MAX_BODY_DEPTH = 64;

type Problem = { path: string; message: string };

const pointer = (path: readonly (string | number)[]) =>
  path.length === 0
    ? '/'
    : `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/**
 * The first reason a parsed JSON value cannot be accepted: nested deeper than MAX_BODY_DEPTH, or a
 * NUL character in a string or a key. Stops descending at the depth limit, so it never recurses far.
 */
const inspectJson = (value: unknown): Problem | null => {
  const path: (string | number)[] = [];
  const visit = (v: unknown, depth: number): Problem | null => {
    if (typeof v === 'string')
      return hasNul(v) ? { path: pointer(path), message: 'must not contain the NUL character' } : null;
    if (typeof v !== 'object' || v === null) return null;
    if (depth >= MAX_BODY_DEPTH)
      return {
        path: pointer(path),
        message: `must not nest arrays and objects deeper than ${MAX_BODY_DEPTH} levels`,
      };
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    for (const [key, child] of entries) {
      path.push(key);
      const problem =
        typeof key === 'string' && hasNul(key)
          ? { path: pointer(path), message: 'property names must not contain the NUL character' }
          : visit(child, depth + 1);
      path.pop();
      if (problem) return problem;
    }
    return null;
  };
  return visit(value, 0);
};

// %00 is NUL percent-encoded; a raw NUL can only come from an in-process caller.
const hasUrlNul = (part: string) => part.includes('%00') || hasNul(part);

/**
 * Input checks that hold for every route, at the mechanism rather than per schema:
 * - JSON bodies: parsed by Fastify's parser (which refuses prototype poisoning), then refused when
 *   nested deeper than MAX_BODY_DEPTH or holding NUL; an empty body counts as none, so action
 *   routes (checkin, merge …) accept clients that always send a JSON content type;
 * - path, query string and headers: refused when they hold NUL (PostgreSQL stores it in neither
 *   text nor jsonb).
 * Each refusal is a 400 VALIDATION_ERROR naming where the input was wrong; the OpenAPI document lists
 * 400 on every operation for that reason (openapi.ts, commonStatuses).
 */
export const registerInputGuards = (app: FastifyInstance): void => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    return parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const problem = inspectJson(parsed);
      if (problem)
        return done(
          invalid(`body${problem.path === '/' ? '' : problem.path} ${problem.message}`, [
            { in: 'body', ...problem },
          ]),
          undefined,
        );
      return done(null, parsed);
    });
  });

  app.addHook('onRequest', async (request) => {
    const [path = '', query] = request.url.split('?', 2);
    if (hasUrlNul(path))
      throw invalid('the path must not contain the NUL character (%00)', [
        { in: 'params', path: '/', message: 'must not contain the NUL character' },
      ]);
    if (query !== undefined && hasUrlNul(query))
      throw invalid('the query string must not contain the NUL character (%00)', [
        { in: 'querystring', path: '/', message: 'must not contain the NUL character' },
      ]);
    for (const [name, value] of Object.entries(request.headers)) {
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'string' && hasNul(v)))
        throw invalid(`header ${name} must not contain the NUL character`, [
          { in: 'headers', path: `/${name}`, message: 'must not contain the NUL character' },
        ]);
    }
  });
};

/** Longest path parameter the router accepts (ids are 36 characters, keys and names at most 200). */
export const MAX_PARAM_LENGTH = 500;

/**
 * The router's own refusals (a path parameter over MAX_PARAM_LENGTH, a malformed percent-encoding)
 * answer 400 in the API's error shape, as any other bad path parameter does.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  request,
  anyReply,
) => {
  const reply = anyReply as unknown as FastifyReply;
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = tooLong
    ? `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`
    : 'the path is not valid percent-encoded UTF-8';
  // Sent before any route or hook runs, so the request id is echoed here.
  return reply
    .code(400)
    .header('x-request-id', request.id)
    .type('application/json')
    .send(errorBody(400, ErrorCodes.VALIDATION_ERROR, message, [{ in: 'params', path: '/', message }]));
};

/**
 * Ajv options of route validation: JSON bodies are checked as sent (a number where a string belongs is
 * a 400, never turned into "12345"); path, query string and headers arrive as strings on the wire, so
 * only they are coerced to the schema's types (and a single query value to a one-element array).
 */
export const validationOptions = (httpPart: string | undefined) =>
  ({
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    // Patch ops and targets are a oneOf told apart by opType / type.
    discriminator: true,
    coerceTypes: httpPart === 'body' ? false : 'array',
  }) as const;
