import { createPublicKey, type KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import { isTenantSlug, parseList } from '@ec3l/kernel';
import { AllowlistError, parseAllowlist } from '@ec3l/promotion/allowlist';
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
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  EC3L_LLM_PROVIDER: z.enum(['stub', 'anthropic', 'openai']).default('stub'),
  EC3L_ANTHROPIC_MODEL: z.string().min(1).default('claude-sonnet-4-5'),
  EC3L_ANTHROPIC_BASE_URL: z.url().optional(),
  EC3L_OPENAI_MODEL: z.string().min(1).default('gpt-4.1'),
  EC3L_OPENAI_BASE_URL: z.url().optional(),
  EC3L_VIBE_REPAIR_ATTEMPTS: z.coerce.number().int().min(0).max(5).default(2),
  EC3L_VIBE_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(4),
  EC3L_VIBE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(120_000),
  EC3L_VIBE_STUB_CHUNK_DELAY_MS: z.coerce.number().int().min(0).max(1_000).default(0),
  EC3L_VIBE_MAX_OUTPUT_BYTES: z.coerce.number().int().min(1_024).max(4_194_304).default(524_288),
  EC3L_AUTH: z.enum(['header', 'jwt']).default('header'),
  EC3L_JWT_JWKS_URL: z.string().optional(),
  EC3L_JWT_PUBLIC_KEY: z.string().optional(),
  EC3L_JWT_ISSUER: z.string().optional(),
  EC3L_JWT_AUDIENCE: z.string().optional(),
  EC3L_JWT_ALGORITHMS: z.string().optional(),
  EC3L_JWT_CLOCK_TOLERANCE: z.coerce.number().int().min(0).max(300).optional(),
  EC3L_SCHEDULER: z.enum(['on', 'off']).default('on'),
  EC3L_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(1_000),
  EC3L_DISPATCH_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  EC3L_DISPATCH_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  EC3L_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'must be whsec_ followed by at least 24 bytes in base64')
    .optional(),
  EC3L_WEBHOOK_ALLOWLIST: z.string().default(''),
  EC3L_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});

/** Signature algorithms a token may use: public-key algorithms only (never `none`, never HS*). */
const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/**
 * How the gateway learns who is calling. `header`: the x-user-id / x-agent-id headers are trusted as
 * sent (for use behind a proxy that sets them). `jwt`: the actor and its tenants come from a signed
 * bearer token, verified with a public key or a remote JWKS.
 */
export type AuthConfig =
  | { mode: 'header' }
  | {
      mode: 'jwt';
      keys: { kind: 'jwks'; url: URL } | { kind: 'publicKey'; key: KeyObject };
      issuer: string;
      audience: string;
      /** Algorithms accepted; with a public key, only those that key can verify. */
      algorithms: JwtAlgorithm[];
      clockToleranceSeconds: number;
    };

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  bootstrapTenants: string[];
  bootstrapAdmins: string[];
  bodyLimit: number;
  logLevel: (typeof LOG_LEVELS)[number];
  auth: AuthConfig;
  scheduler: SchedulerConfig;
  webhooks: WebhookConfig;
  llm: LlmConfig;
};

/**
 * The model provider of vibe authoring and its limits. `stub` (the default) answers from keyword-matched
 * templates without any network (its stream can be slowed down per piece, for browser tests of token
 * streaming); a provider needs its key.
 */
export type LlmConfig = {
  provider:
    | { kind: 'stub'; chunkDelayMs: number }
    | { kind: 'anthropic' | 'openai'; apiKey: string; model: string; baseURL?: string };
  repairAttempts: number;
  concurrentPerTenant: number;
  timeoutMs: number;
  maxOutputBytes: number;
};

/**
 * Promotion webhooks: the Standard Webhooks signing secret (without one nothing is sent), the hosts and
 * address ranges the SSRF guard lets through although they are loopback, private or link-local, and
 * the timeout of one attempt.
 */
export type WebhookConfig = { secret?: string; allowlist: string; timeoutMs: number };

/**
 * The background loop (SLA timers, schedules, approval deadlines, intent dispatch). `enabled: false`
 * leaves it to a separate `ec3l worker` process on the same database.
 */
