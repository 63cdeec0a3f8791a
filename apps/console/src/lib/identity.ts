/** Rules for the console's identity: which tenant it speaks for and as which user (pure, no DOM). */

export const TENANT_STORAGE_KEY = 'ec3l.tenant';
export const USER_STORAGE_KEY = 'ec3l.user';
export const DEFAULT_USER_ID = 'admin';
const DEFAULT_TENANT_SLUG = 'default';

/** What the gateway accepts in x-user-id / x-agent-id. */
const USER_ID_RE = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Null when the value can be sent as x-user-id, else a message for the user. */
export const userIdProblem = (value: string): string | null => {
  const trimmed = value.trim();
  if (trimmed === '') return 'User ID is required';
  if (trimmed.length > 200) return 'User ID is at most 200 characters';
  if (!USER_ID_RE.test(trimmed)) return 'Use only letters, digits and . _ : @ -';
  return null;
};

/**
 * The tenant the console should use: the stored slug if the gateway still lists it, else `default`,
 * else the first tenant; null when there are none.
 */
export const pickTenant = (
  stored: string | null | undefined,
  tenants: readonly { slug: string }[],
): string | null => {
  if (stored && tenants.some((t) => t.slug === stored)) return stored;
  if (tenants.some((t) => t.slug === DEFAULT_TENANT_SLUG)) return DEFAULT_TENANT_SLUG;
  return tenants[0]?.slug ?? null;
};
