import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, operationsOf } from './testing-only/harness.js';
import { helpdesk } from './testing-only/packages.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const agent = { tenant: 'acme', agent: 'bot-1' };
const nobody = { tenant: 'acme', user: 'nora' };
const agentAdmin = { tenant: 'acme', agent: 'bot-admin' };
let roleIds: Record<string, string>;
/** What the Viewer role grants (form.view): a route guarded by one of these answers the Viewer 2xx. */
let viewerPermissions: Set<string>;

const json = async <T = never>(
  res: Promise<{ statusCode: number; json(): unknown }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode).toBe(status);
  return r.json() as T;
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  const roles: { id: string; name: string; permissions: string[] }[] = await json(
    h.call('GET', '/api/rbac/roles', admin),
  );
  roleIds = Object.fromEntries(roles.map((r) => [r.name, r.id]));
  viewerPermissions = new Set(roles.find((r) => r.name === 'Viewer')?.permissions ?? []);
  await json(
    h.call('POST', '/api/rbac/users/vera/roles', { ...admin, body: { roleId: roleIds.Viewer } }),
    201,
  );
  await json(
    h.call('POST', '/api/rbac/agents/bot-admin/roles', { ...admin, body: { roleId: roleIds.Admin } }),
    201,
  );
});
afterAll(() => h.close());

type Sample = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
let counter = 0;
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

const created = async (url: string, body: unknown): Promise<string> =>
  (await json<{ id: string }>(h.call('POST', url, { ...admin, body }), 201)).id;

const freshProject = () => created('/api/projects', { name: `P ${++counter}` });
const freshRecordType = async () =>
  created('/api/record-types', {
    projectId: await freshProject(),
    key: `rt_${++counter}`,
    name: `RT ${counter}`,
  });
const freshActiveRecordType = async () => {
  const id = await created('/api/record-types', {
    projectId: await freshProject(),
    key: `rt_${++counter}`,
    name: `RT ${counter}`,
    fields: [{ name: 'title', type: 'string' }],
  });
  await json(h.call('POST', `/api/record-types/${id}/activate`, admin));
  return id;
};
/** The help-desk package installed into a fresh project (names unique in the tenant by the counter). */
const installedHelpdesk = async () => {
  const projectId = await freshProject();
  const res = await json<{ installId: string }>(
    h.call('POST', '/api/admin/graph/install', {
      ...admin,
      body: { projectId, package: helpdesk('1.0.0', ` ${++counter}`) },
    }),
  );
  return { projectId, installId: res.installId };
};
const freshRole = (permissions: string[] = []) =>
  created('/api/rbac/roles', { name: `Tmp ${++counter}`, permissions });

/** A fresh project's dev and test environment ids. */
const freshEnvironments = async () => {
  const project = await freshProject();
  const envs = await json<{ id: string; name: string }[]>(
    h.call('GET', `/api/projects/${project}/environments`, admin),
  );
  const id = (name: string) => envs.find((e) => e.name === name)!.id;
  return { projectId: project, fromEnvironmentId: id('dev'), toEnvironmentId: id('test') };
};
/** A fresh promotion intent, moved through the given actions. */
const freshIntent = async (...actions: string[]) => {
  const id = await created('/api/admin/environments/promotions', await freshEnvironments());
  for (const action of actions)
    await json(h.call('POST', `/api/admin/environments/promotions/${id}/${action}`, admin));
  return id;
};

/** A fresh form with a section, a placed field and a rule, on a fresh active record type named `RT n`. */
const freshForm = async () => {
  const recordTypeId = await freshActiveRecordType();
  const name = `RT ${counter}`;
  const formDefinitionId = await created('/api/form-definitions', { recordTypeId, name: 'default' });
  const formSectionId = await created(`/api/form-definitions/${formDefinitionId}/sections`, {
    title: 'Main',
  });
  const formPlacementId = await created(`/api/form-sections/${formSectionId}/placements`, { field: 'title' });
  const formRuleId = await created(`/api/form-definitions/${formDefinitionId}/rules`, {
    ruleType: 'readOnly',
    targetField: 'title',
    condition: null,
    value: true,
  });
  const named = `/api/forms/${encodeURIComponent(name)}/default`;
  return { recordTypeId, formDefinitionId, formSectionId, formPlacementId, formRuleId, named };
};
const freshFormOverride = async () => {
  const { named } = await freshForm();
  return created(`${named}/overrides`, { ops: [{ op: 'toggleVisible', field: 'title', value: false }] });
};

/**
 * A valid request for every write operation and every guarded read, preparing whatever state it
 * needs as admin. Each call prepares afresh, so a sample can be sent once per caller that succeeds.
 */
