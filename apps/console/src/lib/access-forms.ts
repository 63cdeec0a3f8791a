import type { Schemas } from '@ec3l/sdk';
import { userIdProblem } from './identity';

/** Values, client-side checks and request bodies of the Access panel's forms (pure, no DOM). */

type PermissionName = NonNullable<Schemas['CreateRoleBody']['permissions']>[number];
export type ResourceType = Schemas['CreatePolicyBody']['resourceType'];
type Effect = Schemas['CreatePolicyBody']['effect'];

export const RESOURCE_TYPES: readonly ResourceType[] = ['form', 'workflow', 'override', 'change'];

type Errors<F extends string> = Partial<Record<F, string>>;

export type RoleFormValues = { name: string; description: string; permissions: string[] };
export type RoleFormField = keyof RoleFormValues;

export const EMPTY_ROLE_FORM: RoleFormValues = { name: '', description: '', permissions: [] };

/** A name is required; lengths and uniqueness are left to the gateway, whose answer the form shows. */
export const validateRoleForm = (values: RoleFormValues): Errors<RoleFormField> =>
  values.name.trim() === '' ? { name: 'Name is required' } : {};

/**
 * The request body: trimmed values, a blank description left out, permissions in catalog order. The
 * names come from GET /api/rbac/permissions, so the gateway's catalog is what they are checked against.
 */
export const toCreateRoleBody = (
  values: RoleFormValues,
  catalog: readonly string[] = [],
): Schemas['CreateRoleBody'] => {
  const body: Schemas['CreateRoleBody'] = { name: values.name.trim() };
  const description = values.description.trim();
  if (description) body.description = description;
  const rank = (name: string) => {
    const index = catalog.indexOf(name);
    return index === -1 ? catalog.length : index;
  };
  const permissions = [...new Set(values.permissions)].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  if (permissions.length > 0) body.permissions = permissions as PermissionName[];
  return body;
};

/** Adds or removes one name, keeping the list free of duplicates. */
export const togglePermission = (list: readonly string[], name: string, on: boolean): string[] =>
  on ? (list.includes(name) ? [...list] : [...list, name]) : list.filter((n) => n !== name);

export type PolicyFormValues = { roleId: string; resourceType: string; resourceId: string; effect: Effect };
export type PolicyFormField = keyof PolicyFormValues;

export const EMPTY_POLICY_FORM: PolicyFormValues = {
  roleId: '',
  resourceType: '',
  resourceId: '',
  effect: 'deny',
};

const isResourceType = (value: string): value is ResourceType =>
  (RESOURCE_TYPES as readonly string[]).includes(value);

export const validatePolicyForm = (values: PolicyFormValues): Errors<PolicyFormField> => {
  const errors: Errors<PolicyFormField> = {};
  if (values.roleId === '') errors.roleId = 'Pick a role';
  if (!isResourceType(values.resourceType)) errors.resourceType = 'Pick a resource type';
  return errors;
};

/** The request body; a blank resource id means every resource of the type and is left out. */
export const toCreatePolicyBody = (values: PolicyFormValues): Schemas['CreatePolicyBody'] => {
  const body: Schemas['CreatePolicyBody'] = {
    roleId: values.roleId,
    resourceType: values.resourceType as ResourceType,
    effect: values.effect,
  };
  const resourceId = values.resourceId.trim();
  if (resourceId) body.resourceId = resourceId;
  return body;
};

export type ExplainFormValues = {
  userId: string;
  permission: string;
  resourceType: string;
  resourceId: string;
};
export type ExplainFormField = keyof ExplainFormValues;

export const EMPTY_EXPLAIN_FORM: ExplainFormValues = {
  userId: '',
  permission: '',
  resourceType: '',
  resourceId: '',
};

export type ExplainQuery = {
  userId: string;
  permission: PermissionName;
  resourceType?: ResourceType;
  resourceId?: string;
};

/** The query of GET /api/rbac/explain, or the messages to show beside the fields. */
export const toExplainQuery = (
  values: ExplainFormValues,
): { ok: true; query: ExplainQuery } | { ok: false; errors: Errors<ExplainFormField> } => {
  const errors: Errors<ExplainFormField> = {};
  const userProblem = userIdProblem(values.userId);
  if (userProblem) errors.userId = userProblem;
  if (values.permission === '') errors.permission = 'Pick a permission';
  const resourceId = values.resourceId.trim();
  if (values.resourceType !== '' && !isResourceType(values.resourceType)) {
    errors.resourceType = 'Unknown resource type';
  }
  if (resourceId && values.resourceType === '') errors.resourceType = 'Pick the type of that resource';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const query: ExplainQuery = {
    userId: values.userId.trim(),
    permission: values.permission as PermissionName,
  };
  if (values.resourceType) query.resourceType = values.resourceType as ResourceType;
  if (resourceId) query.resourceId = resourceId;
  return { ok: true, query };
};
