export { createBatcher, WRITE_BEHIND_WINDOW_MS } from './batch.js';
export { type Clock, systemClock } from './clock.js';
export { runInCommitScope } from './commit-scope.js';
export {
  actorOf,
  type Principal,
  principalOf,
  type RequestContext,
  systemContext,
} from './context.js';
export {
  conflict,
  DomainError,
  type ErrorCode,
  ErrorCodes,
  invalid,
  isDomainError,
  notFound,
} from './errors.js';
export {
  createEventBus,
  type DomainEvent,
  type EventBus,
  type EventBusDeps,
  type TelemetryRecord,
} from './events.js';
export { isTenantSlug, isUuid, newId, parseList } from './ids.js';
export {
  hasNul,
  IDENTIFIER_PATTERN,
  Identifier,
  Int32,
  isIdentifier,
  NAME_PATTERN,
  Name,
  Nullable,
  normalizeName,
  TEXT_PATTERN,
  Text,
  Uuid,
} from './schema.js';