const samples: Record<string, () => Promise<Sample>> = {
  // forms
  createFormDefinition: async () => ({
    method: 'POST',
    url: '/api/form-definitions',
    body: { recordTypeId: await freshActiveRecordType(), name: 'Intake' },
  }),
  activateFormDefinition: async () => ({
    method: 'POST',
    url: `/api/form-definitions/${(await freshForm()).formDefinitionId}/activate`,
  }),
  retireFormDefinition: async () => {
    const { formDefinitionId } = await freshForm();
    await json(h.call('POST', `/api/form-definitions/${formDefinitionId}/activate`, admin));
    return { method: 'POST', url: `/api/form-definitions/${formDefinitionId}/retire` };
  },
  createFormSection: async () => ({
    method: 'POST',
    url: `/api/form-definitions/${(await freshForm()).formDefinitionId}/sections`,
    body: { title: 'Details' },
  }),
  updateFormSection: async () => ({
    method: 'PATCH',
    url: `/api/form-sections/${(await freshForm()).formSectionId}`,
    body: { title: 'Renamed' },
  }),
  deleteFormSection: async () => ({
    method: 'DELETE',
    url: `/api/form-sections/${(await freshForm()).formSectionId}`,
  }),
  createFormPlacement: async () => {
    const recordTypeId = await freshActiveRecordType();
    const formDefinitionId = await created('/api/form-definitions', { recordTypeId, name: 'default' });
    const section = await created(`/api/form-definitions/${formDefinitionId}/sections`, { title: 'Main' });
    return { method: 'POST', url: `/api/form-sections/${section}/placements`, body: { field: 'title' } };
  },
  updateFormPlacement: async () => ({
    method: 'PATCH',
    url: `/api/form-placements/${(await freshForm()).formPlacementId}`,
    body: { column: 2 },
  }),
  deleteFormPlacement: async () => ({
    method: 'DELETE',
    url: `/api/form-placements/${(await freshForm()).formPlacementId}`,
  }),
  createFormRule: async () => ({
    method: 'POST',
    url: `/api/form-definitions/${(await freshForm()).formDefinitionId}/rules`,
    body: {
      ruleType: 'required',
      targetField: 'title',
      condition: { field: 'title', op: 'empty' },
      value: true,
    },
  }),
  updateFormRule: async () => ({
    method: 'PATCH',
    url: `/api/form-rules/${(await freshForm()).formRuleId}`,
    body: { value: false },
  }),
  deleteFormRule: async () => ({
    method: 'DELETE',
    url: `/api/form-rules/${(await freshForm()).formRuleId}`,
  }),
  createFormOverride: async () => ({
    method: 'POST',
    url: `${(await freshForm()).named}/overrides`,
    body: { ops: [{ op: 'toggleRequired', field: 'title', value: true }] },
  }),
  activateFormOverride: async () => ({
    method: 'POST',
    url: `/api/form-overrides/${await freshFormOverride()}/activate`,
  }),
  retireFormOverride: async () => ({
    method: 'POST',
    url: `/api/form-overrides/${await freshFormOverride()}/retire`,
  }),
  evaluateForm: async () => ({
    method: 'POST',
    url: `${(await freshForm()).named}/evaluate`,
    body: { data: { title: 'x' } },
  }),
  // access control
  createRole: async () => ({ method: 'POST', url: '/api/rbac/roles', body: { name: `Role ${++counter}` } }),
  enableRole: async () => ({ method: 'POST', url: `/api/rbac/roles/${roleIds.Editor}/enable` }),
  disableRole: async () => ({ method: 'POST', url: `/api/rbac/roles/${await freshRole()}/disable` }),
  addRolePermission: async () => ({
    method: 'POST',
    url: `/api/rbac/roles/${roleIds.Editor}/permissions`,
    body: { permissionId: 'form.view' },
  }),
  removeRolePermission: async () => ({
    method: 'DELETE',
    url: `/api/rbac/roles/${await freshRole(['form.edit'])}/permissions/form.edit`,
  }),
  assignUserRole: async () => ({
    method: 'POST',
    url: '/api/rbac/users/zed/roles',
    body: { roleId: roleIds.Viewer },
  }),
  removeUserRole: async () => {
    const user = `u${++counter}`;
    await json(
      h.call('POST', `/api/rbac/users/${user}/roles`, { ...admin, body: { roleId: roleIds.Viewer } }),
      201,
    );
    return { method: 'DELETE', url: `/api/rbac/users/${user}/roles/${roleIds.Viewer}` };
  },
  assignAgentRole: async () => ({
    method: 'POST',
    url: '/api/rbac/agents/helper/roles',
    body: { roleId: roleIds.Viewer },
  }),
  removeAgentRole: async () => {
    const agentId = `a${++counter}`;
    await json(
      h.call('POST', `/api/rbac/agents/${agentId}/roles`, { ...admin, body: { roleId: roleIds.Viewer } }),
      201,
    );
    return { method: 'DELETE', url: `/api/rbac/agents/${agentId}/roles/${roleIds.Viewer}` };
  },
  createPolicy: async () => ({
    method: 'POST',
    url: '/api/rbac/policies',
    body: { roleId: roleIds.Editor, resourceType: 'change', resourceId: `c-${++counter}`, effect: 'allow' },
  }),
  deletePolicy: async () => {
    const policy = await created('/api/rbac/policies', {
      roleId: roleIds.Editor,
      resourceType: 'form',
      resourceId: `f-${++counter}`,
      effect: 'deny',
    });
    return { method: 'DELETE', url: `/api/rbac/policies/${policy}` };
  },
  seedDefaultRoles: async () => ({ method: 'POST', url: '/api/rbac/seed-defaults' }),
  // record instances
  createRecordInstance: async () => ({
    method: 'POST',
    url: '/api/record-instances',
    body: { recordTypeId: await freshActiveRecordType(), data: { title: 'Printer jam' } },
  }),
  updateRecordInstance: async () => {
    const record = await created('/api/record-instances', {
      recordTypeId: await freshActiveRecordType(),
      data: { title: 'Printer jam' },
    });
    return { method: 'PATCH', url: `/api/record-instances/${record}`, body: { data: { title: 'Fixed' } } };
  },
  // environments and promotion
  listEnvironmentPackages: async () => ({
    method: 'GET',
    url: `/api/environments/${(await freshEnvironments()).fromEnvironmentId}/packages`,
  }),
  diffEnvironments: async () => {
    const envs = await freshEnvironments();
    return {
      method: 'GET',
      url: `/api/admin/environments/diff?fromEnvironmentId=${envs.fromEnvironmentId}&toEnvironmentId=${envs.toEnvironmentId}`,
    };
  },
  promoteEnvironment: async () => ({
    method: 'POST',
    url: '/api/admin/environments/promote',
    body: await freshEnvironments(),
  }),
  listPromotionIntents: async () => ({ method: 'GET', url: '/api/admin/environments/promotions' }),
  createPromotionIntent: async () => ({
    method: 'POST',
    url: '/api/admin/environments/promotions',
    body: await freshEnvironments(),
  }),
  getPromotionIntent: async () => ({
    method: 'GET',
    url: `/api/admin/environments/promotions/${await freshIntent()}`,
  }),
  previewPromotionIntent: async () => ({
    method: 'POST',
    url: `/api/admin/environments/promotions/${await freshIntent()}/preview`,
  }),
  approvePromotionIntent: async () => ({
    method: 'POST',
    url: `/api/admin/environments/promotions/${await freshIntent('preview')}/approve`,
  }),
  executePromotionIntent: async () => ({
    method: 'POST',
    url: `/api/admin/environments/promotions/${await freshIntent('preview', 'approve')}/execute`,
  }),
  rejectPromotionIntent: async () => ({
    method: 'POST',
    url: `/api/admin/environments/promotions/${await freshIntent()}/reject`,
    body: { reason: 'not now' },
  }),
  listPromotionDeliveries: async () => ({
    method: 'GET',
    url: `/api/admin/environments/promotions/${await freshIntent()}/deliveries`,
  }),
  processWebhookDeliveries: async () => ({ method: 'POST', url: '/api/admin/webhooks/deliveries/process' }),
  updateEnvironment: async () => ({
    method: 'PATCH',
    url: `/api/environments/${(await freshEnvironments()).toEnvironmentId}`,
    body: { requiresPromotionApproval: true },
  }),
  createEnvironmentRelease: async () => ({
    method: 'POST',
    url: `/api/environments/${(await freshEnvironments()).fromEnvironmentId}/release`,
  }),
  processTimers: async () => ({ method: 'POST', url: '/api/timers/process', body: {} }),
  // projects and the data dictionary
  createProject: async () => ({ method: 'POST', url: '/api/projects', body: { name: `P ${++counter}` } }),
  createRecordType: async () => ({
    method: 'POST',
    url: '/api/record-types',
    body: { projectId: await freshProject(), key: `rt_${++counter}`, name: `RT ${counter}` },
  }),
  activateRecordType: async () => ({
    method: 'POST',
    url: `/api/record-types/${await freshRecordType()}/activate`,
  }),
  retireRecordType: async () => ({
    method: 'POST',
    url: `/api/record-types/${await freshRecordType()}/retire`,
  }),
  updateRecordTypeConfig: async () => ({
    method: 'PATCH',
    url: `/api/record-types/${await freshRecordType()}`,
    body: { slaConfig: { durationMinutes: 60 } },
  }),
  addRecordTypeField: async () => ({
    method: 'POST',
    url: `/api/record-types/${await freshRecordType()}/fields`,
    body: { name: 'extra', type: 'text' },
  }),
  createChoiceList: async () => ({
    method: 'POST',
    url: '/api/choice-lists',
    body: { name: `List ${++counter}`, items: [{ value: 'a' }] },
  }),
  addChoiceItem: async () => {
    const list = await created('/api/choice-lists', { name: `List ${++counter}`, items: [{ value: 'a' }] });
    return { method: 'POST', url: `/api/choice-lists/${list}/items`, body: { value: 'b' } };
  },
  // changes
  createChange: async () => ({
    method: 'POST',
    url: '/api/changes',
    body: { projectId: await freshProject(), title: 'c' },
  }),
  setChangeStatus: async () => ({
    method: 'POST',
    url: `/api/changes/${await draftChange()}/status`,
    body: { status: 'Implementing' },
  }),
  addChangeTarget: async () => {
    const { change, key } = await draft();
    return {
      method: 'POST',
      url: `/api/changes/${change}/targets`,
      body: { type: 'record_type', selector: { recordTypeKey: key } },
    };
  },
  addPatchOp: async () => {
    const { change, target } = await draft();
    return {
      method: 'POST',
      url: `/api/changes/${change}/patch-ops`,
      body: { targetId: target, opType: 'add_field', payload: { field: { name: 'other', type: 'text' } } },
    };
  },
  deletePatchOp: async () => {
    const { change, op } = await draft();
    return { method: 'DELETE', url: `/api/changes/${change}/patch-ops/${op}` };
  },
  dryRunChange: async () => ({ method: 'POST', url: `/api/changes/${await draftChange()}/execute` }),
  checkinChange: async () => ({ method: 'POST', url: `/api/changes/${await draftChange()}/checkin` }),
  mergeChange: async () => ({ method: 'POST', url: `/api/changes/${await readyChange()}/merge` }),
  revertChange: async () => {
    const id = await readyChange();
    await json(h.call('POST', `/api/changes/${id}/merge`, admin));
    return { method: 'POST', url: `/api/changes/${id}/revert` };
  },
  startChangeWorkspace: async () => ({
    method: 'POST',
    url: `/api/changes/${await draftChange()}/start-workspace`,
  }),
  createAgentRun: async () => ({
    method: 'POST',
    url: `/api/changes/${await draftChange()}/agent-run`,
    body: { intent: 'add a field' },
  }),
  // workflows
  createWorkflowDefinition: async () => ({
    method: 'POST',
    url: '/api/workflow-definitions',
    body: { projectId: await freshProject(), name: `W ${++counter}` },
  }),
  addWorkflowStep: async () => ({
    method: 'POST',
    url: `/api/workflow-definitions/${await freshWorkflow(false)}/steps`,
    body: { stepType: 'notification', config: { channel: 'email', template: 'hi' } },
  }),
  updateWorkflowStep: async () => {
    const id = await freshWorkflow(false);
    const [step] = await json<{ id: string }[]>(
      h.call('GET', `/api/workflow-definitions/${id}/steps`, admin),
    );
    return {
      method: 'PATCH',
      url: `/api/workflow-definitions/${id}/steps/${step!.id}`,
      body: { name: 'Renamed' },
    };
  },
  removeWorkflowStep: async () => {
    const id = await freshWorkflow(false);
    const [step] = await json<{ id: string }[]>(
      h.call('GET', `/api/workflow-definitions/${id}/steps`, admin),
    );
    return { method: 'DELETE', url: `/api/workflow-definitions/${id}/steps/${step!.id}` };
  },
  activateWorkflowDefinition: async () => ({
    method: 'POST',
    url: `/api/workflow-definitions/${await freshWorkflow(false)}/activate`,
  }),
  retireWorkflowDefinition: async () => ({
    method: 'POST',
    url: `/api/workflow-definitions/${await freshWorkflow(true)}/retire`,
  }),
  executeWorkflowDefinition: async () => ({
    method: 'POST',
    url: `/api/workflow-definitions/${await freshWorkflow(true)}/execute`,
    body: { input: {} },
  }),
  resumeWorkflowExecution: async () => ({
    method: 'POST',
    url: `/api/workflow-executions/${(await pausedExecution()).execution}/resume`,
    body: { outcome: 'approved' },
  }),
  decideWorkflowApproval: async () => ({
    method: 'POST',
    url: `/api/workflow-approvals/${(await pausedExecution()).approval}/decisions`,
    body: { decision: 'approve' },
  }),
  adminListWorkflowDefinitions: async () => ({ method: 'GET', url: '/api/admin/workflows' }),
  adminListWorkflowExecutions: async () => ({ method: 'GET', url: '/api/admin/workflow-executions' }),
  adminListPendingApprovals: async () => ({ method: 'GET', url: '/api/admin/approvals' }),
  // workflow triggers and intents
  createWorkflowTrigger: async () => ({
    method: 'POST',
    url: '/api/workflow-triggers',
    body: { workflowDefinitionId: await freshWorkflow(true), triggerType: 'manual', triggerConfig: {} },
  }),
  enableWorkflowTrigger: async () => ({
    method: 'POST',
    url: `/api/workflow-triggers/${await freshTrigger()}/enable`,
  }),
  disableWorkflowTrigger: async () => ({
    method: 'POST',
    url: `/api/workflow-triggers/${await freshTrigger()}/disable`,
  }),
  fireWorkflowTrigger: async () => ({
    method: 'POST',
    url: `/api/workflow-triggers/${await freshTrigger()}/fire`,
    body: {},
  }),
  emitRecordEvent: async () => ({
    method: 'POST',
    url: '/api/record-events',
    body: {
      event: 'record.created',
      recordTypeId: await freshRecordType(),
      recordId: '33333333-3333-4333-8333-333333333333',
      version: 1,
      data: {},
    },
  }),
  dispatchWorkflowIntents: async () => ({ method: 'POST', url: '/api/workflow-intents/dispatch', body: {} }),
  // guarded reads (admin panels)
  listRolePermissions: async () => ({ method: 'GET', url: `/api/rbac/roles/${roleIds.Editor}/permissions` }),
  listUserRoles: async () => ({ method: 'GET', url: '/api/rbac/users/vera/roles' }),
  listAllUserRoles: async () => ({ method: 'GET', url: '/api/rbac/user-roles' }),
  listAgentRoles: async () => ({ method: 'GET', url: '/api/rbac/agents/bot-admin/roles' }),
  listPolicies: async () => ({ method: 'GET', url: '/api/rbac/policies' }),
  listAuditLogs: async () => ({ method: 'GET', url: '/api/rbac/audit-logs?outcome=deny' }),
  explainAccess: async () => ({ method: 'GET', url: '/api/rbac/explain?userId=vera&permission=form.view' }),
  checkAdminAccess: async () => ({ method: 'GET', url: '/api/admin/check-access' }),
  listAdminTenants: async () => ({ method: 'GET', url: '/api/admin/tenants' }),
  listExecutionTelemetry: async () => ({ method: 'GET', url: '/api/admin/execution-telemetry' }),
  getAuditFeed: async () => ({ method: 'GET', url: '/api/audit-feed?limit=5' }),
  getGraphSnapshot: async () => ({ method: 'GET', url: '/api/admin/graph/snapshot' }),
  // graph packages
  installGraphPackage: async () => ({
    method: 'POST',
    url: '/api/admin/graph/install',
    body: { projectId: await freshProject(), package: helpdesk('1.0.0', ` ${++counter}`) },
  }),
  listGraphPackageInstalls: async () => ({
    method: 'GET',
    url: `/api/admin/graph/packages?projectId=${(await installedHelpdesk()).projectId}`,
  }),
  getGraphPackageInstall: async () => ({
    method: 'GET',
    url: `/api/admin/graph/packages/${(await installedHelpdesk()).installId}`,
  }),
  diffGraphPackageVersions: async () => ({
    method: 'GET',
    url: `/api/admin/graph/packages/diff?projectId=${(await installedHelpdesk()).projectId}&packageKey=test.helpdesk&fromVersion=1.0.0&toVersion=1.0.0`,
  }),
  revertGraphPackageInstall: async () => ({
    method: 'POST',
    url: `/api/admin/graph/packages/${(await installedHelpdesk()).installId}/revert`,
  }),
  listBuiltInGraphPackages: async () => ({ method: 'GET', url: '/api/admin/graph/built-in' }),
  installBuiltInGraphPackage: async () => ({
    method: 'POST',
    url: '/api/admin/graph/install-built-in',
    body: { projectId: await freshProject(), packageKey: 'itsm.lite' },
  }),
  installHrLite: async () => ({
    method: 'POST',
    url: '/api/hr-lite/install',
    body: { projectId: await freshProject() },
  }),
  validateGraph: async () => ({ method: 'GET', url: '/api/admin/graph/validate' }),
  getGraphDiff: async () => ({ method: 'GET', url: `/api/admin/graph/diff?changeId=${await readyChange()}` }),
  // vibe authoring
  previewVibePackage: async () => ({
    method: 'POST',
    url: '/api/vibe/preview',
    body: { projectId: await freshProject(), prompt: 'an asset register' },
  }),
  streamVibePreview: async () => ({
    method: 'POST',
    url: '/api/vibe/preview/stream',
    body: { projectId: await freshProject(), prompt: 'an asset register' },
  }),
  streamVibePreviewTokens: async () => ({
    method: 'POST',
    url: '/api/vibe/preview/stream-tokens',
    body: { projectId: await freshProject(), prompt: 'an asset register' },
  }),
  installVibePackage: async () => {
    const d = await freshDraft();
    return { method: 'POST', url: '/api/vibe/install', body: { projectId: d.projectId, package: d.package } };
  },
  generateVibeVariants: async () => ({
    method: 'POST',
    url: '/api/vibe/generate-multi',
    body: { projectId: await freshProject(), prompt: 'vendor onboarding', count: 2 },
  }),
  streamVibeVariants: async () => ({
    method: 'POST',
    url: '/api/vibe/generate-multi/stream',
    body: { projectId: await freshProject(), prompt: 'vendor onboarding', count: 2 },
  }),
  diffVibeVariants: async () => {
    const d = await freshDraft();
    return {
      method: 'POST',
      url: '/api/vibe/variants/diff',
      body: { projectId: d.projectId, packageA: d.package, packageB: d.package },
    };
  },
  createVibeDraft: async () => ({
    method: 'POST',
    url: '/api/vibe/drafts',
    body: { projectId: await freshProject(), prompt: 'expense claims' },
  }),
  createVibeDraftFromVariant: async () => {
    const d = await freshDraft();
    return {
      method: 'POST',
      url: '/api/vibe/drafts/from-variant',
      body: { projectId: d.projectId, prompt: 'p', package: d.package },
    };
  },
  refineVibeDraft: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft()).id}/refine`,
    body: { prompt: 'add a location field' },
  }),
  previewVibeDraft: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft()).id}/preview`,
  }),
  discardVibeDraft: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft()).id}/discard`,
  }),
  installVibeDraft: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft(true)).id}/install`,
  }),
  patchVibeDraft: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft()).id}/patch`,
    body: { ops: [{ op: 'set_sla', recordTypeKey: 'vibe_asset', durationMinutes: 60 }] },
  }),
  restoreVibeDraftVersion: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft()).id}/restore`,
    body: { versionNumber: 1 },
  }),
  diffVibeDraftVersions: async () => ({
    method: 'POST',
    url: `/api/vibe/drafts/${(await freshDraft()).id}/versions/diff`,
    body: { fromVersion: 1, toVersion: 1 },
  }),
  proposeFormVibePatch: async () => ({
    method: 'POST',
    url: `${(await freshForm()).named}/vibePatch`,
    body: { prompt: 'make title required' },
  }),
  adoptVibeVariant: async () => {
    const d = await freshDraft();
    return { method: 'POST', url: `/api/vibe/drafts/${d.id}/adopt-variant`, body: { package: d.package } };
  },
};

