import { type Database, migrateToLatest, openDatabase } from '@ec3l/db';
import { createEventBus, type EventBus, newId } from '@ec3l/kernel';
import { createTenancyService, insertTelemetryRecord } from '@ec3l/tenancy';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { allMigrations } from './migrations.js';

export type Runtime = { database: Database; events: EventBus; close(): Promise<void> };

/** Opens and migrates the database and wires the event bus to the telemetry table. */
export const openRuntime = async (config: Pick<Config, 'database'>, log: Logger): Promise<Runtime> => {
  const database = await openDatabase(config.database, {
    onPoolError: (error) => log.warn({ err: error }, 'idle database connection failed'),
  });
  try {
    await migrateToLatest(database.db, allMigrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  const events = createEventBus({
    persist: (record) => insertTelemetryRecord(database.db, newId(), record),
    onError: (error, where, event) =>
      log.warn({ err: error, where, eventType: event.type }, 'domain event not handled'),
  });
  return {
    database,
    events,
    close: async () => {
      await events.drain();
      await database.close();
    },
  };
};

/** Creates the configured tenants and records their bootstrap admins; safe to run on every start. */
export const bootstrapTenants = async (
  runtime: Runtime,
  config: Pick<Config, 'bootstrapTenants' | 'bootstrapAdmins'>,
): Promise<void> => {
  const tenancy = createTenancyService({ db: runtime.database.db, events: runtime.events });
  for (const slug of config.bootstrapTenants) {
    await tenancy.ensureTenant({ slug });
    await tenancy.recordBootstrapAdmins(slug, config.bootstrapAdmins);
  }
};
