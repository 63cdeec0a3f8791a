import {
  diffSnapshots,
  type GraphDiff,
  type GraphSnapshot,
  type RecordTypeNode,
  validateGraph,
} from '@ec3l/graph';
import { configProblems, type RecordTypeConfigs, resolveEffectiveFields } from '@ec3l/records';
import { applyTypeOps, type OpPayload, type RecordTypeState } from './ops.js';
import { type FieldTrace, traceFields } from './renames.js';

export type PlannedOp = OpPayload & { id: string; recordTypeKey: string };

export type ExecutionError = {
  phase: 'load' | 'graph' | 'transform';
  code: string;
  message: string;
  recordTypeKey?: string;
  field?: string;
  opId?: string;
};

type Inheritance = ReadonlyMap<string, string | null>;

/**
 * The record types an execution must look at: the touched ones and everything inheriting from them
 * (`affected`: their effective schemas change), plus the base chains of those (`load`: needed to
 * resolve inherited fields). Terminates on cyclic inheritance.
 */
const executionScope = (touched: Iterable<string>, inheritance: Inheritance) => {
  const children = new Map<string, string[]>();
  for (const [key, base] of inheritance) {
    if (base) children.set(base, [...(children.get(base) ?? []), key]);
  }
  const affected = new Set<string>();
  const queue = [...touched];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (affected.has(key)) continue;
    affected.add(key);
    queue.push(...(children.get(key) ?? []));
  }
  const load = new Set(affected);
  for (const key of affected) {
    let base = inheritance.get(key) ?? null;
    while (base && !load.has(base)) {
      load.add(base);
      base = inheritance.get(base) ?? null;
    }
  }
  return { affected, load };
};

const depthOf = (key: string, inheritance: Inheritance): number => {
  let depth = 0;
  const seen = new Set([key]);
  let base = inheritance.get(key) ?? null;
  while (base && !seen.has(base)) {
    seen.add(base);
    depth++;
    base = inheritance.get(base) ?? null;
  }
  return depth;
};

type PlannedUpdate = { key: string; id: string; before: RecordTypeState; after: RecordTypeState };

const configsOf = (node: {
  assignmentConfig?: RecordTypeConfigs['assignmentConfig'];
  slaConfig?: RecordTypeConfigs['slaConfig'];
}): RecordTypeConfigs => ({
  assignmentConfig: node.assignmentConfig ?? null,
  slaConfig: node.slaConfig ?? null,
});

/**
 * Configuration problems the ops bring about on the affected record types: a configuration naming a
 * field the projected effective schema lacks (a set_sla on a missing field, or a remove_field or rename
 * of a field a configuration uses). Problems the type already had before the change are not its doing.
 */
const configErrors = (
  affected: ReadonlySet<string>,
  before: ReadonlyMap<string, RecordTypeShape>,
  after: ReadonlyMap<string, RecordTypeShape>,
  configs: { before: (key: string) => RecordTypeConfigs; after: (key: string) => RecordTypeConfigs },
  opOf: (key: string, path: string) => string | undefined,
): ExecutionError[] => {
  const names = (shapes: ReadonlyMap<string, RecordTypeShape>, key: string) =>
    new Set(resolveEffectiveFields(key, shapes).map((f) => f.name));
  const errors: ExecutionError[] = [];
  for (const key of [...affected].sort()) {
    if (!after.has(key)) continue;
    const old = new Set(
      configProblems(configs.before(key), names(before, key)).map((p) => `${p.path}\n${p.message}`),
    );
    for (const p of configProblems(configs.after(key), names(after, key))) {
      if (old.has(`${p.path}\n${p.message}`)) continue;
      const opId = opOf(key, p.path);
      errors.push({
        phase: 'transform',
        code: p.code,
        message: `${p.message} (${p.path})`,
        recordTypeKey: key,
        field: p.fieldName ?? p.path,
        ...(opId ? { opId } : {}),
      });
    }
  }
  return errors;
};

type RecordTypeShape = { key: string; baseType: string | null; fields: RecordTypeState['fields'] };

export type ExecutionPlan =
  | {
      ok: true;
      /** New own fields and configurations of each touched record type, base types first. */
      updates: PlannedUpdate[];
      diff: GraphDiff;
    }
  | { ok: false; errors: ExecutionError[] };

export type PlanInput = {
  projectId: string;
  /** Pending ops in the order they were added. */
  ops: readonly PlannedOp[];
  /** Full record types of the scope's `load` set. */
  types: ReadonlyMap<string, RecordTypeNode>;
  /** Key → base type key of every record type of the project. */
  inheritance: Inheritance;
  choiceListIds: readonly string[];
};

