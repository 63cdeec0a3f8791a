/**
 * Error codes shared by every domain. Each package adds its specific codes in its own `errors.ts`;
 * the gateway maps every code to an HTTP status in one table. Domain code never speaks HTTP.
 */
export const ErrorCodes = {
  /** Input failed validation (bad shape, bad value). */
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  /** The request carries no usable identity (e.g. missing tenant header). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The actor lacks a permission. */
  FORBIDDEN: 'FORBIDDEN',
  /** The action is refused to AI agents whatever their roles. */
  AGENT_FORBIDDEN: 'AGENT_FORBIDDEN',
  /** The thing does not exist in the caller's tenant (or at all). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with current state (duplicate, wrong lifecycle state). */
  CONFLICT: 'CONFLICT',
  /** The request was well-formed but could not be carried out (e.g. execution failed). */
  UNPROCESSABLE: 'UNPROCESSABLE',
  /** The database cannot be reached right now; retrying later may succeed. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** A failure the caller can act on: a stable code, a human message and optional structured details. */
export class DomainError extends Error {
  /** One of {@link ErrorCodes} or a code from a package's `errors.ts`. */
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;

export const notFound = (what: string, id?: string): DomainError =>
  new DomainError(ErrorCodes.NOT_FOUND, id === undefined ? `${what} not found` : `${what} ${id} not found`);

export const conflict = (message: string, details?: unknown): DomainError =>
  new DomainError(ErrorCodes.CONFLICT, message, details);

export const invalid = (message: string, details?: unknown): DomainError =>
  new DomainError(ErrorCodes.VALIDATION_ERROR, message, details);
