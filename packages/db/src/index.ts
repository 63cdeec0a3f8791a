export {
  type Cursor,
  decodeCursor,
  encodeCursor,
  type KeyPart,
  type KeysetCursor,
  keysetCursor,
  type Page,
  pageOf,
} from './cursor.js';
export {
  type Database,
  type DatabaseConfig,
  type DatabaseKind,
  type DatabaseOptions,
  databaseConfigFromEnv,
  openDatabase,
} from './database.js';
export {
  type DataException,
  dataExceptionOf,
  isDatabaseUnavailableError,
  isUniqueViolation,
  type TransactionConflict,
  transactionConflictOf,
} from './errors.js';
export { type DataDirLock, DataDirLockedError, lockDataDir } from './lock.js';
export {
  type MigrationModule,
  migrateToLatest,
  migrationsFingerprint,
  qualifiedMigrationName,
} from './migrate.js';
export { APP_ROLE } from './scoped-driver.js';
export {
  assertTenantScope,
  currentTenantId,
  perTenant,
  runInTenantScope,
  setScopeTenant,
  type TenantScope,
  withTenant,
} from './tenant-scope.js';
export { inTransaction } from './transaction.js';
