import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The tenant whose rows the current unit of work may see. Queries through `Database.db` carry it to
 * PostgreSQL as `ec3l.tenant_id`, which the row-level security policies compare with `tenant_id`.
 */
export type TenantScope = { tenantId: string | null };

const storage = new AsyncLocalStorage<TenantScope>();

/** Runs fn with the given tenant's rows visible (null: none); the scope ends when fn's work ends. */
export const withTenant = <T>(tenantId: string | null, fn: () => T): T => storage.run({ tenantId }, fn);

/**
 * Runs fn inside the given scope object. A request opens an empty scope and fills it in once its
 * tenant is resolved (`setScopeTenant`); running the same object again restores it where a library
 * loses the asynchronous context (request body parsing).
 */
export const runInTenantScope = <T>(scope: TenantScope, fn: () => T): T => storage.run(scope, fn);

/** Sets the tenant of the scope opened by `runInTenantScope`; throws when none is open. */
export const setScopeTenant = (tenantId: string): void => {
  const scope = storage.getStore();
  if (!scope) throw new Error('no tenant scope is open: run this inside withTenant or runInTenantScope');
  scope.tenantId = tenantId;
};

/** The current scope's tenant, or null outside any scope or before the tenant is known. */
export const currentTenantId = (): string | null => storage.getStore()?.tenantId ?? null;

/**
 * Checks that a query built for `tenantId` runs in that tenant's scope. A scope of another tenant is a
 * programming error (the database would hide or refuse the rows anyway); it throws with both ids.
 * Outside any tenant scope it passes: the owner handle (migrations, tests, tools) has no scope.
 */
export const assertTenantScope = (tenantId: string): void => {
  const scoped = currentTenantId();
  if (scoped !== null && scoped !== tenantId) {
    throw new Error(`query for tenant ${tenantId} inside the scope of tenant ${scoped}`);
  }
};

/**
 * Runs `write` once per tenant present in `rows`, with that tenant's rows, inside its scope: a batch
 * that gathered rows of several tenants becomes one statement per tenant, each allowed by the policy.
 */
export const perTenant = async <T>(
  rows: readonly T[],
  tenantOf: (row: T) => string,
  write: (rows: T[]) => Promise<void>,
): Promise<void> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const tenantId = tenantOf(row);
    const group = groups.get(tenantId);
    if (group) group.push(row);
    else groups.set(tenantId, [row]);
  }
  await Promise.all([...groups].map(([tenantId, group]) => withTenant(tenantId, () => write(group))));
};