const stub = (projectId: string, key: string, baseType: string | null): RecordTypeNode => ({
  id: key,
  projectId,
  key,
  name: key,
  baseType,
  status: 'active',
  version: 0,
  fields: [],
});

/**
 * Phases 1.5 and 2 of the executor, pure: transforms every touched record type in memory (base types
 * first, so derived types see their projected inherited fields), validates the projected graph around
 * them and diffs it against the current one. Deterministic (E5); writes nothing (E4).
 */
export const planExecution = ({
  projectId,
  ops,
  types,
  inheritance,
  choiceListIds,
}: PlanInput): ExecutionPlan => {
  const errors: ExecutionError[] = [];
  const byKey = new Map<string, PlannedOp[]>();
  for (const op of ops) {
    if (!types.has(op.recordTypeKey)) {
      errors.push({
        phase: 'load',
        code: 'RECORD_TYPE_NOT_IN_PROJECT',
        message: `record type "${op.recordTypeKey}" does not exist in the change's project`,
        recordTypeKey: op.recordTypeKey,
        opId: op.id,
      });
      continue;
    }
    byKey.set(op.recordTypeKey, [...(byKey.get(op.recordTypeKey) ?? []), op]);
  }
  if (errors.length > 0) return { ok: false, errors };

  const shapes = new Map<string, RecordTypeShape>(
    [...types.values()].map((t) => [t.key, { key: t.key, baseType: t.baseType, fields: t.fields }]),
  );
  const original = new Map(shapes);
  const order = [...byKey.keys()].sort(
    (a, b) => depthOf(a, inheritance) - depthOf(b, inheritance) || (a < b ? -1 : 1),
  );
  const updates: PlannedUpdate[] = [];
  const traces = new Map<string, FieldTrace>();
  for (const key of order) {
    const node = types.get(key)!;
    const inherited = new Map(
      resolveEffectiveFields(key, shapes)
        .filter((f) => f.inherited)
        .map((f) => [f.name, f.inheritedFrom!]),
    );
    const keyOps = byKey.get(key)!;
    const before: RecordTypeState = { fields: node.fields, ...configsOf(node) };
    const result = applyTypeOps(before, keyOps, inherited);
    if ('error' in result) {
      errors.push({
        phase: 'transform',
        ...result.error,
        recordTypeKey: key,
        opId: keyOps[result.opIndex]!.id,
      });
      continue;
    }
    shapes.set(key, { key, baseType: node.baseType, fields: result.state.fields });
    traces.set(
      key,
      traceFields(
        node.fields.map((f) => f.name),
        keyOps,
      ),
    );
    updates.push({ key, id: node.id, before, after: result.state });
  }
  if (errors.length > 0) return { ok: false, errors };

  const { affected } = executionScope(byKey.keys(), inheritance);
  const updated = new Map(updates.map((u) => [u.key, u]));
  const unchanged = (key: string) => configsOf(types.get(key) ?? {});
  const configOpOf = (key: string, path: string) =>
    byKey
      .get(key)
      ?.filter((o) => o.opType === (path.startsWith('sla') ? 'set_sla' : 'set_assignment'))
      .at(-1)?.id;
  const configFailures = configErrors(
    affected,
    original,
    shapes,
    {
      before: unchanged,
      after: (key) => {
        const u = updated.get(key);
        return u
          ? { assignmentConfig: u.after.assignmentConfig, slaConfig: u.after.slaConfig }
          : unchanged(key);
      },
    },
    configOpOf,
  );
  if (configFailures.length > 0) return { ok: false, errors: configFailures };

  const projected = new Map(types);
  for (const u of updates) projected.set(u.key, { ...types.get(u.key)!, ...u.after });
  const recordTypes = [...projected.values()];
  for (const [key, base] of inheritance)
    if (!projected.has(key)) recordTypes.push(stub(projectId, key, base));
  const graphErrors = validateGraph({ recordTypes, choiceListIds: [...choiceListIds] }).filter((e) =>
    affected.has(e.recordTypeKey),
  );
  if (graphErrors.length > 0) {
    return {
      ok: false,
      errors: graphErrors.map((e) => ({
        phase: 'graph',
        code: e.code,
        message: e.message,
        recordTypeKey: e.recordTypeKey,
        ...(e.field ? { field: e.field } : {}),
      })),
    };
  }

  const touchedNodes = (stateOf: (u: PlannedUpdate) => RecordTypeState): GraphSnapshot => ({
    recordTypes: updates.map((u) => ({ ...types.get(u.key)!, ...stateOf(u) })),
    choiceListIds: [...choiceListIds],
  });
  return {
    ok: true,
    updates,
    diff: diffSnapshots(
      touchedNodes((u) => u.before),
      touchedNodes((u) => u.after),
      { renamesOf: (_projectId, key) => traces.get(key)?.renames },
    ),
  };
};
