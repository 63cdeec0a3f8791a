import { resolve } from 'node:path';
import { isTenantSlug, parseList } from '@ec3l/tenancy';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  EC3L_DATA_DIR: z.string().min(1).default('.ec3l/data'),
  EC3L_BOOTSTRAP_TENANTS: z.string().default('default'),
  EC3L_BOOTSTRAP_ADMINS: z.string().default('admin'),
  EC3L_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ANTHROPIC_API_KEY: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  bootstrapTenants: string[];
  bootstrapAdmins: string[];
  bodyLimit: number;
  logLevel: (typeof LOG_LEVELS)[number];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from environment variables. Relative data directories resolve
 * against the directory the command was started from (pnpm's INIT_CWD), so `pnpm start` and `pnpm ec3l`
 * run from the repository root share one database.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const tenants = parseList(e.EC3L_BOOTSTRAP_TENANTS);
  const bad = tenants.filter((slug) => !isTenantSlug(slug));
  if (bad.length > 0) {
    throw new ConfigError([
      `EC3L_BOOTSTRAP_TENANTS: ${bad.map((b) => `"${b}"`).join(', ')} not valid slugs (lower-case letters, digits, dashes)`,
    ]);
  }
  const dataDir =
    e.EC3L_DATA_DIR === 'memory' ? 'memory' : resolve(env.INIT_CWD ?? process.cwd(), e.EC3L_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir },
    bootstrapTenants: tenants,
    bootstrapAdmins: parseList(e.EC3L_BOOTSTRAP_ADMINS),
    bodyLimit: e.EC3L_BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
  };
};
