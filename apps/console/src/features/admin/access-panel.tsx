'use client';

import { NewPanel } from '@/components/new-panel';
import { Card } from '@/components/ui/card';
import { PERMISSION } from '@/lib/permissions';
import { useCan } from '@/queries/me';
import { ExplainCard } from './explain-card';
import { PoliciesCard, PolicyForm } from './policies-card';
import { RoleForm } from './role-form';
import { RolesCard } from './roles-card';
import { UserRolesCard } from './user-roles-card';

/** Access control of the tenant: roles, who holds them, policies, and why a decision comes out as it does. */
export function AccessPanel({ tenant }: { tenant: string }) {
  const can = useCan(tenant, PERMISSION.rbacManage);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap justify-end gap-3">
        <NewPanel label="New role" title="New role" description={`In tenant ${tenant}`} gate={can}>
          {() => <RoleForm tenant={tenant} />}
        </NewPanel>
        <NewPanel
          label="New policy"
          title="New policy"
          description="Allow or deny a role a resource"
          gate={can}
        >
          {() => <PolicyForm tenant={tenant} />}
        </NewPanel>
      </div>
      <Card aria-labelledby="roles-title">
        <RolesCard tenant={tenant} />
      </Card>
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
        <Card aria-labelledby="user-roles-title">
          <UserRolesCard tenant={tenant} />
        </Card>
        <Card aria-labelledby="explain-title">
          <ExplainCard tenant={tenant} />
        </Card>
      </div>
      <Card aria-labelledby="policies-title">
        <PoliciesCard tenant={tenant} />
      </Card>
    </div>
  );
}
