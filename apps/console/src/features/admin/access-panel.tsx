'use client';

import { Card, CardHeader } from '@/components/ui/card';
import { ExplainCard } from './explain-card';
import { PoliciesCard, PolicyForm } from './policies-card';
import { RoleForm } from './role-form';
import { RolesCard } from './roles-card';
import { UserRolesCard } from './user-roles-card';

/** Access control of the tenant: roles, who holds them, policies, and why a decision comes out as it does. */
export function AccessPanel({ tenant }: { tenant: string }) {
  return (
    <div className="space-y-6">
      <Card aria-labelledby="roles-title">
        <RolesCard tenant={tenant} />
      </Card>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card aria-labelledby="role-form-title">
          <CardHeader titleId="role-form-title" title="New role" description={`In tenant ${tenant}`} />
          <RoleForm tenant={tenant} />
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="user-roles-title">
            <UserRolesCard tenant={tenant} />
          </Card>
          <Card aria-labelledby="explain-title">
            <ExplainCard tenant={tenant} />
          </Card>
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="policies-title">
          <PoliciesCard tenant={tenant} />
        </Card>
        <Card aria-labelledby="policy-form-title">
          <CardHeader
            titleId="policy-form-title"
            title="New policy"
            description="Allow or deny a role a resource"
          />
          <PolicyForm tenant={tenant} />
        </Card>
      </div>
    </div>
  );
}
