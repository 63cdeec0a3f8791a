import { type Database, openDatabase } from '@ec3l/db';
import type { Logger } from 'pino';
import type { Config } from './config.js';

/** Opens the configured database, logging failures of idle pooled connections. */
export const openConfiguredDatabase = (config: Pick<Config, 'database'>, log: Logger): Promise<Database> =>
  openDatabase(config.database, {
    onPoolError: (error) => log.warn({ err: error }, 'idle database connection failed'),
  });
