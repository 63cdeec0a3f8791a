import { type GraphSnapshot, type RecordTypeNode, validateGraph } from '@ec3l/graph';
import {
  type AssignmentConfig,
  configProblems,
  type FieldDefinition,
  resolveEffectiveFields,
  type SlaConfig,
} from '@ec3l/records';
import { type GraphPackagesErrorCode, GraphPackagesErrorCodes } from '../errors.js';
import type {
  GraphPackage,
  PackageChoiceList,
  PackageField,
  PackageRecordType,
  PackageWorkflow,
} from '../package/schema.js';
import type { PackageObjectType } from '../tables.js';
import { diffPackages, type PackageDiff, sameJson, summarize } from './diff.js';
import { compareVersions } from './semver.js';

/** An ownership row of the project: which package owns an object, and the object's id. */
export type OwnedObject = {
  objectType: PackageObjectType;
  objectKey: string;
  objectId: string;
  packageKey: string;
};

export type PlanInput = {
  projectId: string;
  /** The tenant's graph as it stands (all projects: cross-project base types are only visible so). */
  graph: GraphSnapshot;
  /** The ownership rows of the project, of every package. */
  owned: readonly OwnedObject[];
  /** The latest install of this package in the project that is still installed, if any. */
  previous: { version: string; checksum: string; contents: GraphPackage } | null;
  pkg: GraphPackage;
  checksum: string;
  /** Records holding a value, by `type.field`, for the fields the package stops having. */
  dataCounts: ReadonlyMap<string, number>;
  allowDowngrade?: boolean;
  allowDataLoss?: boolean;
};

/** A patch op as the change engine takes it (CreatePatchOpBody without the target). */
export type PlannedOp =
  | { opType: 'add_field'; payload: { field: FieldDefinition; after: string | null } }
  | { opType: 'set_field'; payload: { field: FieldDefinition } }
  | { opType: 'remove_field'; payload: { fieldName: string } }
  | { opType: 'set_assignment'; payload: { config: AssignmentConfig | null } }
  | { opType: 'set_sla'; payload: { config: SlaConfig | null } };

type NewRecordType = {
  key: string;
  name: string;
  baseType: string | null;
  fields: FieldDefinition[];
  assignmentConfig: AssignmentConfig | null;
  slaConfig: SlaConfig | null;
};

export type InstallPlan = {
  /** Record types to create, base types before the types that extend them. */
  createRecordTypes: NewRecordType[];
  /** Edits of record types the package already owns, as patch ops in the order they apply. */
  editRecordTypes: { key: string; ops: PlannedOp[] }[];
  /** Record types an upgrade drops: they stay in the project with their records, no longer owned. */
  releasedRecordTypes: string[];
  /** Choice lists to create: new ones, and a new list for each whose items or name changed. */
  createChoiceLists: PackageChoiceList[];
  /** Choice lists an upgrade drops or replaces: they stay, no longer owned. */
  releasedChoiceLists: string[];
  /** Workflows to create (new, or a new definition of a changed one). */
  createWorkflows: PackageWorkflow[];
  /** Workflows an upgrade drops or replaces: their definitions are retired. */
  retireWorkflows: string[];
  /** The tenant's graph with the package applied. */
  projection: GraphSnapshot;
};

type PlanRefusal = {
  code: GraphPackagesErrorCode;
  message: string;
  details: Record<string, unknown>;
};

export type PlanOutcome =
  | { kind: 'noop'; diff: PackageDiff }
  | { kind: 'refused'; diff: PackageDiff; refusal: PlanRefusal }
  | { kind: 'plan'; diff: PackageDiff; plan: InstallPlan };

/** The id a choice list stands under in a plan until the install creates it. */
export const pendingChoiceListId = (key: string): string => `pending:${key}`;
/** The id a record type stands under in a projection until the install creates it. */
const pendingRecordTypeId = (key: string): string => `pending:${key}`;

const quote = (s: string): string => JSON.stringify(s);

/** A package field as the data dictionary stores it, its choice list named by id. */
export const fieldDefinitionOf = (f: PackageField, listId: (key: string) => string): FieldDefinition => ({
  name: f.name,
  type: f.type,
  label: f.label?.trim() || null,
  required: f.required ?? false,
  defaultValue: f.defaultValue ?? null,
  choiceListId: f.type === 'choice' && f.choiceListKey !== undefined ? listId(f.choiceListKey) : null,
  referenceRecordTypeKey:
    f.type === 'reference' && f.referenceRecordTypeKey !== undefined ? f.referenceRecordTypeKey : null,
});

