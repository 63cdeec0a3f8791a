export { type Batcher, createBatcher } from './batch.js';
export { type Clock, fixedClock, systemClock } from './clock.js';
export {
  type Actor,
  type ActorType,
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
  type DomainEventType,
  DomainEventTypes,
  type EventBus,
  type EventBusDeps,
  type EventHandler,
  type TelemetryRecord,
  toTelemetryRecord,
} from './events.js';
export { isUuid, newId } from './ids.js';
export {
  hasNul,
  INT4_MAX,
  INT4_MIN,
  Int32,
  isBlankName,
  NAME_PATTERN,
  Name,
  normalizeName,
  TEXT_PATTERN,
  Text,
} from './schema.js';
