import { createChangeService } from '@ec3l/change-engine';
import { type Database, inTransaction, isUniqueViolation } from '@ec3l/db';
import { readGraphSnapshot } from '@ec3l/graph';
import {
  type CreatedObject,
  diffPackages,
  freeNames,
  type GraphPackage,
  GraphPackagesErrorCodes,
  type InstallPlan,
  type InstallRow,
  type PackageDiff,
  type PackageWorkflow,
  packageChecksum,
  packageLedger,
  planInstall,
  validatePackage,
} from '@ec3l/graph-packages';
import {
  actorOf,
  type Clock,
  conflict,
  DomainError,
  type EventBus,
  newId,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import { type FieldDefinition, type RecordsTables, recordsRepo } from '@ec3l/records';
import type { TenancyService } from '@ec3l/tenancy';
import type { WorkflowService } from '@ec3l/workflow';
import type { Kysely, Transaction } from 'kysely';

type SharedTables = Database['db'] extends Kysely<infer Tables> ? Tables : never;
type Trx = Transaction<SharedTables>;

export type PackageInstallDeps = {
  db: Kysely<SharedTables>;
  events: EventBus;
  tenancy: Pick<TenancyService, 'requireProject'>;
  /** Workflow definitions of a package are created (and retired) through the workflow service on the install's transaction. */
  workflowsOn: (trx: Trx) => Pick<WorkflowService, 'createDefinition' | 'addStep' | 'setLifecycle'>;
  /** Creates a trigger of a definition on the install's transaction. */
  createTriggerOn: (trx: Trx, ctx: RequestContext, body: Record<string, unknown>) => Promise<unknown>;
  clock?: Clock;
};

export type InstallInput = {
  projectId: string;
  environmentId?: string;
  package: GraphPackage;
  preview?: boolean;
  allowDowngrade?: boolean;
  allowDataLoss?: boolean;
  source?: 'install' | 'promote';
  promotionIntentId?: string;
};

export type InstallResult = {
  status: 'previewed' | 'installed' | 'noop';
  packageKey: string;
  version: string;
  checksum: string;
  environmentId: string;
  installId: string | null;
  diff: PackageDiff;
};

/** An install as the API shows it. */
export type PackageInstall = {
  id: string;
  projectId: string;
  environmentId: string;
  packageKey: string;
  version: string;
  checksum: string;
  status: 'installed' | 'reverted';
  installedBy: string | null;
  installedAt: string;
  changeId: string | null;
  previousInstallId: string | null;
  createdObjects: CreatedObject[];
  revertedBy: string | null;
  revertedAt: string | null;
};

export type PackageInstallDetail = PackageInstall & { package: GraphPackage; diff: PackageDiff };

export const toPackageInstall = (row: InstallRow): PackageInstall => ({
  id: row.id,
  projectId: row.project_id,
  environmentId: row.environment_id,
  packageKey: row.package_key,
  version: row.version,
  checksum: row.checksum,
  status: row.status,
  installedBy: row.installed_by,
  installedAt: row.installed_at.toISOString(),
  changeId: row.change_id,
  previousInstallId: row.previous_install_id,
  createdObjects: row.created_objects,
  revertedBy: row.reverted_by,
  revertedAt: row.reverted_at ? row.reverted_at.toISOString() : null,
});

export const toPackageInstallDetail = (row: InstallRow): PackageInstallDetail => ({
  ...toPackageInstall(row),
  package: row.package_contents as GraphPackage,
  diff: row.diff as PackageDiff,
});

/**
 * The change engine bound to the install's transaction: its methods then run inside it (inTransaction
 * nests). The install checked the project and its environment and holds the project's row lock, so the
 * engine's own checks answer from that instead of asking the pool for a second connection.
 */
const changesOn = (deps: PackageInstallDeps, trx: Trx, environmentId: string) =>
  createChangeService({
    db: trx as unknown as Parameters<typeof createChangeService>[0]['db'],
    events: deps.events,
    requireProject: async () => {},
    projectParts: async () => ({ moduleIds: [], environmentIds: [environmentId] }),
  });

/** The environment an install is recorded for: the one named (of the project), else the project's default. */
const environmentOf = async (
  trx: Trx,
  ctx: RequestContext,
  projectId: string,
  environmentId: string | undefined,
): Promise<string> => {
  // Read on the install's transaction: an install (also one inside a promotion) holds one connection.
  const environments = await packageLedger(trx, ctx.tenantId).projectEnvironments(projectId);
  if (environmentId !== undefined) {
    if (!environments.some((e) => e.id === environmentId)) throw notFound('environment', environmentId);
    return environmentId;
  }
  const chosen = environments.find((e) => e.isDefault) ?? environments[0];
  if (!chosen) throw conflict('the project has no environment to record the install for');
  return chosen.id;
};

/** Replaces the placeholder ids of choice lists the install creates with their new ids. */
const withListIds = (field: FieldDefinition, ids: ReadonlyMap<string, string>): FieldDefinition =>
  field.choiceListId && ids.has(field.choiceListId)
    ? { ...field, choiceListId: ids.get(field.choiceListId)! }
    : field;

const WORKFLOW_NAME_MAX = 200;

/**
 * A workflow definition of the package, with its steps and triggers, activated. Definition names are
 * unique in the project, retired ones included: a workflow created again (an upgrade, a re-install after
 * an uninstall) takes the first free name of `name`, `name (version)`, `name (version, 2)` …; the
 * project's row lock keeps that free until the insert.
 */
const createWorkflow = async (
  deps: PackageInstallDeps,
  trx: Trx,
  ctx: RequestContext,
  projectId: string,
  w: PackageWorkflow,
  version: string,
): Promise<string> => {
  const workflows = deps.workflowsOn(trx);
  const taken = await packageLedger(trx, ctx.tenantId).workflowNamesLike(projectId, w.name);
  const candidates = [w.name, `${w.name} (${version})`];
  for (let i = 2; candidates.every((c) => taken.has(c)); i++) candidates.push(`${w.name} (${version}, ${i})`);
  const name = candidates.find((c) => !taken.has(c))!.slice(0, WORKFLOW_NAME_MAX);
  const definition = await workflows.createDefinition(ctx, {
    projectId,
    name,
    ...(w.description === undefined ? {} : { description: w.description }),
  });
  for (const step of w.steps) await workflows.addStep(ctx, definition.id, step as never);
  for (const trigger of w.triggers ?? []) {
    // record_event triggers name their record type by key, which the trigger service resolves.
    await deps.createTriggerOn(trx, ctx, { ...(trigger as object), workflowDefinitionId: definition.id });
  }
  await workflows.setLifecycle(ctx, definition.id, 'activate');
  return definition.id;
};

/** Phase 7, apply: everything the plan says, in the caller's transaction; answers the install row. */
const applyPlan = async (
  deps: PackageInstallDeps,
  trx: Trx,
  ctx: RequestContext,
  args: {
    input: InstallInput;
    environmentId: string;
    plan: InstallPlan;
    diff: PackageDiff;
    checksum: string;
    previous: InstallRow | undefined;
    owned: {
      object_type: CreatedObject['type'];
      object_key: string;
      object_id: string;
      package_key: string;
    }[];
  },
): Promise<InstallRow> => {
  const { input, plan, previous } = args;
  const pkg = input.package;
  const now = (deps.clock ?? systemClock).now();
  const records = recordsRepo(trx, ctx.tenantId);
  const ledger = packageLedger(trx, ctx.tenantId);
  const created: CreatedObject[] = [];

  // Choice lists first: fields name them by id. A list replacing an older one gets the version in its name
  // (list names are unique in the tenant).
  const listIds = new Map<string, string>();
  const replacedLists = new Set(
    args.owned
      .filter((o) => o.object_type === 'choice_list' && o.package_key === pkg.key)
      .map((o) => o.object_key),
  );
  // Names are unique in the tenant: a package installed in a second project names its new objects after
  // that project where the first one holds the plain names.
  const qualifier =
    plan.createChoiceLists.length + plan.createRecordTypes.length > 0
      ? await ledger.projectName(input.projectId)
      : '';
  const wantedListNames = plan.createChoiceLists.map((l) =>
    replacedLists.has(l.key) ? `${l.name} (${pkg.version})` : l.name,
  );
  const listNames = freeNames(
    wantedListNames,
    await ledger.takenNames('choice_lists', wantedListNames),
    qualifier,
  );
  const wantedTypeNames = plan.createRecordTypes.map((t) => t.name);
  const typeNames = freeNames(
    wantedTypeNames,
    await ledger.takenNames('record_types', wantedTypeNames),
    qualifier,
  );
  for (const [i, l] of plan.createChoiceLists.entries()) {
    const id = newId();
    const name = listNames.get(wantedListNames[i]!)!;
    try {
      await records.insertChoiceList({ id, name, now });
    } catch (error) {
      if (isUniqueViolation(error, 'choice_lists_name_unique'))
        throw conflict(`a choice list named "${name}" already exists in this tenant`, { choiceList: l.key });
      throw error;
    }
    await records.insertChoiceItems(
      id,
      l.items.map((item, i) => ({ id: newId(), value: item.value, label: item.label, orderIndex: i })),
    );
    listIds.set(`pending:${l.key}`, id);
    created.push({ type: 'choice_list', key: l.key, id });
  }

  // New record types, base types first, in one statement; the unique keys still guard key and name.
  const typeIds = new Map(plan.createRecordTypes.map((t) => [t.key, newId()]));
  try {
    await ledger.insertRecordTypes(
      plan.createRecordTypes.map((t) => ({
        id: typeIds.get(t.key)!,
        projectId: input.projectId,
        key: t.key,
        name: typeNames.get(t.name)!,
        baseType: t.baseType,
        fields: t.fields.map((f) => withListIds(f, listIds)),
        assignmentConfig: t.assignmentConfig,
        slaConfig: t.slaConfig,
      })),
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'record_types_name_unique'))
      throw conflict(
        'a record type of the package has the name of a record type of this tenant (names are unique in the tenant)',
        { field: 'name' },
      );
    if (isUniqueViolation(error, 'record_types_key_unique'))
      throw conflict('a record type of the package was created in the project meanwhile');
    throw error;
  }
  for (const t of plan.createRecordTypes)
    created.push({ type: 'record_type', key: t.key, id: typeIds.get(t.key)! });

  // Edits of record types the package owns: one change, checked in and merged here, so its snapshots
  // make the uninstall exact.
  let changeId: string | null = null;
  if (plan.editRecordTypes.length > 0) {
    const changes = changesOn(deps, trx, args.environmentId);
    const change = await changes.createChange(ctx, {
      projectId: input.projectId,
      title: `Install ${pkg.key} ${pkg.version}`,
      description: `Edits of record types owned by ${pkg.key}, installed${previous ? ` over ${previous.version}` : ''}.`,
      environmentId: args.environmentId,
    });
    for (const edit of plan.editRecordTypes) {
      const target = await changes.addTarget(ctx, change.id, {
        type: 'record_type',
        selector: { recordTypeKey: edit.key },
      });
      for (const op of edit.ops) {
        const payload =
          'field' in op.payload
            ? { ...op.payload, field: withListIds(op.payload.field, listIds) }
            : op.payload;
        await changes.addOp(ctx, change.id, { targetId: target.id, opType: op.opType, payload });
      }
    }
    const checked = await changes.checkin(ctx, change.id);
    if (checked.status !== 'Ready') {
      throw new DomainError(
        GraphPackagesErrorCodes.PACKAGE_GRAPH_INVALID,
        `the package's edits of installed record types fail to validate: ${((checked.validationErrors ?? []) as { message: string }[]).map((e) => e.message).join('; ')}`,
        { errors: checked.validationErrors ?? [] },
      );
    }
    await changes.merge(ctx, change.id);
    changeId = change.id;
  }

  // Workflows: a changed one is retired and created again (names are unique per project, so the new
  // definition carries the version).
  const ownedWorkflows = new Map(
    args.owned
      .filter((o) => o.object_type === 'workflow' && o.package_key === pkg.key)
      .map((o) => [o.object_key, o.object_id]),
  );
  const workflows = deps.workflowsOn(trx);
  for (const key of plan.retireWorkflows)
    await workflows.setLifecycle(ctx, ownedWorkflows.get(key)!, 'retire');
  for (const w of plan.createWorkflows) {
    const id = await createWorkflow(deps, trx, ctx, input.projectId, w, pkg.version);
    created.push({ type: 'workflow', key: w.key, id });
  }

  const previousObjects: CreatedObject[] = args.owned
    .filter((o) => o.package_key === pkg.key)
    .map((o) => ({ type: o.object_type, key: o.object_key, id: o.object_id }));
  const row = await ledger.insertInstall({
    id: newId(),
    projectId: input.projectId,
    environmentId: args.environmentId,
    packageKey: pkg.key,
    version: pkg.version,
    checksum: args.checksum,
    installedBy: actorOf(ctx).actorId,
    installedAt: now,
    diff: args.diff,
    contents: pkg,
    changeId,
    createdObjects: created,
    previousObjects,
    previousInstallId: previous?.id ?? null,
  });

  // Ownership after the install: every object of the package, by key, at its current id.
  const ids = new Map(previousObjects.map((o) => [`${o.type}:${o.key}`, o.id]));
  for (const c of created) ids.set(`${c.type}:${c.key}`, c.id);
  const projectTypes = new Map(
    plan.projection.recordTypes.filter((t) => t.projectId === input.projectId).map((t) => [t.key, t.id]),
  );
  const objects = [
    ...pkg.recordTypes.map((t) => ({
      type: 'record_type' as const,
      key: t.key,
      id: ids.get(`record_type:${t.key}`) ?? projectTypes.get(t.key)!,
    })),
    ...(pkg.choiceLists ?? []).map((l) => ({
      type: 'choice_list' as const,
      key: l.key,
      id: ids.get(`choice_list:${l.key}`)!,
    })),
    ...(pkg.workflows ?? []).map((w) => ({
      type: 'workflow' as const,
      key: w.key,
      id: ids.get(`workflow:${w.key}`)!,
    })),
  ];
  await ledger.disownAll(input.projectId, pkg.key);
  await ledger.own(input.projectId, pkg.key, row.id, objects);
  await ledger.insertEnvironmentState({
    id: newId(),
    projectId: input.projectId,
    environmentId: args.environmentId,
    packageKey: pkg.key,
    version: pkg.version,
    checksum: args.checksum,
    installedBy: actorOf(ctx).actorId,
    installedAt: now,
    source: input.source ?? 'install',
    diff: args.diff,
    contents: pkg,
    graphInstallId: row.id,
    promotionIntentId: input.promotionIntentId ?? null,
  });
  return row;
};