const withoutStorageKey = ({ storageKey: _, ...f }: FieldDefinition): FieldDefinition => f;

/** Whether two stored fields are the same definition (where their values are stored aside). */
const sameField = (a: FieldDefinition, b: FieldDefinition): boolean =>
  sameJson(withoutStorageKey(a), withoutStorageKey(b));

/** Kahn's order over base types among the new types: a base type before its extensions, ties by key. */
export const topologicalOrder = <T extends { key: string; baseType: string | null }>(
  types: readonly T[],
): T[] => {
  const byKey = new Map(types.map((t) => [t.key, t]));
  const waiting = new Map<string, string[]>();
  const pending = new Map<string, number>();
  for (const t of types) {
    const base = t.baseType !== null && byKey.has(t.baseType) && t.baseType !== t.key ? t.baseType : null;
    pending.set(t.key, base === null ? 0 : 1);
    if (base !== null) waiting.set(base, [...(waiting.get(base) ?? []), t.key]);
  }
  const ready = [...pending].filter(([, n]) => n === 0).map(([k]) => k);
  ready.sort();
  const out: T[] = [];
  const done = new Set<string>();
  while (ready.length > 0) {
    const key = ready.shift()!;
    done.add(key);
    out.push(byKey.get(key)!);
    const next = (waiting.get(key) ?? []).filter((k) => !done.has(k)).sort();
    ready.push(...next);
    ready.sort();
  }
  // Types on a base-type cycle never become ready; the graph validators refuse them (BASE_TYPE_CYCLE).
  for (const t of [...types].sort((a, b) => (a.key < b.key ? -1 : 1))) if (!done.has(t.key)) out.push(t);
  return out;
};

/**
 * Applies patch ops to a record type's own fields and configurations as the change engine's executor
 * does (add after an anchor, null: first; set in place; remove), for the projection. Ops are assumed
 * valid (the planner made them against these fields).
 */
export const applyPlannedOps = (
  node: Pick<RecordTypeNode, 'fields' | 'assignmentConfig' | 'slaConfig'>,
  ops: readonly PlannedOp[],
): { fields: FieldDefinition[]; assignmentConfig: AssignmentConfig | null; slaConfig: SlaConfig | null } => {
  const fields = [...node.fields];
  let assignmentConfig = node.assignmentConfig ?? null;
  let slaConfig = node.slaConfig ?? null;
  for (const op of ops) {
    switch (op.opType) {
      case 'remove_field':
        fields.splice(
          fields.findIndex((f) => f.name === op.payload.fieldName),
          1,
        );
        break;
      case 'add_field': {
        const at = op.payload.after === null ? 0 : fields.findIndex((f) => f.name === op.payload.after) + 1;
        fields.splice(at, 0, op.payload.field);
        break;
      }
      case 'set_field': {
        const i = fields.findIndex((f) => f.name === op.payload.field.name);
        const storageKey = fields[i]!.storageKey;
        fields[i] = storageKey === undefined ? op.payload.field : { ...op.payload.field, storageKey };
        break;
      }
      case 'set_assignment':
        assignmentConfig = op.payload.config;
        break;
      case 'set_sla':
        slaConfig = op.payload.config;
        break;
    }
  }
  return { fields, assignmentConfig, slaConfig };
};

/** The ops that bring an owned record type from its current state to the package's. */
const editOps = (
  current: RecordTypeNode,
  previous: PackageRecordType | undefined,
  desired: FieldDefinition[],
  configs: {
    assignment: { before: boolean; after: AssignmentConfig | null };
    sla: { before: boolean; after: SlaConfig | null };
  },
): PlannedOp[] => {
  const ops: PlannedOp[] = [];
  const wanted = new Set(desired.map((f) => f.name));
  const have = new Map(current.fields.map((f) => [f.name, f]));
  // Only fields an earlier version of the package brought are removed; fields added beside it stay.
  for (const f of previous?.fields ?? []) {
    if (!wanted.has(f.name) && have.has(f.name))
      ops.push({ opType: 'remove_field', payload: { fieldName: f.name } });
  }
  let anchor: string | null = null;
  for (const f of desired) {
    const existing = have.get(f.name);
    if (existing === undefined) ops.push({ opType: 'add_field', payload: { field: f, after: anchor } });
    else if (!sameField(existing, f)) ops.push({ opType: 'set_field', payload: { field: f } });
    anchor = f.name;
  }
  // A configuration the package never set is the project's own; one it set (or sets) follows it.
  if (
    (configs.assignment.before || configs.assignment.after !== null) &&
    !sameJson(current.assignmentConfig ?? null, configs.assignment.after)
  )
    ops.push({ opType: 'set_assignment', payload: { config: configs.assignment.after } });
  if (
    (configs.sla.before || configs.sla.after !== null) &&
    !sameJson(current.slaConfig ?? null, configs.sla.after)
  )
    ops.push({ opType: 'set_sla', payload: { config: configs.sla.after } });
  return ops;
};