/** A workflow definition with one notification step, active or still a draft. */
const freshWorkflow = async (active: boolean): Promise<string> => {
  const id = await created('/api/workflow-definitions', {
    projectId: await freshProject(),
    name: `W ${++counter}`,
  });
  await created(`/api/workflow-definitions/${id}/steps`, {
    stepType: 'notification',
    config: { channel: 'email', template: 'hi' },
  });
  if (active) await json(h.call('POST', `/api/workflow-definitions/${id}/activate`, admin));
  return id;
};

/** An execution paused on an approval that admin is asked. */
const pausedExecution = async () => {
  const id = await created('/api/workflow-definitions', {
    projectId: await freshProject(),
    name: `W ${++counter}`,
  });
  await created(`/api/workflow-definitions/${id}/steps`, {
    stepType: 'approval',
    config: { approvers: { users: ['admin'] } },
  });
  await json(h.call('POST', `/api/workflow-definitions/${id}/activate`, admin));
  const execution = await created(`/api/workflow-definitions/${id}/execute`, { input: {} });
  const [approval] = await json<{ id: string }[]>(
    h.call('GET', `/api/workflow-approvals?workflowExecutionId=${execution}`, admin),
  );
  return { execution, approval: approval!.id };
};

const freshTrigger = async () =>
  created('/api/workflow-triggers', {
    workflowDefinitionId: await freshWorkflow(true),
    triggerType: 'manual',
    triggerConfig: {},
  });

