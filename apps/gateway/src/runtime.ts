import { type Database, migrateToLatest, withTenant } from '@ec3l/db';
import {
  createBatcher,
  createEventBus,
  type EventBus,
  type EventBusDeps,
  newId,
  systemContext,
  type TelemetryRecord,
  WRITE_BEHIND_WINDOW_MS,
} from '@ec3l/kernel';
import { createRbacService } from '@ec3l/rbac';
import { createTenancyService, insertTelemetryRecords } from '@ec3l/tenancy';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { allMigrations } from './migrations.js';
import { openConfiguredDatabase } from './open-database.js';

export type Runtime = { database: Database; events: EventBus; close(): Promise<void> };

/**
 * The domain event bus, storing every event in execution_telemetry_events: the events emitted within
 * a few milliseconds of each other go to the database in one statement.
 */
export const createPersistentEventBus = (
  db: Database['db'],
  onError: NonNullable<EventBusDeps['onError']>,
): EventBus => {
  const telemetry = createBatcher<TelemetryRecord>(
    (records) =>
      insertTelemetryRecords(
        db,
        records.map((record) => ({ id: newId(), record })),
      ),
    { windowMs: WRITE_BEHIND_WINDOW_MS },
  );
  return createEventBus({
    persist: (record) => telemetry.add(record),
    flush: () => telemetry.drain(),
    onError,
  });
};

/**
 * Migrates the database and wires the event bus to the telemetry table. The database is opened here,
 * or by the caller beforehand (`opened`), so that opening it overlaps loading the rest of the process.
 */
export const openRuntime = async (
  config: Pick<Config, 'database'>,
  log: Logger,
  opened?: Promise<Database>,
): Promise<Runtime> => {
  const database = await (opened ?? openConfiguredDatabase(config, log));
  try {
    await migrateToLatest(database.ownerDb, allMigrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  const events = createPersistentEventBus(database.db, (error, where, event) =>
    log.warn({ err: error, where, eventType: event.type }, 'domain event not handled'),
  );
  return {
    database,
    events,
    close: async () => {
      await events.drain();
      await database.close();
    },
  };
};

/**
 * Creates a tenant unless it exists, seeds its default roles and makes the given users its admins
 * (alongside any recorded before); idempotent.
 */
export const provisionTenant = async (
  runtime: Pick<Runtime, 'database' | 'events'>,
  input: { slug: string; name?: string; plan?: string; admins: readonly string[] },
) => {
  const tenancy = createTenancyService({ db: runtime.database.db, events: runtime.events });
  const rbac = createRbacService({ db: runtime.database.db });
  const result = await tenancy.ensureTenant(input);
  const tenant = (await tenancy.resolveTenant(input.slug))!;
  // Outside any request: the tenant's rows are reached in its scope, set here.
  await withTenant(tenant.id, async () => {
    await tenancy.recordBootstrapAdmins(input.slug, input.admins);
    await rbac.bootstrapAdmins(
      systemContext(tenant.id, tenant.slug),
      await tenancy.listBootstrapAdmins(tenant.id),
    );
  });
  // The audit of the roles and assignments made here is written in batches: provisioning is done when
  // it is stored, so a start that returns has recorded who got what.
  await rbac.drainAudit();
  return result;
};

/**
 * Whether provisionTenant would change nothing: the tenant exists, the admins are recorded, and every
 * admin recorded so far holds Admin among the default roles. Reads only, a few statements.
 */
const isProvisioned = async (
  runtime: Pick<Runtime, 'database' | 'events'>,
  input: { slug: string; admins: readonly string[] },
): Promise<boolean> => {
  const tenancy = createTenancyService({ db: runtime.database.db, events: runtime.events });
  const tenant = await tenancy.resolveTenant(input.slug);
  if (!tenant) return false;
  return withTenant(tenant.id, async () => {
    const recorded = await tenancy.listBootstrapAdmins(tenant.id);
    if (!input.admins.every((admin) => recorded.includes(admin))) return false;
    const rbac = createRbacService({ db: runtime.database.db });
    return rbac.hasBootstrapAdmins(systemContext(tenant.id, tenant.slug), recorded);
  });
};

/**
 * Provisions the configured tenants and their admins; safe to run on every start, and cheap on a restart
 * with nothing to provision (it only reads).
 */
export const bootstrapTenants = async (
  runtime: Pick<Runtime, 'database' | 'events'>,
  config: Pick<Config, 'bootstrapTenants' | 'bootstrapAdmins'>,
): Promise<void> => {
  for (const slug of config.bootstrapTenants) {
    const input = { slug, admins: config.bootstrapAdmins };
    if (!(await isProvisioned(runtime, input))) await provisionTenant(runtime, input);
  }
};