const refused = (
  diff: PackageDiff,
  code: GraphPackagesErrorCode,
  message: string,
  details: Record<string, unknown>,
): PlanOutcome => ({ kind: 'refused', diff, refusal: { code, message, details } });

/**
 * Phases 1–6 of an install, pure: same checksum as the installed version → noop (1); a lower version
 * without allowDowngrade → refused (2); objects of another package, or record types made outside any
 * package, in the way → refused naming the owner (3); fields holding records the package drops without
 * allowDataLoss → refused naming them; then the package projected onto the graph (4, 5) and every graph
 * validator and configuration check run on the projection (6): an install may introduce no new error.
 * Otherwise the plan: what phase 7 creates (base types first), edits (as patch ops), releases and retires.
 */
export const planInstall = (input: PlanInput): PlanOutcome => {
  const { pkg, previous, projectId } = input;
  let diff = diffPackages(previous?.contents ?? null, pkg);
  if (previous && previous.checksum === input.checksum) return { kind: 'noop', diff };
  if (previous && !input.allowDowngrade && compareVersions(pkg.version, previous.version) < 0) {
    return refused(
      diff,
      GraphPackagesErrorCodes.PACKAGE_DOWNGRADE,
      `${pkg.key} ${previous.version} is installed; ${pkg.version} is lower (pass allowDowngrade to install it)`,
      { installedVersion: previous.version, version: pkg.version },
    );
  }

  // Phase 3: ownership.
  const ownerOf = new Map(input.owned.map((o) => [`${o.objectType}:${o.objectKey}`, o]));
  const projectTypes = new Map(
    input.graph.recordTypes.filter((t) => t.projectId === projectId).map((t) => [t.key, t]),
  );
  const conflicts: { objectType: PackageObjectType; key: string; owner: string | null }[] = [];
  const claim = (objectType: PackageObjectType, key: string, existsUnowned: boolean) => {
    const owner = ownerOf.get(`${objectType}:${key}`);
    if (owner && owner.packageKey !== pkg.key) conflicts.push({ objectType, key, owner: owner.packageKey });
    else if (!owner && existsUnowned) conflicts.push({ objectType, key, owner: null });
  };
  for (const t of pkg.recordTypes) claim('record_type', t.key, projectTypes.has(t.key));
  for (const l of pkg.choiceLists ?? []) claim('choice_list', l.key, false);
  for (const w of pkg.workflows ?? []) claim('workflow', w.key, false);
  if (conflicts.length > 0) {
    const first = conflicts[0]!;
    return refused(
      diff,
      GraphPackagesErrorCodes.PACKAGE_OWNERSHIP_CONFLICT,
      first.owner === null
        ? `record type ${quote(first.key)} exists in the project outside any package; ${pkg.key} cannot take it over`
        : `${first.objectType.replace('_', ' ')} ${quote(first.key)} is owned by package ${first.owner}; ${pkg.key} cannot change it`,
      { conflicts },
    );
  }
  const owns = (objectType: PackageObjectType, key: string) =>
    ownerOf.get(`${objectType}:${key}`)?.packageKey === pkg.key;

  // An upgrade may not move a record type to another base type or rename it: neither is a patch op,
  // so neither could be reverted exactly.
  const before = new Map((previous?.contents.recordTypes ?? []).map((t) => [t.key, t]));
  const problems: { path: string; message: string }[] = [];
  pkg.recordTypes.forEach((t, i) => {
    const current = projectTypes.get(t.key);
    if (!current) return;
    if ((t.baseType ?? null) !== (current.baseType ?? null))
      problems.push({
        path: `/recordTypes/${i}/baseType`,
        message: `record type ${quote(t.key)} is installed with base type ${quote(current.baseType ?? 'none')}; an upgrade cannot change it`,
      });
    // The installed name may be the package's name qualified by the project (names are unique in the
    // tenant): keeping the previous version's name is no rename.
    if (t.name !== current.name && t.name !== before.get(t.key)?.name)
      problems.push({
        path: `/recordTypes/${i}/name`,
        message: `record type ${quote(t.key)} is installed as ${quote(current.name)}; an upgrade cannot rename it`,
      });
  });
  if (problems.length > 0) {
    return refused(
      diff,
      GraphPackagesErrorCodes.PACKAGE_INVALID,
      `the package changes installed record types in ways an install cannot: ${problems.map((p) => p.message).join('; ')}`,
      { problems },
    );
  }

  // Data held by fields the package drops.
  const holding = diff.objects
    .filter((o) => o.objectType === 'field' && o.disposition === 'delete')
    .map((o) => ({ key: o.key, records: input.dataCounts.get(o.key) ?? 0 }))
    .filter((f) => f.records > 0);
  if (holding.length > 0) {
    const withData = new Set(holding.map((h) => h.key));
    const objects = diff.objects.map((o) =>
      o.objectType === 'field' && o.disposition === 'delete' && withData.has(o.key)
        ? {
            ...o,
            disposition: 'delete_with_data' as const,
            detail: `${input.dataCounts.get(o.key)} records hold a value`,
          }
        : o,
    );
    diff = { ...diff, objects, summary: summarize(objects) };
    if (!input.allowDataLoss) {
      return refused(
        diff,
        GraphPackagesErrorCodes.PACKAGE_DATA_LOSS,
        `the package removes fields that hold data: ${holding.map((h) => `${h.key} (${h.records} records)`).join(', ')}; pass allowDataLoss to remove them`,
        { fields: holding },
      );
    }
  }

  // Phases 4–5: the plan and the projection.
  const previousLists = new Map((previous?.contents.choiceLists ?? []).map((l) => [l.key, l]));
  const listIds = new Map<string, string>();
  const createChoiceLists: PackageChoiceList[] = [];
  for (const l of pkg.choiceLists ?? []) {
    const owned = owns('choice_list', l.key) ? ownerOf.get(`choice_list:${l.key}`) : undefined;
    const old = previousLists.get(l.key);
    if (owned && old && sameJson(old, l)) listIds.set(l.key, owned.objectId);
    else {
      listIds.set(l.key, pendingChoiceListId(l.key));
      createChoiceLists.push(l);
    }
  }
  const listId = (key: string) => listIds.get(key) ?? pendingChoiceListId(key);
  const wantedLists = new Set((pkg.choiceLists ?? []).map((l) => l.key));
  const releasedChoiceLists = input.owned
    .filter(
      (o) =>
        o.objectType === 'choice_list' &&
        o.packageKey === pkg.key &&
        (!wantedLists.has(o.objectKey) || listIds.get(o.objectKey) !== o.objectId),
    )
    .map((o) => o.objectKey)
    .sort();

  const slaOf = new Map((pkg.slaPolicies ?? []).map((p) => [p.recordTypeKey, p.config]));
  const assignmentOf = new Map((pkg.assignmentRules ?? []).map((r) => [r.recordTypeKey, r.config]));
  const slaBefore = new Set((previous?.contents.slaPolicies ?? []).map((p) => p.recordTypeKey));
  const assignmentBefore = new Set((previous?.contents.assignmentRules ?? []).map((r) => r.recordTypeKey));

  const created: NewRecordType[] = [];
  const editRecordTypes: { key: string; ops: PlannedOp[] }[] = [];
  const nodes = new Map(input.graph.recordTypes.map((n, i) => [n, i]));
  const recordTypes = [...input.graph.recordTypes];
  for (const t of [...pkg.recordTypes].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const fields = t.fields.map((f) => fieldDefinitionOf(f, listId));
    const current = projectTypes.get(t.key);
    if (!current) {
      created.push({
        key: t.key,
        name: t.name,
        baseType: t.baseType ?? null,
        fields,
        assignmentConfig: assignmentOf.get(t.key) ?? null,
        slaConfig: slaOf.get(t.key) ?? null,
      });
      continue;
    }
    const ops = editOps(current, before.get(t.key), fields, {
      assignment: { before: assignmentBefore.has(t.key), after: assignmentOf.get(t.key) ?? null },
      sla: { before: slaBefore.has(t.key), after: slaOf.get(t.key) ?? null },
    });
    if (ops.length === 0) continue;
    editRecordTypes.push({ key: t.key, ops });
    recordTypes[nodes.get(current)!] = { ...current, ...applyPlannedOps(current, ops) };
  }
  const createRecordTypes = topologicalOrder(created);
  for (const t of createRecordTypes) {
    recordTypes.push({
      id: pendingRecordTypeId(t.key),
      projectId,
      key: t.key,
      name: t.name,
      baseType: t.baseType,
      status: 'active',
      version: 1,
      fields: t.fields,
      assignmentConfig: t.assignmentConfig,
      slaConfig: t.slaConfig,
    });
  }
  const projection: GraphSnapshot = {
    recordTypes,
    choiceListIds: [
      ...input.graph.choiceListIds,
      ...createChoiceLists.map((l) => pendingChoiceListId(l.key)),
    ],
  };

  // Phase 6: every graph validator on the projection; errors the project had already are not the package's.
  const known = new Set(
    validateGraph(input.graph)
      .filter((e) => e.projectId === projectId)
      .map((e) => JSON.stringify(e)),
  );
  // Shaped as the change engine's execution errors, so a 422 reads the same from either.
  const errors: {
    phase: 'graph' | 'transform';
    code: string;
    recordTypeKey: string;
    field?: string;
    message: string;
  }[] = validateGraph(projection)
    .filter((e) => e.projectId === projectId && !known.has(JSON.stringify(e)))
    .map(({ projectId: _, ...e }) => ({ phase: 'graph' as const, ...e }));
  const projected = new Map(
    recordTypes.filter((t) => t.projectId === projectId).map((t) => [t.key, t] as const),
  );
  for (const key of pkg.bindings?.recordTypes ?? []) {
    if (!projected.has(key))
      errors.push({
        phase: 'graph',
        code: 'BINDING_TARGET_MISSING',
        recordTypeKey: key,
        message: `the package binds record type ${quote(key)}, which the project does not have`,
      });
  }
  const checked = [...createRecordTypes.map((t) => t.key), ...editRecordTypes.map((e) => e.key)];
  for (const key of checked) {
    const node = projected.get(key)!;
    const names = new Set(resolveEffectiveFields(key, projected).map((f) => f.name));
    for (const p of configProblems(
      { assignmentConfig: node.assignmentConfig ?? null, slaConfig: node.slaConfig ?? null },
      names,
    )) {
      errors.push({
        phase: 'transform',
        code: p.code,
        recordTypeKey: key,
        ...(p.fieldName ? { field: p.fieldName } : {}),
        message: `${key}: ${p.message}`,
      });
    }
  }
  if (errors.length > 0) {
    return refused(
      diff,
      GraphPackagesErrorCodes.PACKAGE_GRAPH_INVALID,
      `the project's graph with ${pkg.key} ${pkg.version} applied is invalid: ${errors
        .slice(0, 3)
        .map((e) => e.message)
        .join('; ')}${errors.length > 3 ? ` and ${errors.length - 3} more` : ''}`,
      { errors },
    );
  }

  const wantedTypes = new Set(pkg.recordTypes.map((t) => t.key));
  const releasedRecordTypes = input.owned
    .filter(
      (o) => o.objectType === 'record_type' && o.packageKey === pkg.key && !wantedTypes.has(o.objectKey),
    )
    .map((o) => o.objectKey)
    .sort();
  const previousWorkflows = new Map((previous?.contents.workflows ?? []).map((w) => [w.key, w]));
  const createWorkflows = (pkg.workflows ?? []).filter((w) => {
    const old = previousWorkflows.get(w.key);
    return !(old && owns('workflow', w.key) && sameJson(old, w));
  });
  const replaced = new Set(createWorkflows.map((w) => w.key));
  const wantedWorkflows = new Set((pkg.workflows ?? []).map((w) => w.key));
  const retireWorkflows = input.owned
    .filter(
      (o) =>
        o.objectType === 'workflow' &&
        o.packageKey === pkg.key &&
        (!wantedWorkflows.has(o.objectKey) || replaced.has(o.objectKey)),
    )
    .map((o) => o.objectKey)
    .sort();

  return {
    kind: 'plan',
    diff,
    plan: {
      createRecordTypes,
      editRecordTypes,
      releasedRecordTypes,
      createChoiceLists,
      releasedChoiceLists,
      createWorkflows,
      retireWorkflows,
      projection,
    },
  };
};
