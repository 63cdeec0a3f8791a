import { Ec3lApiError } from '@ec3l/sdk';

/** One entry of a 400 VALIDATION_ERROR's details, as the gateway sends it. */
type ValidationDetail = { in?: unknown; path?: unknown; message?: unknown };

const isValidationDetail = (value: unknown): value is ValidationDetail =>
  typeof value === 'object' && value !== null && 'message' in value;

/**
 * Maps a VALIDATION_ERROR's details to messages per body field (`/name` → `name`). Details that do not
 * name a body field (the whole body, a header, a query parameter) are collected under `_form`.
 */
export const fieldErrorsFrom = (error: unknown): Record<string, string> => {
  if (!(error instanceof Ec3lApiError) || !Array.isArray(error.details)) return {};
  const byKey = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(message)) list.push(message);
    byKey.set(key, list);
  };
  for (const detail of error.details) {
    if (!isValidationDetail(detail)) continue;
    const message = String(detail.message);
    const path = typeof detail.path === 'string' ? detail.path : '';
    const field = path.replace(/^\//, '').split('/')[0] ?? '';
    if (detail.in === 'body' && field !== '') add(field, message);
    else add('_form', path && path !== '/' ? `${path.replace(/^\//, '')}: ${message}` : message);
  }
  const out: Record<string, string> = {};
  for (const [key, messages] of byKey) {
    // A nullable field that fails its one real check also fails "must be null" and the anyOf that joins
    // them: those two say nothing the user can act on.
    const useful = messages.filter((m) => !SCHEMA_NOISE.test(m));
    out[key] = (useful.length > 0 ? useful : messages).join('; ');
  }
  return out;
};

const SCHEMA_NOISE = /^must (be null|match a schema in (anyOf|oneOf))$/;

/** A sentence for the user describing why a call failed. */
export const errorMessage = (error: unknown): string => {
  if (error instanceof Ec3lApiError) {
    if (error.code === 'GATEWAY_UNAVAILABLE') return 'The EC3L gateway is unreachable. Is it running?';
    return error.message;
  }
  if (error instanceof TypeError) return 'The console could not reach its server. Check your connection.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
};

/** The error's stable code (e.g. NOT_FOUND), or null when it is not an API error. */
export const errorCode = (error: unknown): string | null =>
  error instanceof Ec3lApiError ? error.code : null;

export const isNotFound = (error: unknown): boolean => error instanceof Ec3lApiError && error.status === 404;

/**
 * A failed submit's messages for a form: validation details beside the fields the form has, everything
 * else (a 409's message, details naming no field) under `_form`.
 */
export const formErrorsFrom = <F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F | '_form', string>> => {
  const out: Partial<Record<F | '_form', string>> = {};
  for (const [key, message] of Object.entries(fieldErrorsFrom(error))) {
    if ((fields as readonly string[]).includes(key)) out[key as F] = message;
    else out._form = out._form ? `${out._form}; ${message}` : message;
  }
  if (Object.keys(out).length === 0) out._form = errorMessage(error);
  return out;
};
