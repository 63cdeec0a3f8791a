import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { markedPrepared } from './prepared.js';
import { currentTenantId } from './tenant-scope.js';

/** The role the application's queries run as: it owns no table and cannot bypass row-level security. */
export const APP_ROLE = 'ec3l_app';

/** What a connection's session was last set to; absent when unknown (new, or after a rollback). */
type SessionState = { role: string; tenant: string };

// Keyed by the underlying driver's connection object, which lives as long as its database session.
const sessions = new WeakMap<DatabaseConnection, SessionState>();

/** Syncs a connection's role and `ec3l.tenant_id` to what the next statement needs, when they differ. */
const syncSession = async (connection: DatabaseConnection, role: string): Promise<void> => {
  const tenant = currentTenantId() ?? '';
  const known = sessions.get(connection);
  if (known && known.role === role && known.tenant === tenant) return;
  sessions.delete(connection);
  // JIT compilation goes off with them, at no extra round trip: the application's statements are short
  // index lookups, but the planner's estimates for a recursive statement (the inheritance scope) run into
  // the millions and would spend seconds compiling a statement that runs in a millisecond.
  await connection.executeQuery(
    CompiledQuery.raw(
      markedPrepared(
        "select set_config('role', $1, false), set_config('ec3l.tenant_id', $2, false), set_config('jit', 'off', false)",
      ),
      [role, tenant],
    ),
  );
  sessions.set(connection, { role, tenant });
};

class ScopedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly role: string,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await syncSession(this.inner, this.role);
    return this.inner.executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    await syncSession(this.inner, this.role);
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }
}

/** A FIFO lock: one holder of the single embedded connection at a time. */
const createGate = () => {
  let tail = Promise.resolve();
  return async (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = tail;
    tail = tail.then(() => held);
    await before;
    return release;
  };
};

/** One underlying driver shared by the application and owner handles: initialised and destroyed once. */
const createSharedDriver = (inner: Driver, exclusive: boolean) => {
  let initialised: Promise<void> | undefined;
  let destroyed: Promise<void> | undefined;
  const enter = exclusive ? createGate() : undefined;
  const releases = new WeakMap<DatabaseConnection, () => void>();
  return {
    inner,
    init: () => {
      initialised ??= inner.init();
      return initialised;
    },
    destroy: () => {
      destroyed ??= inner.destroy();
      return destroyed;
    },
    acquire: async (): Promise<DatabaseConnection> => {
      const release = await enter?.();
      const connection = await inner.acquireConnection();
      if (release) releases.set(connection, release);
      return connection;
    },
    release: async (connection: DatabaseConnection): Promise<void> => {
      try {
        await inner.releaseConnection(connection);
      } finally {
        releases.get(connection)?.();
        releases.delete(connection);
      }
    },
  };
};

type SharedDriver = ReturnType<typeof createSharedDriver>;

/**
 * A driver whose every statement runs as `role` ('none': the connecting user) with the current tenant
 * scope in `ec3l.tenant_id`. Session settings are tracked per connection, so a statement is added only
 * when the wanted values change; a rollback may revert them, so it forgets what it knew.
 */
class ScopedDriver implements Driver {
  constructor(
    private readonly shared: SharedDriver,
    private readonly role: string,
  ) {}

  init(): Promise<void> {
    return this.shared.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ScopedConnection(await this.shared.acquire(), this.role);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const inner = (connection as ScopedConnection).inner;
    // Set outside the transaction, so the values survive whatever becomes of it.
    await syncSession(inner, this.role);
    await this.shared.inner.beginTransaction(inner, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.shared.inner.commitTransaction((connection as ScopedConnection).inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const inner = (connection as ScopedConnection).inner;
    sessions.delete(inner);
    await this.shared.inner.rollbackTransaction(inner);
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    await this.shared.inner.savepoint?.((connection as ScopedConnection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    const inner = (connection as ScopedConnection).inner;
    sessions.delete(inner);
    await this.shared.inner.rollbackToSavepoint?.(inner, name, compileQuery);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    await this.shared.inner.releaseSavepoint?.((connection as ScopedConnection).inner, name, compileQuery);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.shared.release((connection as ScopedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.shared.destroy();
  }
}

const withDriver = (dialect: Dialect, driver: Driver): Dialect => ({
  createAdapter: () => dialect.createAdapter(),
  createDriver: () => driver,
  createQueryCompiler: () => dialect.createQueryCompiler(),
  createIntrospector: (db) => dialect.createIntrospector(db),
});

/**
 * Two dialects over one connection source: `app` runs every statement as APP_ROLE in the current tenant
 * scope, `owner` as the connecting user (migrations, and tests that look at raw tables). `exclusive`
 * hands the single connection of an embedded database to one user of either handle at a time (Kysely
 * serialises the users of one handle only), so that no statement slips between another's session sync
 * and its statement, or into another's transaction.
 */
export const scopedDialects = (dialect: Dialect, options: { exclusive: boolean }) => {
  const shared = createSharedDriver(dialect.createDriver(), options.exclusive);
  return {
    app: withDriver(dialect, new ScopedDriver(shared, APP_ROLE)),
    owner: withDriver(dialect, new ScopedDriver(shared, 'none')),
  };
};