const rejected = (deps: PackageInstallDeps, ctx: RequestContext, key: string, error: unknown) => {
  if (error instanceof DomainError)
    deps.events.emit(ctx, {
      type: 'graph.package_install_rejected',
      status: 'rejected',
      entityId: key,
      error: { code: error.code, message: error.message },
    });
};

/**
 * Installs a package into a project's graph, all or nothing: the seven phases (noop on the installed
 * checksum, version guard, ownership, snapshot, projection, graph validators, then preview or apply)
 * under the project's row lock, so of concurrent installs one applies and the others see it. With `trx`
 * it runs inside the caller's transaction (promotion runs several installs in one).
 */
export const installPackage = async (
  deps: PackageInstallDeps,
  ctx: RequestContext,
  input: InstallInput,
  trx?: Trx,
): Promise<InstallResult> => {
  const pkg = input.package;
  const checksum = packageChecksum(pkg);
  try {
    let environmentId = '';
    const result = await inTransaction(trx ?? deps.db, async (t) => {
      const ledger = packageLedger(t, ctx.tenantId);
      // 404 for a project of another tenant (row-level security and the tenant filter both hide it).
      if (!(await ledger.lockProject(input.projectId))) throw notFound('project', input.projectId);
      environmentId = await environmentOf(t, ctx, input.projectId, input.environmentId);
      const previous = await ledger.findInstalled(input.projectId, pkg.key);
      const previousContents = previous ? (previous.package_contents as GraphPackage) : null;
      // Phase 1 before any snapshot is read: the installed checksum is a noop at the cost of two lookups.
      if (previous && previous.checksum === checksum)
        return {
          packageKey: pkg.key,
          version: pkg.version,
          checksum,
          environmentId,
          diff: diffPackages(previousContents, pkg),
          status: 'noop' as const,
          installId: previous.id,
        };
      // Offline validation (format, internal references, the package's own graph, bindings); an installed
      // checksum was validated when it was installed.
      const validation = validatePackage(pkg);
      if (!validation.ok)
        throw new DomainError(
          GraphPackagesErrorCodes.PACKAGE_INVALID,
          `the package is invalid: ${validation.problems
            .slice(0, 3)
            .map((p) => `${p.path} ${p.message}`)
            .join(
              '; ',
            )}${validation.problems.length > 3 ? ` and ${validation.problems.length - 3} more` : ''}`,
          {
            problems: validation.problems.map((p) => `${p.path} ${p.code} ${p.message}`),
            issues: validation.problems,
          },
        );

      // The project's graph in full; of the other projects only which keys they hold (see otherProjectTypes).
      const own = await readGraphSnapshot(t as unknown as Kysely<RecordsTables>, ctx, input.projectId);
      const others = await ledger.otherProjectTypes(input.projectId);
      const graph = {
        ...own,
        recordTypes: [
          ...own.recordTypes,
          ...others.map((r) => ({
            id: r.id,
            projectId: r.project_id,
            key: r.key,
            name: r.name,
            baseType: r.base_type,
            status: r.status,
            version: r.version,
            fields: [],
          })),
        ],
      };
      const owned = await ledger.listOwnership(input.projectId);
      // Values held by the fields the package stops having, by `type.field`.
      const dropped = diffPackages(previousContents, pkg).objects.filter(
        (o) => o.objectType === 'field' && o.disposition === 'delete',
      );
      const byKey = new Map(
        graph.recordTypes.filter((n) => n.projectId === input.projectId).map((n) => [n.key, n]),
      );
      const probes = dropped.flatMap((o) => {
        const [typeKey, fieldName] = o.key.split('.') as [string, string];
        const node = byKey.get(typeKey);
        const field = node?.fields.find((f) => f.name === fieldName);
        return node && field
          ? [{ key: o.key, recordTypeId: node.id, storageKey: field.storageKey ?? field.name }]
          : [];
      });
      const counts = await ledger.countFieldValues(probes);
      const dataCounts = new Map(
        probes.map((p) => [p.key, counts.get(`${p.recordTypeId}:${p.storageKey}`) ?? 0]),
      );
      const outcome = planInstall({
        projectId: input.projectId,
        graph,
        owned: owned.map((o) => ({
          objectType: o.object_type,
          objectKey: o.object_key,
          objectId: o.object_id,
          packageKey: o.package_key,
        })),
        previous: previous
          ? { version: previous.version, checksum: previous.checksum, contents: previousContents! }
          : null,
        pkg,
        checksum,
        dataCounts,
        ...(input.allowDowngrade === undefined ? {} : { allowDowngrade: input.allowDowngrade }),
        ...(input.allowDataLoss === undefined ? {} : { allowDataLoss: input.allowDataLoss }),
      });
      const base = { packageKey: pkg.key, version: pkg.version, checksum, environmentId, diff: outcome.diff };
      if (outcome.kind === 'noop') return { ...base, status: 'noop' as const, installId: previous!.id };
      if (outcome.kind === 'refused')
        throw new DomainError(outcome.refusal.code, outcome.refusal.message, outcome.refusal.details);
      if (input.preview) return { ...base, status: 'previewed' as const, installId: null };
      const row = await applyPlan(deps, t, ctx, {
        input,
        environmentId,
        plan: outcome.plan,
        diff: outcome.diff,
        checksum,
        previous,
        owned,
      });
      return { ...base, status: 'installed' as const, installId: row.id };
    });
    if (result.status === 'noop')
      deps.events.emit(ctx, {
        type: 'graph.package_install_noop',
        status: 'noop',
        entityId: result.installId!,
      });
    if (result.status === 'installed')
      deps.events.emit(ctx, {
        type: 'graph.package_installed',
        status: 'succeeded',
        entityId: result.installId!,
        affectedRecords: { packageKey: pkg.key, version: pkg.version, summary: result.diff.summary },
      });
    if (result.status === 'previewed')
      deps.events.emit(ctx, { type: 'graph.diff_computed', status: 'succeeded', entityId: pkg.key });
    return result;
  } catch (error) {
    rejected(deps, ctx, pkg.key, error);
    throw error;
  }
};

