'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Card } from '@/components/ui/card';
import { LoadingState } from '@/components/ui/states';
import { ADMIN_SECTIONS, type AdminSection } from '@/lib/admin';
import { cx } from '@/lib/cx';
import { useAdminAccess } from '@/queries/admin';
import { AccessPanel } from './access-panel';
import { ApprovalsPanel } from './approvals-panel';
import { AppsPanel } from './apps-panel';
import { AuditPanel } from './audit-panel';
import { ChangesPanel } from './changes-panel';
import { ChoiceListsPanel } from './choice-lists-panel';
import { QueryError } from './forbidden-state';
import { OverridesPanel } from './overrides-panel';
import { TelemetryPanel } from './telemetry-panel';
import { TenantsPanel } from './tenants-panel';
import { UsersPanel } from './users-panel';
import { WorkflowsPanel } from './workflows-panel';

const PANELS: Record<AdminSection, (props: { tenant: string }) => ReactNode> = {
  tenants: TenantsPanel,
  users: UsersPanel,
  access: AccessPanel,
  'choice-lists': ChoiceListsPanel,
  audit: AuditPanel,
  telemetry: TelemetryPanel,
  workflows: WorkflowsPanel,
  approvals: ApprovalsPanel,
  apps: AppsPanel,
  overrides: OverridesPanel,
  changes: ChangesPanel,
};

export function AdminView({ section }: { section: AdminSection }) {
  const Panel = PANELS[section];
  return (
    <>
      <PageHeader
        title="Admin"
        description="Tenants, roles and policies, choice lists, the audit log and execution telemetry."
      />
      <RequireTenant>
        {(tenant) => (
          <AdminGate tenant={tenant}>
            <SectionNav active={section} />
            <Panel key={tenant} tenant={tenant} />
          </AdminGate>
        )}
      </RequireTenant>
    </>
  );
}

/**
 * Renders the admin console only after the gateway itself allowed admin.view for the acting user; the
 * check is audited, so a refused visit is in the audit log.
 */
function AdminGate({ tenant, children }: { tenant: string; children: ReactNode }) {
  const access = useAdminAccess(tenant);
  if (access.isPending) {
    return (
      <Card>
        <LoadingState label="Checking your access…" />
      </Card>
    );
  }
  if (access.isError) {
    return (
      <Card>
        <QueryError
          tenant={tenant}
          error={access.error}
          title="Could not check your access"
          action="open the admin console"
          onRetry={() => void access.refetch()}
        />
      </Card>
    );
  }
  return children;
}

function SectionNav({ active }: { active: AdminSection }) {
  return (
    <nav aria-label="Admin sections" className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {ADMIN_SECTIONS.map((section) => {
        const selected = section.key === active;
        return (
          <Link
            key={section.key}
            href={`/admin/${section.key}`}
            aria-current={selected ? 'page' : undefined}
            className={cx(
              '-mb-px border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors',
              selected
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700',
            )}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
