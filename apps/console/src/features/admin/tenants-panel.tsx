'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { cx } from '@/lib/cx';
import { plural } from '@/lib/format';
import { useIdentity } from '@/providers/identity';
import { useAdminTenants } from '@/queries/admin';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

/** Every tenant on the platform; the one the console speaks for is highlighted, any other is a click away. */
export function TenantsPanel({ tenant }: { tenant: string }) {
  const query = useAdminTenants(tenant);
  const { setTenant } = useIdentity();
  const tenants = query.data;
  return (
    <Card aria-labelledby="tenants-title">
      <CardHeader
        titleId="tenants-title"
        title="Tenants"
        description={
          tenants
            ? `${plural(tenants.length, 'tenant')} on this platform. Switching changes the tenant every page speaks for.`
            : 'Every tenant on this platform'
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading tenants…" />
      ) : query.isError ? (
        <QueryError
          tenant={tenant}
          error={query.error}
          title="Could not load tenants"
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          title="No tenants"
          description="Create one with the ec3l CLI or EC3L_BOOTSTRAP_TENANTS."
        />
      ) : (
        <Table label="Tenants">
          <thead>
            <tr>
              <Th>Tenant</Th>
              <Th>Plan</Th>
              <Th>Created</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {query.data.map((t) => (
              <tr
                key={t.slug}
                aria-current={t.isCurrent ? 'true' : undefined}
                data-testid="tenant-row"
                className={cx(t.isCurrent ? 'bg-indigo-50/60' : 'hover:bg-slate-50')}
              >
                <Td className={cx('border-l-4', t.isCurrent ? 'border-indigo-500' : 'border-transparent')}>
                  <div className="font-medium text-slate-900">{t.name}</div>
                  <div className="font-mono text-xs text-slate-600">{t.slug}</div>
                </Td>
                <Td>
                  <Badge>{t.plan}</Badge>
                </Td>
                <Td className="text-slate-600">
                  <When iso={t.createdAt} />
                </Td>
                <Td className="text-right">
                  {t.isCurrent ? (
                    <Badge tone="indigo">Current tenant</Badge>
                  ) : (
                    <Button
                      variant="secondary"
                      className="px-3 py-1.5"
                      aria-label={`Switch to ${t.slug}`}
                      onClick={() => setTenant(t.slug)}
                    >
                      Switch
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
