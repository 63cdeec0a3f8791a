'use client';

import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/errors';
import { useIdentity } from '@/providers/identity';
import { Card } from './ui/card';
import { EmptyState, ErrorState, LoadingState } from './ui/states';

/**
 * Renders its children once the console knows which tenant it speaks for, else why not (after
 * `fallbackHeader`, the page's header for pages whose header needs the tenant).
 */
export function RequireTenant({
  children,
  fallbackHeader,
}: {
  children: (tenant: string) => ReactNode;
  fallbackHeader?: ReactNode;
}) {
  const { tenant } = useIdentity();
  if (tenant.status === 'ready') return children(tenant.slug);
  return (
    <>
      {fallbackHeader}
      <TenantPending />
    </>
  );
}

function TenantPending() {
  const { tenant } = useIdentity();
  switch (tenant.status) {
    case 'ready':
      return null;
    case 'loading':
      return (
        <Card>
          <LoadingState label="Connecting to EC3L…" />
        </Card>
      );
    case 'empty':
      return (
        <Card>
          <EmptyState
            title="No tenants yet"
            description="Create a tenant with the ec3l CLI or EC3L_BOOTSTRAP_TENANTS, then reload."
          />
        </Card>
      );
    case 'error':
      return (
        <Card>
          <ErrorState
            title="Could not load tenants"
            message={errorMessage(tenant.error)}
            onRetry={tenant.retry}
          />
        </Card>
      );
  }
}