/** A Draft change adding one field to a fresh record type: its id, the type's key, its target and op. */
const draft = async () => {
  const key = `rt_${++counter}`;
  const project = await freshProject();
  await created('/api/record-types', { projectId: project, key, name: `RT ${counter}` });
  const change = await created('/api/changes', { projectId: project, title: 'c' });
  const target = await created(`/api/changes/${change}/targets`, {
    type: 'record_type',
    selector: { recordTypeKey: key },
  });
  const op = await created(`/api/changes/${change}/patch-ops`, {
    targetId: target,
    opType: 'add_field',
    payload: { field: { name: 'extra', type: 'text' } },
  });
  return { change, key, target, op };
};
const draftChange = async (): Promise<string> => (await draft()).change;

const readyChange = async (): Promise<string> => {
  const id = await draftChange();
  await json(h.call('POST', `/api/changes/${id}/checkin`, admin));
  return id;
};

/** A vibe draft of an asset register in a fresh project (previewed when asked). */
const freshDraft = async (previewed = false) => {
  const draft = await json<{ id: string; projectId: string; package: unknown }>(
    h.call('POST', '/api/vibe/drafts', {
      ...admin,
      body: { projectId: await freshProject(), prompt: 'an asset register', appName: `Assets ${++counter}` },
    }),
    201,
  );
  if (previewed) await json(h.call('POST', `/api/vibe/drafts/${draft.id}/preview`, admin));
  return draft;
};