const installNotFound = (id: string) =>
  new DomainError(
    GraphPackagesErrorCodes.PACKAGE_INSTALL_NOT_FOUND,
    `no package install ${id} in this tenant`,
    {
      installId: id,
    },
  );

/**
 * Uninstalls: reverts the install's merged change (exactly, through the change engine), deletes the record
 * types and choice lists it created (refused while they hold records: data is never dropped), retires the
 * workflows it created and recreates those it retired, hands ownership back to the previous install, and
 * records the uninstall for the environment. Only the latest installed install of a package can be reverted.
 */
export const revertInstall = async (
  deps: PackageInstallDeps,
  ctx: RequestContext,
  installId: string,
): Promise<PackageInstall> =>
  inTransaction(deps.db, async (trx) => {
    const ledger = packageLedger(trx, ctx.tenantId);
    const found = await ledger.findInstall(installId);
    if (!found) throw installNotFound(installId);
    await ledger.lockProject(found.project_id);
    const install = (await ledger.findInstall(installId))!;
    if (install.status === 'reverted')
      throw new DomainError(
        GraphPackagesErrorCodes.PACKAGE_ALREADY_REVERTED,
        'the install is reverted already',
        {
          installId,
          revertedAt: install.reverted_at?.toISOString() ?? null,
        },
      );
    const latest = await ledger.findInstalled(install.project_id, install.package_key);
    if (latest?.id !== install.id)
      throw new DomainError(
        GraphPackagesErrorCodes.PACKAGE_ALREADY_REVERTED,
        `a later install of ${install.package_key} (${latest?.version}) supersedes this one; revert that first`,
        { installId, latestInstallId: latest?.id ?? null },
      );
    const created = install.created_objects;
    const createdTypes = created.filter((o) => o.type === 'record_type');
    const counts = await ledger.countRecords(createdTypes.map((o) => o.id));
    const holding = createdTypes
      .filter((o) => (counts.get(o.id) ?? 0) > 0)
      .map((o) => ({ key: o.key, records: counts.get(o.id)! }));
    if (holding.length > 0)
      throw new DomainError(
        GraphPackagesErrorCodes.PACKAGE_REVERT_BLOCKED,
        `the install created record types that hold records: ${holding.map((h) => `${h.key} (${h.records})`).join(', ')}; an uninstall never drops data`,
        { recordTypes: holding },
      );
    // Nor may it leave other record types pointing at what it deletes (another package's, or the project's).
    const deleted = new Set(createdTypes.map((o) => o.key));
    const project = await readGraphSnapshot(trx as unknown as Kysely<RecordsTables>, ctx, install.project_id);
    const dependents = project.recordTypes
      .filter((t) => !deleted.has(t.key))
      .flatMap((t) => [
        ...(t.baseType && deleted.has(t.baseType) ? [{ key: t.key, uses: t.baseType, as: 'baseType' }] : []),
        ...t.fields
          .filter((f) => f.referenceRecordTypeKey && deleted.has(f.referenceRecordTypeKey))
          .map((f) => ({ key: `${t.key}.${f.name}`, uses: f.referenceRecordTypeKey!, as: 'reference' })),
      ]);
    if (dependents.length > 0)
      throw new DomainError(
        GraphPackagesErrorCodes.PACKAGE_REVERT_BLOCKED,
        `record types outside the install depend on record types it created: ${dependents
          .map((d) => `${d.key} (${d.as} ${d.uses})`)
          .join(', ')}; remove or uninstall them first`,
        { dependents },
      );
    if (install.change_id) {
      const changes = changesOn(deps, trx, install.environment_id);
      const revert = await changes.revert(ctx, install.change_id);
      const checked = await changes.checkin(ctx, revert.id);
      if (checked.status !== 'Ready')
        throw conflict("the revert of the install's change does not validate", {
          errors: checked.validationErrors ?? [],
        });
      await changes.merge(ctx, revert.id);
    }
    const workflows = deps.workflowsOn(trx);
    for (const w of created.filter((o) => o.type === 'workflow'))
      await workflows.setLifecycle(ctx, w.id, 'retire');
    await ledger.deleteRecordTypes(createdTypes.map((o) => o.id));
    const lists = created.filter((o) => o.type === 'choice_list').map((o) => o.id);
    const inUse = await ledger.choiceListsInUse(lists);
    await ledger.deleteChoiceLists(lists.filter((id) => !inUse.has(id)));

    // Workflows this install retired come back as new definitions of the previous version's content.
    const previous = install.previous_install_id
      ? await ledger.findInstall(install.previous_install_id)
      : undefined;
    const restored = new Map<string, string>();
    if (previous) {
      const retired = new Set(
        install.previous_objects.filter((o) => o.type === 'workflow').map((o) => o.key),
      );
      const stillOwned = new Set(created.filter((o) => o.type === 'workflow').map((o) => o.key));
      const contents = previous.package_contents as GraphPackage;
      const newContents = install.package_contents as GraphPackage;
      for (const w of contents.workflows ?? []) {
        const replacedOrDropped =
          retired.has(w.key) &&
          (stillOwned.has(w.key) || !(newContents.workflows ?? []).some((n) => n.key === w.key));
        if (!replacedOrDropped) continue;
        restored.set(w.key, await createWorkflow(deps, trx, ctx, install.project_id, w, previous.version));
      }
    }
    await ledger.disownAll(install.project_id, install.package_key);
    await ledger.own(
      install.project_id,
      install.package_key,
      install.previous_install_id ?? install.id,
      install.previous_objects.map((o) => ({
        ...o,
        id: o.type === 'workflow' ? (restored.get(o.key) ?? o.id) : o.id,
      })),
    );
    const now = (deps.clock ?? systemClock).now();
    const reverted = await ledger.markReverted(install.id, actorOf(ctx).actorId, now);
    await ledger.insertEnvironmentState({
      id: newId(),
      projectId: install.project_id,
      environmentId: install.environment_id,
      packageKey: install.package_key,
      version: install.version,
      checksum: install.checksum,
      installedBy: actorOf(ctx).actorId,
      installedAt: now,
      source: 'uninstall',
      diff: diffPackages(
        install.package_contents as GraphPackage,
        (previous?.package_contents as GraphPackage) ?? null,
      ),
      contents: install.package_contents,
      graphInstallId: install.id,
      promotionIntentId: null,
    });
    return toPackageInstall(reverted);
  });
