import { Ec3lApiError, type Schemas } from '@ec3l/sdk';

/** Rules for what the console offers an actor, from GET /api/rbac/me (pure, no DOM). */

export type Me = Schemas['Me'];
export type Explanation = Schemas['Explanation'];

/** The permission every admin page and management route asks for. */
export const ADMIN_VIEW = 'admin.view';

/** The permissions the console's actions ask for, by what they guard. */
export const PERMISSION = {
  /** Projects, modules, environments. */
  projectEdit: 'project.edit',
  /** Record types, fields, choice lists. */
  schemaEdit: 'schema.edit',
  /** Create changes, targets, ops, dry run, open a revert, the manual status moves. */
  changeEdit: 'change.edit',
  /** Check in to Ready, merge. */
  changeApprove: 'change.approve',
  /** Roles, their permissions, policies, assignments. */
  rbacManage: 'rbac.manage',
  /** Create and edit record instances. */
  recordEdit: 'record.edit',
  /** Workflow definitions, steps, triggers. */
  workflowEdit: 'workflow.edit',
  /** Manual workflow runs and trigger firing. */
  workflowExecute: 'workflow.execute',
  /** Approve or reject paused workflow steps. */
  workflowApprove: 'workflow.approve',
  /** Process due timers, dispatch pending intents now. */
  automationRun: 'automation.run',
  /** Install, upgrade and uninstall graph packages. */
  packageInstall: 'package.install',
  /** Promote environments: intents, their preview, approval and execution. */
  environmentPromote: 'environment.promote',
  /** Environment settings: approval requirement, promotion webhook. */
  environmentManage: 'environment.manage',
  /** Create and retire module overrides. */
  overrideEdit: 'override.edit',
  /** Activate module overrides. */
  overrideActivate: 'override.activate',
  /** Forms: definitions, sections, placements, rules, overrides. */
  formEdit: 'form.edit',
  /** The Form Studio: forms, their compiled result and the preview. */
  formView: 'form.view',
  /** The agent skills registry. */
  skillManage: 'skill.manage',
  /** AI authoring of packages: vibe drafts. */
  vibeAuthor: 'vibe.author',
  /** Create a release of an environment. */
  releaseCreate: 'environment.release_create',
  /** The admin console. */
  adminView: ADMIN_VIEW,
} as const;

/** The role every tenant starts with that holds every permission of the catalog. */
const ADMIN_ROLE = 'Admin';

/**
 * True when the actor's effective permissions (active roles only) include `permission`. A permission
 * the server's catalog does not list (`catalog` given and without it) is not granted by any role yet;
 * it counts as held by an active Admin role, the role that holds the whole catalog.
 */
export const hasPermission = (
  me: Pick<Me, 'permissions' | 'roles'> | undefined,
  permission: string,
  catalog?: readonly string[],
): boolean => {
  if (!me) return false;
  if (me.permissions.includes(permission)) return true;
  if (!catalog || catalog.includes(permission)) return false;
  return me.roles.some((role) => role.name === ADMIN_ROLE && role.status === 'active');
};

/**
 * Whether to offer an action, and when not, the sentence shown beside it. `permission` is set when the
 * actor's permissions (not the state of the thing) are what holds it back.
 */
export type ActionGate = { allowed: boolean; reason: string | undefined; permission?: string | undefined };

export const ALLOWED: ActionGate = { allowed: true, reason: undefined };

const describeActor = (me: Pick<Me, 'actorType' | 'actorId'>): string => {
  if (me.actorType === 'anonymous' || !me.actorId) return 'an anonymous caller';
  return `${me.actorType} ${me.actorId}`;
};

/**
 * An action needing `permission` is offered only once the actor is known to hold it; until then it is
 * disabled with a reason that names the permission and the actor.
 */
export const actionGate = (
  me: Me | undefined,
  permission: string,
  catalog?: readonly string[],
): ActionGate => {
  if (!me) return { allowed: false, reason: 'Checking your permissions…' };
  if (hasPermission(me, permission, catalog)) return ALLOWED;
  return {
    allowed: false,
    permission,
    reason: `Needs the ${permission} permission, which ${describeActor(me)} does not have`,
  };
};

/** The first refusal of `gates`, else allowed: an action needing several things needs all of them. */
export const allOf = (...gates: ActionGate[]): ActionGate => gates.find((g) => !g.allowed) ?? ALLOWED;

/** True for the gateway's 403 (FORBIDDEN or AGENT_FORBIDDEN). */
export const isForbidden = (error: unknown): boolean => error instanceof Ec3lApiError && error.status === 403;

/** The reason behind a 403: the decision's own words when the gateway sends them, else its message. */
export const forbiddenReason = (error: unknown): string => {
  if (!(error instanceof Ec3lApiError)) return error instanceof Error ? error.message : 'Access refused';
  const details = error.details as { reason?: unknown } | null | undefined;
  if (details && typeof details.reason === 'string' && details.reason !== '') return details.reason;
  return error.message.replace(/^Forbidden:\s*/, '');
};

/** One line naming the rule behind an explained decision. */
export const describeRule = (rule: Explanation['rule']): string => {
  const role = rule.roleName ? ` of role ${rule.roleName}` : '';
  switch (rule.kind) {
    case 'system':
      return 'The platform itself (system actor)';
    case 'agent_guard':
      return 'Agent guard: refused to agents whatever their roles';
    case 'anonymous':
      return 'No user named';
    case 'deny_policy':
      return `Deny policy${role}`;
    case 'role_permission':
      return rule.roleName ? `Role ${rule.roleName} grants it` : 'A role grants it';
    case 'allow_policy':
      return `Allow policy${role}`;
    case 'no_grant':
      return 'No active role or policy grants it';
  }
};

/**
 * The actions held back by the actor's permissions, grouped by reason in first-seen order, for one note
 * beside a row of buttons: `Check in and Merge are disabled: Needs the change.approve permission…`.
 */
export const permissionNotes = (
  actions: readonly { label: string; gate: ActionGate }[],
): { reason: string; labels: string[]; text: string }[] => {
  const byReason = new Map<string, string[]>();
  for (const { label, gate } of actions) {
    if (gate.allowed || gate.permission === undefined || !gate.reason) continue;
    byReason.set(gate.reason, [...(byReason.get(gate.reason) ?? []), label]);
  }
  return [...byReason].map(([reason, labels]) => {
    const list =
      labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
    return { reason, labels, text: `${list} ${labels.length > 1 ? 'are' : 'is'} disabled: ${reason}.` };
  });
};