type Operation = ReturnType<typeof operationsOf>[number] & { description?: string };
const guardedOperations = () => {
  const doc = h.app.swagger() as unknown as Record<string, unknown>;
  return (operationsOf(doc) as Operation[])
    .filter((op) => WRITE_METHODS.includes(op.method) || /Requires permission/.test(op.description ?? ''))
    .map((op) => ({
      ...op,
      permission: /Requires permission `([a-z._]+)`/.exec(op.description ?? '')?.[1],
      declared: h.app.routePermissions.get(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`),
      agentGuarded: /Requires permission `[a-z._]+`; refused to agents/.test(op.description ?? ''),
    }));
};

describe('guarded routes', () => {
  it('every write route declares the permission it needs, in its route config and its description', () => {
    const ops = guardedOperations();
    const writes = ops.filter((op) => WRITE_METHODS.includes(op.method));
    expect(writes.length).toBeGreaterThanOrEqual(30);
    const undeclared = writes.filter((op) => !op.declared || op.permission !== op.declared);
    expect(undeclared.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    // Every guarded operation has a sample below, so a new route cannot skip the checks that follow.
    expect(ops.map((op) => op.operationId).sort()).toEqual(Object.keys(samples).sort());
  });

  // One sample prepares its own objects per caller: well over a thousand requests in all.
  it('every guarded route answers 403 to a Viewer, a user without roles and an agent without roles, and 2xx to an Admin', {
    timeout: 180_000,
  }, async () => {
    for (const op of guardedOperations()) {
      const sample = await samples[op.operationId!]!();
      const viewerMay = viewerPermissions.has(op.permission!);
      if (viewerMay) {
        const res = await h.call(sample.method, sample.url, { ...viewer, body: sample.body });
        expect(res.statusCode, `${op.operationId} as the Viewer: ${res.body}`).toBeLessThan(300);
      }
      for (const who of viewerMay ? [nobody, agent] : [viewer, nobody, agent]) {
        const res = await h.call(sample.method, sample.url, { ...who, body: sample.body });
        expect(res.statusCode, `${op.operationId} as ${JSON.stringify(who)}: ${res.body}`).toBe(403);
        expect(res.json()).toMatchObject({
          statusCode: 403,
          code: who === agent && op.agentGuarded ? 'AGENT_FORBIDDEN' : 'FORBIDDEN',
          message: expect.stringContaining(op.permission!),
        });
      }
      const ok = await h.call(sample.method, sample.url, { ...admin, body: sample.body });
      expect(ok.statusCode, `${op.operationId} as admin: ${ok.body}`).toBeGreaterThanOrEqual(200);
      expect(ok.statusCode).toBeLessThan(300);
    }
  });

  it('R1: an agent holding Admin is refused every agent-guarded route with AGENT_FORBIDDEN and may use the others', {
    timeout: 180_000,
  }, async () => {
    const ops = guardedOperations();
    expect(ops.filter((op) => op.agentGuarded).map((op) => op.operationId)).toEqual(
      expect.arrayContaining(['checkinChange', 'mergeChange']),
    );
    for (const op of ops) {
      const sample = await samples[op.operationId!]!();
      const res = await h.call(sample.method, sample.url, { ...agentAdmin, body: sample.body });
      if (op.agentGuarded) {
        expect(res.statusCode, `${op.operationId} as an agent holding Admin`).toBe(403);
        expect(res.json()).toMatchObject({
          code: 'AGENT_FORBIDDEN',
          message: `Agents may not perform ${op.permission}, whatever roles they hold`,
        });
      } else {
        expect(res.statusCode, `${op.operationId} as an agent holding Admin: ${res.body}`).toBeLessThan(300);
      }
    }
  });

  it('a request without x-user-id is refused guarded routes', async () => {
    const res = await h.call('GET', '/api/rbac/policies', { tenant: 'acme' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/x-user-id/);
  });

  it('every decision on a guarded route is in the audit log, with actor, permission and outcome', async () => {
    await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'mallory' });
    const logs = await json<
      { actorId: string; actorType: string; permission: string; outcome: string; reason: string }[]
    >(h.call('GET', '/api/rbac/audit-logs?actorId=mallory', admin));
    expect(logs).toEqual([
      expect.objectContaining({
        actorType: 'user',
        actorId: 'mallory',
        permission: 'admin.view',
        outcome: 'deny',
        reason: 'missing permission admin.view',
      }),
    ]);
    const allows = await json<{ outcome: string }[]>(
      h.call('GET', '/api/rbac/audit-logs?actorId=admin&outcome=allow&limit=3', admin),
    );
    expect(allows.length).toBe(3);
    expect(allows.every((l) => l.outcome === 'allow')).toBe(true);
  });
});

describe('access management', () => {
  it('seed-defaults is idempotent and lists the default roles', async () => {
    const first = await json<{ name: string }[]>(h.call('POST', '/api/rbac/seed-defaults', admin));
    const second = await json<{ name: string }[]>(h.call('POST', '/api/rbac/seed-defaults', admin));
    expect(second.map((r) => r.name)).toEqual(first.map((r) => r.name));
    expect(first.map((r) => r.name).slice(0, 3)).toEqual(['Admin', 'Editor', 'Viewer']);
  });

  it('a new role, granted a permission and assigned, gives the user that permission only', async () => {
    const role = await json<{ id: string }>(
      h.call('POST', '/api/rbac/roles', { ...admin, body: { name: 'Auditors' } }),
      201,
    );
    await json(
      h.call('POST', `/api/rbac/roles/${role.id}/permissions`, {
        ...admin,
        body: { permissionId: 'admin.view' },
      }),
      201,
    );
    await json(h.call('POST', '/api/rbac/users/audrey/roles', { ...admin, body: { roleId: role.id } }), 201);
    const me = await json<{ roles: { name: string }[]; permissions: string[] }>(
      h.call('GET', '/api/rbac/me', { tenant: 'acme', user: 'audrey' }),
    );
    expect(me.roles.map((r) => r.name)).toEqual(['Auditors']);
    expect(me.permissions).toEqual(['admin.view']);
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'audrey' })).statusCode,
    ).toBe(200);

    await json(h.call('POST', `/api/rbac/roles/${role.id}/disable`, admin));
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'audrey' })).statusCode,
    ).toBe(403);
  });

  it('bad input is a 400 or 409, never a 500', async () => {
    const dup = await h.call('POST', '/api/rbac/roles', { ...admin, body: { name: 'Admin' } });
    expect(dup.statusCode).toBe(409);
    const unknownPermission = await h.call('POST', `/api/rbac/roles/${roleIds.Editor}/permissions`, {
      ...admin,
      body: { permissionId: 'rockets.launch' },
    });
    expect(unknownPermission.statusCode).toBe(400);
    const badPolicy = await h.call('POST', '/api/rbac/policies', {
      ...admin,
      body: { roleId: roleIds.Editor, resourceType: 'spaceship', effect: 'allow' },
    });
    expect(badPolicy.statusCode).toBe(400);
    const badUser = await h.call('GET', '/api/rbac/users/has%20space/roles', admin);
    expect(badUser.statusCode).toBe(400);
    const badExplain = await h.call('GET', '/api/rbac/explain?userId=x&permission=nope', admin);
    expect(badExplain.statusCode).toBe(400);
    const badTime = await h.call('GET', '/api/audit-feed?from=yesterday', admin);
    expect(badTime.statusCode).toBe(400);
  });

  it('explain gives the decision and the rule', async () => {
    const allowed = await json(
      h.call(
        'GET',
        '/api/rbac/explain?userId=admin&permission=change.approve&resourceType=change&resourceId=c1',
        admin,
      ),
    );
    expect(allowed).toMatchObject({ outcome: 'allow', rule: { kind: 'role_permission', roleName: 'Admin' } });
    const denied = await json(
      h.call('GET', '/api/rbac/explain?userId=vera&permission=change.approve', admin),
    );
    expect(denied).toMatchObject({ outcome: 'deny', code: 'FORBIDDEN', rule: { kind: 'no_grant' } });
  });

  it('me describes an agent and what agents may never do', async () => {
    const me = await json<{ actorType: string; permissions: string[]; agentForbidden: string[] }>(
      h.call('GET', '/api/rbac/me', agent),
    );
    expect(me.actorType).toBe('agent');
    expect(me.permissions).toEqual([]);
    expect(me.agentForbidden).toEqual(expect.arrayContaining(['change.approve', 'environment.promote']));
  });
});

describe('every assignment of a tenant', () => {
  it('lists who holds which role, by user then role, and only in the asking tenant', async () => {
    await json(
      h.call('POST', '/api/rbac/users/aaron/roles', { ...admin, body: { roleId: roleIds.Viewer } }),
      201,
    );
    await json(
      h.call('POST', '/api/rbac/users/aaron/roles', { ...admin, body: { roleId: roleIds.Editor } }),
      201,
    );
    const all = await json<{ userId: string; roleName: string }[]>(
      h.call('GET', '/api/rbac/user-roles', admin),
    );
    const aaron = all.filter((a) => a.userId === 'aaron').map((a) => a.roleName);
    expect(aaron).toEqual(['Editor', 'Viewer']);
    expect(all.some((a) => a.userId === 'vera' && a.roleName === 'Viewer')).toBe(true);
    const users = all.map((a) => a.userId);
    expect(users).toEqual([...users].sort());
    const globex = await json<{ userId: string }[]>(
      h.call('GET', '/api/rbac/user-roles', { tenant: 'globex', user: 'admin' }),
    );
    expect(globex.map((a) => a.userId)).not.toContain('aaron');
    expect((await h.call('GET', '/api/rbac/user-roles', viewer)).statusCode).toBe(403);
  });
});

describe('tenancy of access control', () => {
  it('R2: a role, policy or assignment of one tenant is invisible (404) and ineffective in another', async () => {
    const globexAdmin = { tenant: 'globex', user: 'admin' };
    const acmeRole = roleIds.Editor!;
    for (const [method, url, body] of [
      ['GET', `/api/rbac/roles/${acmeRole}/permissions`, undefined],
      ['POST', `/api/rbac/roles/${acmeRole}/enable`, undefined],
      ['POST', `/api/rbac/roles/${acmeRole}/permissions`, { permissionId: 'form.view' }],
      ['DELETE', `/api/rbac/roles/${acmeRole}/permissions/form.view`, undefined],
      ['POST', '/api/rbac/users/vera/roles', { roleId: acmeRole }],
      ['DELETE', `/api/rbac/users/vera/roles/${roleIds.Viewer}`, undefined],
      ['POST', '/api/rbac/policies', { roleId: acmeRole, resourceType: 'change', effect: 'deny' }],
    ] as const) {
      const res = await h.call(method, url, { ...globexAdmin, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const acmePolicy = await json<{ id: string }>(
      h.call('POST', '/api/rbac/policies', {
        ...admin,
        body: { roleId: acmeRole, resourceType: 'workflow', effect: 'deny' },
      }),
      201,
    );
    expect((await h.call('DELETE', `/api/rbac/policies/${acmePolicy.id}`, globexAdmin)).statusCode).toBe(404);
    const globexRoles = await json<{ id: string }[]>(h.call('GET', '/api/rbac/roles', globexAdmin));
    expect(globexRoles.map((r) => r.id)).not.toContain(acmeRole);
    expect(await json(h.call('GET', '/api/rbac/users/vera/roles', globexAdmin))).toEqual([]);
    // vera is a Viewer in acme only; acme's admin is nobody in globex unless made one there
    await json(
      h.call('POST', '/api/rbac/users/acme-boss/roles', { ...admin, body: { roleId: roleIds.Admin } }),
      201,
    );
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'globex', user: 'acme-boss' })).statusCode,
    ).toBe(403);
    const globexLogs = await json<{ actorId: string }[]>(
      h.call('GET', '/api/rbac/audit-logs?limit=200', globexAdmin),
    );
    expect(globexLogs.some((l) => l.actorId === 'mallory')).toBe(false);
  });
});

describe('audit feed and telemetry', () => {
  it('merges authorization decisions and domain events newest first, and pages without repeats', async () => {
    await json(h.call('POST', '/api/projects', { ...admin, body: { name: 'Audited project' } }), 201);
    await h.events.drain();
    const events = await json<{ eventType: string; actorId: string }[]>(
      h.call('GET', '/api/admin/execution-telemetry?eventType=project.created', admin),
    );
    expect(events[0]).toMatchObject({ eventType: 'project.created', actorId: 'admin' });

    const all = await json<{ id: string; source: string; timestamp: string }[]>(
      h.call('GET', '/api/audit-feed?limit=200', admin),
    );
    expect(new Set(all.map((e) => e.source))).toEqual(new Set(['rbac', 'telemetry']));
    const times = all.map((e) => e.timestamp);
    expect([...times].sort().reverse()).toEqual(times);

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await h.call('GET', `/api/audit-feed?limit=7${cursor ? `&cursor=${cursor}` : ''}`, admin);
      paged.push(...res.json().map((e: { id: string }) => e.id));
      cursor = res.headers['x-next-cursor'] as string | undefined;
    } while (cursor);
    // Reading the feed is a read-only request: its own allow decisions are left out, so paging
    // shows exactly what one long page showed.
    expect(paged.slice(0, all.length)).toEqual(all.map((e) => e.id));
    expect(new Set(paged).size).toBe(paged.length);
  });
});

describe('moving a change by hand', () => {
  const editor = { tenant: 'acme', user: 'edith' };
  beforeAll(async () => {
    await json(
      h.call('POST', '/api/rbac/users/edith/roles', { ...admin, body: { roleId: roleIds.Editor } }),
      201,
    );
  });

  const move = (id: string, status: string, who: object) =>
    h.call('POST', `/api/changes/${id}/status`, { ...who, body: { status } });

  it('R1: a move to Ready or Merged is an approval: an agent holding Admin gets 403 AGENT_FORBIDDEN, not 409', async () => {
    const id = await draftChange();
    for (const status of ['Ready', 'Merged']) {
      const res = await move(id, status, agentAdmin);
      expect(res.statusCode, status).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'AGENT_FORBIDDEN',
        message: expect.stringContaining('change.approve'),
      });
      // A user without change.approve is refused too, before the change's state is looked at.
      const byEditor = await move(id, status, editor);
      expect(byEditor.statusCode).toBe(403);
      expect(byEditor.json().message).toContain('change.approve');
      // An approver passes the guard and meets the lifecycle rule.
      expect((await move(id, status, admin)).statusCode).toBe(409);
    }
  });

  it('reopening a Ready change needs change.edit: refused to a user with no roles and to a Viewer, allowed to an Editor', async () => {
    const id = await readyChange();
    for (const who of [nobody, viewer, agent]) {
      const res = await move(id, 'Implementing', who);
      expect(res.statusCode, JSON.stringify(who)).toBe(403);
      expect(res.json().message).toContain('change.edit');
    }
    const status = async () =>
      (await json<{ status: string }>(h.call('GET', `/api/changes/${id}`, admin))).status;
    expect(await status()).toBe('Ready');
    expect((await move(id, 'Implementing', editor)).statusCode).toBe(200);
    expect(await status()).toBe('Implementing');
  });

  it('an Editor authors a change end to end but cannot approve it', async () => {
    const project = await json<{ id: string }>(
      h.call('POST', '/api/projects', { ...editor, body: { name: `Edited ${++counter}` } }),
      201,
    );
    const change = await json<{ id: string }>(
      h.call('POST', '/api/changes', { ...editor, body: { projectId: project.id, title: 'e' } }),
      201,
    );
    const checkin = await h.call('POST', `/api/changes/${change.id}/checkin`, editor);
    expect(checkin.statusCode).toBe(403);
    expect(checkin.json().message).toContain('change.approve');
  });
});

describe('agents and roles', () => {
  it('a role assigned to an agent is listed for the agent, works for it, and never counts for a user of the same id', async () => {
    const agentId = `builder-${++counter}`;
    const assigned = await json<{ agentId: string; roleName: string }[]>(
      h.call('POST', `/api/rbac/agents/${agentId}/roles`, { ...admin, body: { roleId: roleIds.Editor } }),
      201,
    );
    expect(assigned).toEqual([expect.objectContaining({ agentId, roleName: 'Editor' })]);
    const me = await json<{ actorType: string; roles: { name: string }[]; permissions: string[] }>(
      h.call('GET', '/api/rbac/me', { tenant: 'acme', agent: agentId }),
    );
    expect(me).toMatchObject({ actorType: 'agent', roles: [{ name: 'Editor' }] });
    expect(me.permissions).toContain('change.edit');
    const project = await freshProject();
    expect(
      (
        await h.call('POST', '/api/changes', {
          tenant: 'acme',
          agent: agentId,
          body: { projectId: project, title: 'by agent' },
        })
      ).statusCode,
    ).toBe(201);
    expect(await json(h.call('GET', `/api/rbac/users/${agentId}/roles`, admin))).toEqual([]);
    const sameIdUser = await h.call('POST', '/api/changes', {
      tenant: 'acme',
      user: agentId,
      body: { projectId: project, title: 'by user' },
    });
    expect(sameIdUser.statusCode).toBe(403);
  });

  it('the API says where agents get roles and what stays refused to them', () => {
    const doc = h.app.swagger() as unknown as Record<string, unknown>;
    const ops = operationsOf(doc) as (ReturnType<typeof operationsOf>[number] & { description?: string })[];
    const byId = (id: string) => ops.find((op) => op.operationId === id)!;
    expect(byId('assignUserRole').description).toContain('/api/rbac/agents/{agentId}/roles');
    expect(byId('assignAgentRole').description).toMatch(/AGENT_FORBIDDEN whatever the agent holds/);
  });

  it('R2: an agent role assignment of one tenant is invisible (404) in another', async () => {
    const globexAdmin = { tenant: 'globex', user: 'admin' };
    expect(await json(h.call('GET', '/api/rbac/agents/bot-admin/roles', globexAdmin))).toEqual([]);
    const res = await h.call('DELETE', `/api/rbac/agents/bot-admin/roles/${roleIds.Admin}`, globexAdmin);
    expect(res.statusCode).toBe(404);
    const assign = await h.call('POST', '/api/rbac/agents/bot-admin/roles', {
      ...globexAdmin,
      body: { roleId: roleIds.Admin },
    });
    expect(assign.statusCode).toBe(404);
  });
});

describe('the last admin', () => {
  it('disabling, stripping or unassigning the only admin access of a tenant answers 409 and changes nothing', async () => {
    const globexAdmin = { tenant: 'globex', user: 'admin' };
    const roles = await json<{ id: string; name: string }[]>(h.call('GET', '/api/rbac/roles', globexAdmin));
    const adminRole = roles.find((r) => r.name === 'Admin')!.id;
    for (const [method, url] of [
      ['POST', `/api/rbac/roles/${adminRole}/disable`],
      ['DELETE', `/api/rbac/roles/${adminRole}/permissions/rbac.manage`],
      ['DELETE', `/api/rbac/roles/${adminRole}/permissions/admin.view`],
      ['DELETE', `/api/rbac/users/admin/roles/${adminRole}`],
    ] as const) {
      const res = await h.call(method, url, globexAdmin);
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('lock every administrator out'),
        details: { reason: 'LAST_ADMIN' },
      });
    }
    const me = await json<{ permissions: string[] }>(h.call('GET', '/api/rbac/me', globexAdmin));
    expect(me.permissions).toEqual(expect.arrayContaining(['admin.view', 'rbac.manage']));
  });

  it('admins removed concurrently: all but the last succeed, and one admin always remains', async () => {
    const tenant = 'globex';
    const roles = await json<{ id: string; name: string }[]>(
      h.call('GET', '/api/rbac/roles', { tenant, user: 'admin' }),
    );
    const adminRole = roles.find((r) => r.name === 'Admin')!.id;
    // The operator manages roles without admin access of its own, so it counts for nobody.
    const operators = await json<{ id: string }>(
      h.call('POST', '/api/rbac/roles', {
        tenant,
        user: 'admin',
        body: { name: 'Operators', permissions: ['rbac.manage'] },
      }),
      201,
    );
    await json(
      h.call('POST', '/api/rbac/users/operator/roles', {
        tenant,
        user: 'admin',
        body: { roleId: operators.id },
      }),
      201,
    );
    const admins = ['admin', ...Array.from({ length: 11 }, (_, i) => `admin-${i}`)];
    for (const user of admins.slice(1)) {
      await json(
        h.call('POST', `/api/rbac/users/${user}/roles`, {
          tenant,
          user: 'admin',
          body: { roleId: adminRole },
        }),
        201,
      );
    }
    const results = await Promise.all(
      admins.map((user) =>
        h.call('DELETE', `/api/rbac/users/${user}/roles/${adminRole}`, { tenant, user: 'operator' }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 204)).toHaveLength(admins.length - 1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(1);
    const globex = await h.database.ownerDb
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', tenant)
      .executeTakeFirstOrThrow();
    const remaining = await h.database.ownerDb
      .selectFrom('rbac_user_roles')
      .select('user_id')
      .where('tenant_id', '=', globex.id)
      .where('role_id', '=', adminRole)
      .execute();
    expect(remaining).toHaveLength(1);
    // Give the tenant its admin back for the tests that follow.
    await json(
      h.call('POST', '/api/rbac/users/admin/roles', {
        tenant,
        user: 'operator',
        body: { roleId: adminRole },
      }),
      201,
    );
  });
});

describe('auditing access control', () => {
  it('role, permission, assignment and policy changes appear in the audit log and the audit feed', async () => {
    const role = await json<{ id: string }>(
      h.call('POST', '/api/rbac/roles', { ...admin, body: { name: `Audited ${++counter}` } }),
      201,
    );
    await json(
      h.call('POST', `/api/rbac/roles/${role.id}/permissions`, {
        ...admin,
        body: { permissionId: 'form.edit' },
      }),
      201,
    );
    expect(
      (await h.call('DELETE', `/api/rbac/roles/${role.id}/permissions/form.edit`, admin)).statusCode,
    ).toBe(204);
    await json(h.call('POST', '/api/rbac/users/walt/roles', { ...admin, body: { roleId: role.id } }), 201);
    expect((await h.call('DELETE', `/api/rbac/users/walt/roles/${role.id}`, admin)).statusCode).toBe(204);
    const policy = await json<{ id: string }>(
      h.call('POST', '/api/rbac/policies', {
        ...admin,
        body: { roleId: role.id, resourceType: 'form', effect: 'deny' },
      }),
      201,
    );
    expect((await h.call('DELETE', `/api/rbac/policies/${policy.id}`, admin)).statusCode).toBe(204);
    await json(h.call('POST', `/api/rbac/roles/${role.id}/disable`, admin));
    await json(h.call('POST', `/api/rbac/roles/${role.id}/enable`, admin));
    const actions = [
      'role.create',
      'role.permission.grant',
      'role.permission.revoke',
      'role.assign',
      'role.unassign',
      'policy.create',
      'policy.delete',
      'role.disable',
      'role.enable',
    ];
    const logs = await json<{ kind: string; permission: string; actorId: string; outcome: string }[]>(
      h.call('GET', '/api/rbac/audit-logs?actorId=admin&limit=40', admin),
    );
    const changes = logs
      .filter((l) => l.kind === 'change')
      .slice(0, actions.length)
      .reverse();
    expect(changes.map((c) => c.permission)).toEqual(actions);
    expect(changes.every((c) => c.outcome === 'allow' && c.actorId === 'admin')).toBe(true);
    const feed = await json<{ source: string; kind: string }[]>(
      h.call('GET', '/api/audit-feed?limit=60', admin),
    );
    expect(feed.filter((e) => e.source === 'rbac').map((e) => e.kind)).toEqual(
      expect.arrayContaining(actions),
    );
  });

  it('allow decisions of read-only requests are hidden from the log and the feed unless includeReads=true', async () => {
    const reader = `reader-${++counter}`;
    await json(
      h.call('POST', `/api/rbac/users/${reader}/roles`, { ...admin, body: { roleId: roleIds.Admin } }),
      201,
    );
    await json(h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: reader }));
    await json(h.call('GET', '/api/rbac/me', { tenant: 'acme', user: reader }));
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'nora' })).statusCode,
    ).toBe(403);

    const hidden = await json<{ actorId: string }[]>(
      h.call('GET', `/api/rbac/audit-logs?actorId=${reader}`, admin),
    );
    expect(hidden).toEqual([]);
    const shown = await json<{ kind: string; permission: string; outcome: string }[]>(
      h.call('GET', `/api/rbac/audit-logs?actorId=${reader}&includeReads=true`, admin),
    );
    expect(shown).toEqual([
      expect.objectContaining({ kind: 'read', permission: 'admin.view', outcome: 'allow' }),
    ]);
    // Refusals are never hidden.
    const refused = await json<{ kind: string; outcome: string }[]>(
      h.call('GET', '/api/rbac/audit-logs?actorId=nora&permission=admin.view', admin),
    );
    expect(refused[0]).toMatchObject({ kind: 'read', outcome: 'deny' });

    const feed = await json<{ actorId: string }[]>(h.call('GET', '/api/audit-feed?limit=200', admin));
    expect(feed.some((e) => e.actorId === reader)).toBe(false);
    const fullFeed = await json<{ actorId: string }[]>(
      h.call('GET', '/api/audit-feed?limit=200&includeReads=true', admin),
    );
    expect(fullFeed.some((e) => e.actorId === reader)).toBe(true);
  });
});
