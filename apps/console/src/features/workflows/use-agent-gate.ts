'use client';

import type { ActionGate } from '@/lib/permissions';
import { agentRefusal } from '@/lib/workflows';
import { useMe } from '@/queries/me';

/** Refuses, with the reason shown, an action that agents may not take whatever their roles. */
export const useAgentGate = (tenant: string, action: string): ActionGate => {
  const me = useMe(tenant);
  const reason = agentRefusal(me.data?.actorType, action);
  return reason ? { allowed: false, reason, permission: 'agent' } : { allowed: true, reason: undefined };
};
