const UNAVAILABLE_NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

/** True when the error means "the database cannot be reached", as opposed to a bad query. */
export const isDatabaseUnavailableError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_NET_CODES.has(code) || UNAVAILABLE_PG_CODES.has(code)) return true;
    if (code.startsWith('08')) return true; // connection_exception class
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailableError(cause);
};

/** Postgres' SQLSTATE for a unique constraint violation. */
export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
};

/** A value PostgreSQL refused to store or compare (SQLSTATE class 22, data exception). */
export type DataException = {
  sqlstate: string;
  /** What was wrong, in words a client can act on. */
  reason: string;
  /** The column, when PostgreSQL names it. */
  column?: string;
  /** The SQL type the value did not fit, when PostgreSQL names it (uuid, integer, timestamp with time zone …). */
  type?: string;
};

const DATA_EXCEPTION_REASONS: Record<string, string> = {
  '22001': 'a value is too long for its field',
  '22003': 'a number is out of range',
  '22007': 'a date or time has an invalid format',
  '22008': 'a date or time is out of range',
  '22012': 'a division by zero',
  '22021': 'text holds a character that cannot be stored',
  '22023': 'a parameter has an invalid value',
  '22025': 'text holds an invalid escape sequence',
  '2202E': 'an array index is out of range',
  '22P02': 'a value has the wrong format',
  '22P05': 'text holds a character that cannot be stored',
};

const TYPE_IN_MESSAGE_RE = /\bfor type ([a-z][a-z0-9 ]{0,40}?)(?::|$| )/;

/** The first error along `error` and its causes (a few hops) whose SQLSTATE passes `test`. */
const findSqlState = (
  error: unknown,
  test: (sqlstate: string) => boolean,
): { code: string; column?: unknown; message?: unknown } | null => {
  for (let e = error, hops = 0; typeof e === 'object' && e !== null && hops < 5; hops++) {
    const found = e as { code?: unknown; column?: unknown; message?: unknown; cause?: unknown };
    if (typeof found.code === 'string' && test(found.code)) return found as { code: string };
    if (found.cause === e) break;
    e = found.cause;
  }
  return null;
};

/** The data exception behind an error (following its causes), or null when it is none. */
export const dataExceptionOf = (error: unknown): DataException | null => {
  const found = findSqlState(error, (code) => /^22[0-9A-Z]{3}$/.test(code));
  if (!found) return null;
  const { code, column, message } = found;
  const type = typeof message === 'string' ? TYPE_IN_MESSAGE_RE.exec(message)?.[1] : undefined;
  return {
    sqlstate: code,
    reason: DATA_EXCEPTION_REASONS[code] ?? 'a value cannot be stored',
    ...(typeof column === 'string' && column !== '' ? { column } : {}),
    ...(type ? { type } : {}),
  };
};

/**
 * A transaction PostgreSQL aborted because it collided with a concurrent one: a serialization failure
 * (40001) or a deadlock it broke by cancelling this side (40P01). The transaction was rolled back; the
 * same request can simply be sent again.
 */
export type TransactionConflict = {
  sqlstate: '40001' | '40P01';
  reason: 'SERIALIZATION_FAILURE' | 'DEADLOCK';
  /** What happened, in words a client can act on. */
  description: string;
};

const TRANSACTION_CONFLICTS: Record<
  TransactionConflict['sqlstate'],
  Omit<TransactionConflict, 'sqlstate'>
> = {
  '40001': {
    reason: 'SERIALIZATION_FAILURE',
    description: 'a concurrent transaction that changed the same data',
  },
  '40P01': { reason: 'DEADLOCK', description: 'a deadlock with a concurrent transaction' },
};

/** The transaction conflict behind an error (following its causes), or null when it is none. */
export const transactionConflictOf = (error: unknown): TransactionConflict | null => {
  const found = findSqlState(error, (code) => Object.hasOwn(TRANSACTION_CONFLICTS, code));
  if (!found) return null;
  const sqlstate = found.code as TransactionConflict['sqlstate'];
  return { sqlstate, ...TRANSACTION_CONFLICTS[sqlstate] };
};
