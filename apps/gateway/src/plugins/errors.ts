import { STATUS_CODES } from 'node:http';
import { dataExceptionOf, isDatabaseUnavailableError } from '@ec3l/db';
import { type ErrorCode, ErrorCodes, isDomainError, NAME_PATTERN, TEXT_PATTERN } from '@ec3l/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const ErrorBodySchema = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    error: Type.String({ description: 'HTTP reason phrase' }),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBodySchema>;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  AGENT_FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  DATABASE_UNAVAILABLE: 503,
};

export const errorBody = (
  statusCode: number,
  code: string,
  message: string,
  details?: unknown,
): ErrorBody => ({
  statusCode,
  code,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(details === undefined ? {} : { details }),
});

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST' },
};

const PATTERN_MEANINGS: Record<string, string> = {
  [NAME_PATTERN]: 'must contain a visible character and no NUL character',
  [TEXT_PATTERN]: 'must not contain the NUL character',
};

/** A schema error in words: the shared text and name patterns say what they mean, not their regex. */
const describeValidation = (v: { keyword?: string; params?: Record<string, unknown>; message?: string }) => {
  const pattern = v.keyword === 'pattern' ? v.params?.pattern : undefined;
  return (typeof pattern === 'string' ? PATTERN_MEANINGS[pattern] : undefined) ?? v.message ?? 'is invalid';
};

/** Maps any thrown error to the uniform error body; internals never reach the client. */
export const toErrorReply = (error: unknown): { status: number; body: ErrorBody; unexpected: boolean } => {
  if (isDomainError(error)) {
    const status = STATUS_BY_CODE[error.code] ?? 400;
    return { status, body: errorBody(status, error.code, error.message, error.details), unexpected: false };
  }
  const fe = error as FastifyError;
  if (fe?.validation) {
    const context = fe.validationContext ?? 'request';
    const details = fe.validation.map((v) => ({
      in: context,
      path: v.instancePath || '/',
      message: describeValidation(v),
      ...(v.params && Object.keys(v.params).length > 0 ? { params: v.params } : {}),
    }));
    return {
      status: 400,
      body: errorBody(
        400,
        ErrorCodes.VALIDATION_ERROR,
        details.map((d) => `${context}${d.path === '/' ? '' : d.path} ${d.message}`).join(', '),
        details,
      ),
      unexpected: false,
    };
  }
  if (isDatabaseUnavailableError(error)) {
    return {
      status: 503,
      body: errorBody(503, ErrorCodes.DATABASE_UNAVAILABLE, 'The database is unavailable; try again shortly'),
      unexpected: false,
    };
  }
  const data = dataExceptionOf(error);
  if (data) {
    // A value that passed the schema but not the column (a bad uuid in a filter, a number beyond the
    // column's range …) is the client's input: 400, naming the field when PostgreSQL does.
    const field = data.column?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const message = `${data.reason}${data.type ? ` (expected ${data.type})` : ''}${field ? ` in ${field}` : ''}`;
    return {
      status: 400,
      body: errorBody(400, ErrorCodes.VALIDATION_ERROR, message, [
        {
          in: 'request',
          path: field ? `/${field}` : '/',
          message: data.reason,
          params: { sqlstate: data.sqlstate },
        },
      ]),
      unexpected: false,
    };
  }
  const known = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known)
    return { status: known.status, body: errorBody(known.status, known.code, fe.message), unexpected: false };
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: errorBody(fe.statusCode, 'BAD_REQUEST', fe.message),
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: errorBody(500, 'INTERNAL_ERROR', 'An unexpected error occurred'),
    unexpected: true,
  };
};

/** One error handler and one not-found handler for the whole app. */
export const registerErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, unexpected } = toErrorReply(error);
    if (unexpected) request.log.error({ err: error }, 'unhandled error');
    else if (status === 503) request.log.warn({ err: error }, 'database unavailable');
    return reply.code(status).type('application/json').send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        errorBody(404, 'NOT_FOUND', `Route ${request.method} ${request.url.split('?')[0]} does not exist`),
      ),
  );
};

/** Error responses for a route's OpenAPI description. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('Error', { description: STATUS_CODES[s] })]));
