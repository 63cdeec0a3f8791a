'use client';

import { useIdentity } from '@/providers/identity';

/** The tenant the console speaks for (sent as x-tenant-id); the list comes from GET /api/tenants. */
export function TenantSwitcher() {
  const { tenants, tenant, setTenant } = useIdentity();
  const ready = tenant.status === 'ready';
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="tenant-switcher" className="text-sm font-medium text-slate-600">
        Tenant
      </label>
      <select
        id="tenant-switcher"
        data-testid="tenant-switcher"
        value={ready ? tenant.slug : ''}
        disabled={!ready}
        onChange={(event) => setTenant(event.target.value)}
        className="rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500"
      >
        {!ready ? (
          <option value="">
            {tenant.status === 'error'
              ? 'Unavailable'
              : tenant.status === 'empty'
                ? 'No tenants'
                : 'Loading…'}
          </option>
        ) : null}
        {tenants.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name === t.slug ? t.slug : `${t.name} (${t.slug})`}
          </option>
        ))}
      </select>
    </div>
  );
}
