/** The global permission catalog (reference section 10). */
const PERMISSIONS = [
  { name: 'form.view', description: 'View forms' },
  { name: 'form.edit', description: 'Edit forms and form overrides' },
  { name: 'workflow.execute', description: 'Run workflows manually' },
  { name: 'workflow.approve', description: 'Approve or reject paused workflow steps' },
  { name: 'override.activate', description: 'Activate module overrides' },
  { name: 'change.approve', description: 'Approve changes: check in to Ready and merge' },
  {
    name: 'admin.view',
    description: 'Admin console, access management, graph introspection, telemetry, audit',
  },
  { name: 'environment.release_create', description: 'Create environment releases' },
  { name: 'environment.promote', description: 'Approve and execute promotions between environments' },
  { name: 'project.edit', description: 'Create and update projects, modules and environment settings' },
  {
    name: 'schema.edit',
    description: 'Edit the data dictionary: record types, fields, activation and retirement, choice lists',
  },
  {
    name: 'change.edit',
    description:
      'Author changes: create, targets, patch ops, dry run, revert, workspaces, agent runs, non-approval moves',
  },
  { name: 'rbac.manage', description: 'Manage roles, role permissions, policies and role assignments' },
  { name: 'record.edit', description: 'Create and update record instances and emit record events' },
  {
    name: 'workflow.edit',
    description: 'Author workflows: definitions, steps, triggers, activation and retirement',
  },
  {
    name: 'automation.run',
    description: 'Run background work on demand: process due SLA timers, dispatch pending intents',
  },
  {
    name: 'package.install',
    description: 'Install, upgrade and uninstall graph packages (built-ins included) in a project',
  },
  {
    name: 'environment.manage',
    description: "Edit an environment's governance settings: promotion approval and the promotion webhook",
  },
  { name: 'override.edit', description: 'Create and retire module overrides of installed apps' },
  { name: 'skill.manage', description: 'Manage the registry of skills agents may use' },
  {
    name: 'vibe.author',
    description: 'Author packages with AI: generate, preview, create, refine, patch and discard vibe drafts',
  },
] as const;

export type PermissionName = (typeof PERMISSIONS)[number]['name'];
export const PERMISSION_NAMES: readonly PermissionName[] = PERMISSIONS.map((p) => p.name);

export const isPermissionName = (value: string): value is PermissionName =>
  (PERMISSION_NAMES as readonly string[]).includes(value);

/** Roles every tenant starts with. */
export const DEFAULT_ROLES: readonly {
  name: string;
  description: string;
  permissions: readonly PermissionName[];
}[] = [
  { name: 'Admin', description: 'Full control of the tenant', permissions: PERMISSION_NAMES },
  {
    name: 'Editor',
    description:
      'Edits projects, the data dictionary, changes, records, workflows and forms; runs workflows, activates overrides',
    permissions: [
      'form.view',
      'form.edit',
      'workflow.execute',
      'override.activate',
      'override.edit',
      'vibe.author',
      'project.edit',
      'schema.edit',
      'change.edit',
      'record.edit',
      'workflow.edit',
    ],
  },
  {
    name: 'Viewer',
    description: 'Reads everything of the tenant, changes nothing',
    permissions: ['form.view'],
  },
];

/**
 * Holding both gives admin access: the admin console and the power to repair every other grant. A
 * tenant always keeps at least one user who holds both through active roles.
 */
export const ADMIN_ACCESS: readonly PermissionName[] = ['admin.view', 'rbac.manage'];

export const RESOURCE_TYPES = ['form', 'workflow', 'override', 'change'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * Actions refused to AI agents whatever their roles (R1): approvals and other privileged steps.
 * Permission-guarded ones carry the permission's name; the others name the action.
 */
export const AGENT_GUARDED_ACTIONS = [
  'change.approve',
  'override.activate',
  'workflow.execute',
  'workflow.approve',
  'environment.promote',
  // Beyond the reference's list: applying a package merges changes, which agents may not do (change.approve).
  'package.install',
  'trigger.fire',
  'proposal.submit',
  'proposal.review',
  // Beyond the reference's list: an agent that could manage roles could hand out what it is refused.
  'rbac.manage',
] as const;

export const isAgentGuarded = (action: string): boolean =>
  (AGENT_GUARDED_ACTIONS as readonly string[]).includes(action);