export type SchedulerConfig = {
  enabled: boolean;
  intervalMs: number;
  leaseMs: number;
  /** Claim loops per tenant; the embedded database has one connection, so 1 there. */
  concurrency: number;
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
    auth: authConfigOf(e),
    scheduler: {
      enabled: e.EC3L_SCHEDULER === 'on',
      intervalMs: e.EC3L_SCHEDULER_INTERVAL_MS,
      leaseMs: e.EC3L_DISPATCH_LEASE_MS,
      concurrency: e.DATABASE_URL ? e.EC3L_DISPATCH_CONCURRENCY : 1,
    },
    webhooks: webhookConfigOf(e),
    llm: llmConfigOf(e),
  };
};

const webhookConfigOf = (e: z.infer<typeof EnvSchema>): WebhookConfig => {
  try {
    parseAllowlist(e.EC3L_WEBHOOK_ALLOWLIST);
  } catch (error) {
    if (error instanceof AllowlistError) throw new ConfigError([`EC3L_WEBHOOK_ALLOWLIST: ${error.message}`]);
    throw error;
  }
  return {
    ...(e.EC3L_WEBHOOK_SECRET ? { secret: e.EC3L_WEBHOOK_SECRET } : {}),
    allowlist: e.EC3L_WEBHOOK_ALLOWLIST,
    timeoutMs: e.EC3L_WEBHOOK_TIMEOUT_MS,
  };
};

const llmConfigOf = (e: z.infer<typeof EnvSchema>): LlmConfig => {
  const limits = {
    repairAttempts: e.EC3L_VIBE_REPAIR_ATTEMPTS,
    concurrentPerTenant: e.EC3L_VIBE_MAX_CONCURRENT,
    timeoutMs: e.EC3L_VIBE_TIMEOUT_MS,
    maxOutputBytes: e.EC3L_VIBE_MAX_OUTPUT_BYTES,
  };
  if (e.EC3L_LLM_PROVIDER === 'stub')
    return { provider: { kind: 'stub', chunkDelayMs: e.EC3L_VIBE_STUB_CHUNK_DELAY_MS }, ...limits };
  const [key, keyName, model, baseURL] =
    e.EC3L_LLM_PROVIDER === 'anthropic'
      ? [e.ANTHROPIC_API_KEY, 'ANTHROPIC_API_KEY', e.EC3L_ANTHROPIC_MODEL, e.EC3L_ANTHROPIC_BASE_URL]
      : [e.OPENAI_API_KEY, 'OPENAI_API_KEY', e.EC3L_OPENAI_MODEL, e.EC3L_OPENAI_BASE_URL];
  if (!key) throw new ConfigError([`${keyName}: required when EC3L_LLM_PROVIDER is ${e.EC3L_LLM_PROVIDER}`]);
  return {
    provider: { kind: e.EC3L_LLM_PROVIDER, apiKey: key, model, ...(baseURL ? { baseURL } : {}) },
    ...limits,
  };
};

const DEFAULT_ALGORITHMS: JwtAlgorithm[] = ['RS256', 'ES256'];
const JWT_VARIABLES = [
  'EC3L_JWT_JWKS_URL',
  'EC3L_JWT_PUBLIC_KEY',
  'EC3L_JWT_ISSUER',
  'EC3L_JWT_AUDIENCE',
  'EC3L_JWT_ALGORITHMS',
  'EC3L_JWT_CLOCK_TOLERANCE',
] as const;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const CURVE_BY_ALGORITHM: Partial<Record<JwtAlgorithm, string>> = {
  ES256: 'prime256v1',
  ES384: 'secp384r1',
  ES512: 'secp521r1',
};

/** Whether a public key of this type (and curve) can verify signatures made with `alg`. */
const keyFits = (key: KeyObject, alg: JwtAlgorithm): boolean => {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return alg.startsWith('RS') || alg.startsWith('PS');
    case 'rsa-pss':
      return alg.startsWith('PS');
    case 'ec':
      return CURVE_BY_ALGORITHM[alg] === key.asymmetricKeyDetails?.namedCurve;
    case 'ed25519':
      return alg === 'EdDSA' || alg === 'Ed25519';
    default:
      return false;
  }
};

