'use client';

import { type ReactNode, Suspense } from 'react';
import { PageHeader } from './page-header';
import { RequireTenant } from './require-tenant';
import { Card } from './ui/card';
import { LoadingState } from './ui/states';

/**
 * A page that needs a tenant and reads its search params: the header alone until a tenant is chosen,
 * a loading card while the params resolve, then the page (keyed by tenant, so switching remounts it).
 */
export function TenantPage({
  header,
  loadingLabel,
  children,
}: {
  header: { title: string; description: string };
  loadingLabel: string;
  children: (tenant: string) => ReactNode;
}) {
  return (
    <RequireTenant fallbackHeader={<PageHeader {...header} />}>
      {(tenant) => (
        <Suspense
          fallback={
            <>
              <PageHeader {...header} />
              <Card>
                <LoadingState label={loadingLabel} />
              </Card>
            </>
          }
        >
          {children(tenant)}
        </Suspense>
      )}
    </RequireTenant>
  );
}
