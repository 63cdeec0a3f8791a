import { STATUS_CODES } from 'node:http';
import type { ChangeEngineErrorCode } from '@ec3l/change-engine';
import { dataExceptionOf, isDatabaseUnavailableError, transactionConflictOf } from '@ec3l/db';
import type { FormsErrorCode } from '@ec3l/forms';
import type { GraphPackagesErrorCode } from '@ec3l/graph-packages';
import { type ErrorCode, ErrorCodes, isDomainError, NAME_PATTERN, TEXT_PATTERN } from '@ec3l/kernel';
import type { PromotionErrorCode } from '@ec3l/promotion';
import type { RecordsErrorCode } from '@ec3l/records';
import type { VibeErrorCode } from '@ec3l/vibe';
import type { WorkflowDispatchErrorCode, WorkflowErrorCode } from '@ec3l/workflow';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The one table from error code to HTTP status: every code a package's `errors.ts` declares, the shared
 * codes of @ec3l/kernel, and the gateway's own transport codes. A code missing here fails the type check.
 */
export const STATUS_BY_CODE = {
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  AGENT_FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  DATABASE_UNAVAILABLE: 503,
  ...satisfiesStatus<RecordsErrorCode>({
    DUPLICATE_FIELD: 400,
    FIELD_EXISTS: 409,
    BINDING_TARGET_MISSING: 400,
    BASE_TYPE_CROSS_PROJECT: 400,
    ORPHAN_BASE_TYPE: 400,
    CONFIG_FIELD_MISSING: 400,
    CONFIG_INVALID: 400,
    RECORD_INVALID: 400,
    RECORD_TYPE_NOT_ACTIVE: 409,
    RECORD_VERSION_CONFLICT: 409,
    RECORD_LOCKED: 409,
  }),
  ...satisfiesStatus<ChangeEngineErrorCode>({
    RECORD_TYPE_NOT_IN_PROJECT: 400,
    NO_OPS: 422,
    EXECUTION_FAILED: 422,
  }),
  ...satisfiesStatus<WorkflowErrorCode>({
    WORKFLOW_STATE_CONFLICT: 409,
    WORKFLOW_DEFINITION_INVALID: 409,
    WORKFLOW_STEP_CONFIG_INVALID: 400,
    WORKFLOW_STEP_REFERENCED: 409,
    APPROVAL_CLOSED: 409,
    APPROVAL_ALREADY_DECIDED: 409,
    NOT_AN_APPROVER: 403,
    EXECUTION_NOT_PAUSED: 409,
    STEP_FAILED: 422,
    EXECUTION_EXISTS_FOR_INTENT: 409,
  }),
  ...satisfiesStatus<GraphPackagesErrorCode>({
    PACKAGE_INVALID: 400,
    PACKAGE_DOWNGRADE: 409,
    PACKAGE_OWNERSHIP_CONFLICT: 409,
    PACKAGE_DATA_LOSS: 409,
    PACKAGE_GRAPH_INVALID: 422,
    PACKAGE_INSTALL_NOT_FOUND: 404,
    PACKAGE_ALREADY_REVERTED: 409,
    PACKAGE_REVERT_BLOCKED: 409,
  }),
  ...satisfiesStatus<WorkflowDispatchErrorCode>({
    WORKFLOW_DEFINITION_NOT_ACTIVE: 409,
    TRIGGER_DISABLED: 409,
    INVALID_TRIGGER_CONFIG: 400,
  }),
  ...satisfiesStatus<PromotionErrorCode>({
    PROMOTION_STATE_CONFLICT: 409,
    PROMOTION_DRIFT: 409,
    PROMOTION_APPROVAL_REQUIRED: 409,
    PROMOTION_ENVIRONMENTS_INVALID: 400,
    PROMOTION_HUMAN_REQUIRED: 403,
    WEBHOOK_URL_REFUSED: 400,
  }),
  ...satisfiesStatus<FormsErrorCode>({
    FORM_NAME_TAKEN: 409,
    FORM_STATE_CONFLICT: 409,
    FORM_FIELD_UNKNOWN: 400,
    FORM_FIELD_PLACED: 409,
    FORM_SECTION_TITLE_TAKEN: 409,
    FORM_REQUIRED_FIELD: 409,
    FORM_PATCH_INVALID: 400,
    FORM_CONDITION_INVALID: 400,
    FORM_LIMIT_REACHED: 409,
    FORM_RULE_VIOLATION: 400,
  }),
  ...satisfiesStatus<VibeErrorCode>({
    VIBE_GENERATION_FAILED: 422,
    VIBE_NAMESPACE_VIOLATION: 400,
    VIBE_PACKAGE_INVALID: 400,
    VIBE_GENERATION_LIMIT: 429,
    VIBE_PROVIDER_ERROR: 503,
    VIBE_DRAFT_STATE_CONFLICT: 409,
    VIBE_PATCH_INVALID: 400,
    VIBE_VERSION_NOT_FOUND: 404,
  }),
  /** The body is not JSON (or empty where JSON was announced). */
  INVALID_JSON: 400,
  /** A malformed request the schema cannot name (e.g. a bad content length). */
  BAD_REQUEST: 400,
  /** The body is larger than EC3L_BODY_LIMIT. */
  PAYLOAD_TOO_LARGE: 413,
  /** The body's content type is not application/json. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Anything unexpected; logged, never described to the client. */
  INTERNAL_ERROR: 500,
  /** The process listens but the database is not open and migrated yet. */
  STARTING: 503,
  /** JWT mode: the remote key set that verifies tokens cannot be fetched (the token is not at fault). */
  AUTH_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number> & Record<string, number>;

function satisfiesStatus<C extends string>(table: Record<C, number>): Record<C, number> {
  return table;
}

export type ApiErrorCode = keyof typeof STATUS_BY_CODE;
export const API_ERROR_CODES = Object.keys(STATUS_BY_CODE) as ApiErrorCode[];

/** The codes answered with one status, for that status's error schema. */
const codesWithStatus = (status: number): ApiErrorCode[] =>
  API_ERROR_CODES.filter((code) => STATUS_BY_CODE[code] === status);

const stringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

const ValidationIssueSchema = Type.Object(
  {
    in: Type.String({ description: 'body, querystring, params or headers' }),
    path: Type.String({ description: 'JSON pointer into that part of the request' }),
    message: Type.String(),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'ValidationIssue' },
);

/** What a 400 carries: the schema's list of issues, or the one field or header a domain check refused. */
const ValidationDetailsSchema = Type.Union(
  [
    Type.Array(Type.Ref('ValidationIssue')),
    Type.Object({
      field: Type.Optional(Type.String({ description: 'The refused body field' })),
      header: Type.Optional(Type.String({ description: 'The refused header' })),
      problems: Type.Optional(Type.Array(Type.String())),
    }),
  ],
  { $id: 'ValidationDetails' },
);

const ForbiddenDetailsSchema = Type.Object(
  {
    permission: Type.String({ description: 'The permission the route requires' }),
    resource: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
    reason: Type.String({ description: 'Why the decision denied' }),
  },
  { $id: 'ForbiddenDetails' },
);

const UnprocessableDetailsSchema = Type.Object(
  { errors: Type.Array(Type.Ref('ExecutionError')) },
  { $id: 'UnprocessableDetails' },
);

const errorSchema = (id: string, codes: readonly string[], details: TSchema, description: string) =>
  Type.Object(
    {
      statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
      code: stringEnum(codes, { description: 'Stable machine-readable error code (docs/api-errors.md)' }),
      error: Type.String({ description: 'HTTP reason phrase' }),
      message: Type.String({ description: 'What went wrong, for people' }),
      details: Type.Optional(details),
    },
    { $id: id, description },
  );

/** Every error body; the per-status schemas below narrow `code` and `details`. */
const ErrorBodySchema = errorSchema(
  'ErrorResponse',
  API_ERROR_CODES,
  Type.Unknown({ description: 'Structured context; its shape depends on the status' }),
  'The body of every error answer',
);
export type ErrorBody = Static<typeof ErrorBodySchema>;

/** Error schemas by status for the OpenAPI document; statuses without one use ErrorResponse. */
export const errorSchemasByStatus: Record<number, TSchema> = {
  400: errorSchema(
    'ValidationErrorResponse',
    codesWithStatus(400),
    Type.Ref('ValidationDetails'),
    'The request is malformed',
  ),
  403: errorSchema(
    'ForbiddenErrorResponse',
    codesWithStatus(403),
    Type.Ref('ForbiddenDetails'),
    'The actor may not do this',
  ),
  422: errorSchema(
    'UnprocessableErrorResponse',
    codesWithStatus(422),
    Type.Ref('UnprocessableDetails'),
    'The change cannot be executed',
  ),
  409: errorSchema(
    'ConflictErrorResponse',
    codesWithStatus(409),
    Type.Record(Type.String(), Type.Unknown(), { description: 'The conflicting field or states' }),
    'The request conflicts with the current state',
  ),
};

/** Error schemas registered with Fastify (and published as components). */
export const errorSchemas: TSchema[] = [
  ValidationIssueSchema,
  ValidationDetailsSchema,
  ForbiddenDetailsSchema,
  UnprocessableDetailsSchema,
  ErrorBodySchema,
  ...Object.values(errorSchemasByStatus),
];

export const errorBody = (
  statusCode: number,
  code: ApiErrorCode,
  message: string,
  details?: unknown,
): ErrorBody => ({
  statusCode,
  code,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(details === undefined ? {} : { details }),
});

const FASTIFY_CODES: Record<string, { status: number; code: ApiErrorCode }> = {
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
    const status = STATUS_BY_CODE[error.code as ApiErrorCode] ?? 400;
    return {
      status,
      body: errorBody(status, error.code as ApiErrorCode, error.message, error.details),
      unexpected: false,
    };
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
  const collision = transactionConflictOf(error);
  if (collision) {
    // PostgreSQL rolled the request's transaction back to let a concurrent one through: nothing is
    // wrong with the request, and sending it again is the remedy.
    return {
      status: 409,
      body: errorBody(
        409,
        ErrorCodes.CONFLICT,
        `The request was rolled back because of ${collision.description}; retry it`,
        { reason: collision.reason, sqlstate: collision.sqlstate },
      ),
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
    else if (status === 409 && transactionConflictOf(error))
      request.log.warn({ err: error }, 'transaction conflict');
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

/** Error responses for a route's OpenAPI description (the document adds the ones every route can answer). */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorResponse', { description: STATUS_CODES[s] })]));

/** The errors of a tenant-scoped read: bad input, no identity, not found (or another tenant's). */
export const readErrors = errorResponses(400, 401, 404);
/** A read guarded by a permission (admin views): a read's errors and 403. */
export const guardedReadErrors = errorResponses(400, 401, 403, 404);
/** A guarded write: a guarded read's errors and 409 (a state, version or uniqueness conflict). */
export const writeErrors = errorResponses(400, 401, 403, 404, 409);
/** A guarded write that validates a graph: a write's errors and 422 (details.errors lists them). */
export const validatedWriteErrors = errorResponses(400, 401, 403, 404, 409, 422);