const parseAlgorithms = (raw: string | undefined): JwtAlgorithm[] => {
  if (raw === undefined) return DEFAULT_ALGORITHMS;
  const names = parseList(raw);
  if (names.length === 0) throw new ConfigError(['EC3L_JWT_ALGORITHMS: name at least one algorithm']);
  const refused = names.filter((n) => !(JWT_ALGORITHMS as readonly string[]).includes(n));
  if (refused.length > 0) {
    throw new ConfigError([
      `EC3L_JWT_ALGORITHMS: ${refused.map((r) => `"${r}"`).join(', ')} not accepted; tokens are verified with ` +
        `public keys, so only ${JWT_ALGORITHMS.join(', ')} are allowed (never none or HS*)`,
    ]);
  }
  return [...new Set(names)] as JwtAlgorithm[];
};

const parsePublicKey = (raw: string): KeyObject => {
  // Environment files often carry a PEM on one line with literal \n sequences.
  const pem = raw.includes('\\n') ? raw.replaceAll('\\n', '\n') : raw;
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new ConfigError([
      'EC3L_JWT_PUBLIC_KEY: must be a PEM public key (SPKI, "-----BEGIN PUBLIC KEY-----"), never a private key',
    ]);
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem', type: 'spki' });
  } catch (error) {
    throw new ConfigError([
      `EC3L_JWT_PUBLIC_KEY: not a readable SPKI public key (${error instanceof Error ? error.message : String(error)})`,
    ]);
  }
  // jose refuses to verify with RSA keys under 2048 bits; say so now rather than on every request.
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits !== undefined && bits < 2048) {
    throw new ConfigError([
      `EC3L_JWT_PUBLIC_KEY: an RSA key needs at least 2048 bits (this one has ${bits})`,
    ]);
  }
  return key;
};

const parseJwksUrl = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError([`EC3L_JWT_JWKS_URL: "${raw}" is not a URL`]);
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    throw new ConfigError(['EC3L_JWT_JWKS_URL: must be https:// (plain http only on localhost)']);
  }
  return url;
};

/** The auth settings; a combination that cannot work stops the start with the variable's name. */
const authConfigOf = (e: z.infer<typeof EnvSchema>): AuthConfig => {
  if (e.EC3L_AUTH === 'header') {
    const stray = JWT_VARIABLES.filter((name) => e[name] !== undefined);
    if (stray.length > 0) {
      throw new ConfigError(
        stray.map((name) => `${name}: set, but EC3L_AUTH is header; set EC3L_AUTH=jwt or unset ${name}`),
      );
    }
    return { mode: 'header' };
  }
  const problems: string[] = [];
  const jwks = e.EC3L_JWT_JWKS_URL?.trim() || undefined;
  const publicKey = e.EC3L_JWT_PUBLIC_KEY?.trim() || undefined;
  if (jwks && publicKey) {
    problems.push('EC3L_JWT_JWKS_URL, EC3L_JWT_PUBLIC_KEY: set one of them, not both');
  } else if (!jwks && !publicKey) {
    problems.push('EC3L_JWT_JWKS_URL or EC3L_JWT_PUBLIC_KEY: one is required when EC3L_AUTH is jwt');
  }
  const issuer = e.EC3L_JWT_ISSUER?.trim();
  const audience = e.EC3L_JWT_AUDIENCE?.trim();
  if (!issuer) problems.push('EC3L_JWT_ISSUER: required when EC3L_AUTH is jwt');
  if (!audience) problems.push('EC3L_JWT_AUDIENCE: required when EC3L_AUTH is jwt');
  if (problems.length > 0) throw new ConfigError(problems);
  let algorithms = parseAlgorithms(e.EC3L_JWT_ALGORITHMS);
  let keys: Extract<AuthConfig, { mode: 'jwt' }>['keys'];
  if (publicKey) {
    const key = parsePublicKey(publicKey);
    algorithms = algorithms.filter((alg) => keyFits(key, alg));
    if (algorithms.length === 0) {
      throw new ConfigError([
        `EC3L_JWT_ALGORITHMS: none of the algorithms can be verified with the ${key.asymmetricKeyType} key in EC3L_JWT_PUBLIC_KEY`,
      ]);
    }
    keys = { kind: 'publicKey', key };
  } else {
    keys = { kind: 'jwks', url: parseJwksUrl(jwks as string) };
  }
  return {
    mode: 'jwt',
    keys,
    issuer: issuer as string,
    audience: audience as string,
    algorithms,
    clockToleranceSeconds: e.EC3L_JWT_CLOCK_TOLERANCE ?? 30,
  };
};
