export {
  afterCursor,
  type Cursor,
  decodeCursor,
  keysetCursor,
  type Page,
  pageOf,
} from './cursor.js';
export {
  type Database,
  openDatabase,
} from './database.js';
export type { DeferredCheck } from './deferred-check.js';
export {
  dataExceptionOf,
  isDatabaseUnavailableError,
  isUniqueViolation,
  transactionConflictOf,
} from './errors.js';
export {
  type MigrationModule,
  migrateToLatest,
} from './migrate.js';
export { prepared, preparedGeneric, preparedStatement } from './prepared.js';
export { APP_ROLE } from './scoped-driver.js';
export {
  assertTenantScope,
  perTenant,
  runInTenantScope,
  setScopeTenant,
  withTenant,
} from './tenant-scope.js';
export { inTransaction, lockRowById } from './transaction.js';
