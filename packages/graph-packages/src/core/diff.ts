import { Type } from '@sinclair/typebox';
import canonicalize from 'canonicalize';
import type { GraphPackage, PackageField, PackageRecordType } from '../package/schema.js';

const OBJECT_TYPES = [
  'record_type',
  'field',
  'choice_list',
  'sla_policy',
  'assignment_rule',
  'workflow',
] as const;
type DiffObjectType = (typeof OBJECT_TYPES)[number];

const DISPOSITIONS = [
  'insert',
  'update',
  'delete',
  'delete_with_data',
  'same',
  'missing_dependency',
] as const;
type Disposition = (typeof DISPOSITIONS)[number];

/** @public One object's line of a package diff (promotion and the console read it). */
export type PackageObjectDiff = {
  objectType: DiffObjectType;
  /** The object's key: `incident`, `incident.priority` for a field, a workflow's or list's key. */
  key: string;
  disposition: Disposition;
  before?: unknown;
  after?: unknown;
  detail?: string;
};

export type PackageDiff = {
  packageKey: string;
  fromVersion: string | null;
  toVersion: string | null;
  objects: PackageObjectDiff[];
  summary: {
    insert: number;
    update: number;
    delete: number;
    deleteWithData: number;
    same: number;
    missingDependency: number;
  };
};

export const PackageObjectDiffSchema = Type.Object(
  {
    objectType: Type.Union(OBJECT_TYPES.map((t) => Type.Literal(t))),
    key: Type.String({ maxLength: 300 }),
    disposition: Type.Union(DISPOSITIONS.map((d) => Type.Literal(d))),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
    detail: Type.Optional(Type.String()),
  },
  { $id: 'PackageObjectDiff', additionalProperties: false },
);

export const PackageDiffSchema = Type.Object(
  {
    packageKey: Type.String(),
    fromVersion: Type.Union([Type.String(), Type.Null()]),
    toVersion: Type.Union([Type.String(), Type.Null()]),
    objects: Type.Array(Type.Ref('PackageObjectDiff')),
    summary: Type.Object(
      {
        insert: Type.Integer(),
        update: Type.Integer(),
        delete: Type.Integer(),
        deleteWithData: Type.Integer(),
        same: Type.Integer(),
        missingDependency: Type.Integer(),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'PackageDiff', additionalProperties: false },
);

/** JSON equality over the canonical form: key order never matters, array order does. */
export const sameJson = (a: unknown, b: unknown): boolean =>
  canonicalize(a ?? null) === canonicalize(b ?? null);

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const typeOrder = new Map(OBJECT_TYPES.map((t, i) => [t, i]));

/** The order of every object list: object type (as listed in OBJECT_TYPES), key, disposition. */
const compareObjectDiffs = (a: PackageObjectDiff, b: PackageObjectDiff): number =>
  typeOrder.get(a.objectType)! - typeOrder.get(b.objectType)! ||
  compareStrings(a.key, b.key) ||
  compareStrings(a.disposition, b.disposition);

/** A record type's own properties, without its fields (each field is an object of its own). */
const typeHead = (t: PackageRecordType) => ({
  key: t.key,
  name: t.name,
  ...(t.baseType === undefined ? {} : { baseType: t.baseType }),
});

type Keyed = { key: string; value: unknown };

/** The comparable objects of a package, by object type, each keyed. */
const packageObjects = (pkg: GraphPackage | null): Map<DiffObjectType, Map<string, unknown>> => {
  const out = new Map<DiffObjectType, Map<string, unknown>>(OBJECT_TYPES.map((t) => [t, new Map()]));
  if (!pkg) return out;
  const put = (type: DiffObjectType, items: Keyed[]) => {
    const m = out.get(type)!;
    for (const i of items) m.set(i.key, i.value);
  };
  put(
    'record_type',
    pkg.recordTypes.map((t) => ({ key: t.key, value: typeHead(t) })),
  );
  put(
    'field',
    pkg.recordTypes.flatMap((t) =>
      t.fields.map((f: PackageField) => ({ key: `${t.key}.${f.name}`, value: f })),
    ),
  );
  put(
    'choice_list',
    (pkg.choiceLists ?? []).map((l) => ({ key: l.key, value: l })),
  );
  put(
    'sla_policy',
    (pkg.slaPolicies ?? []).map((p) => ({ key: p.recordTypeKey, value: p.config })),
  );
  put(
    'assignment_rule',
    (pkg.assignmentRules ?? []).map((r) => ({ key: r.recordTypeKey, value: r.config })),
  );
  put(
    'workflow',
    (pkg.workflows ?? []).map((w) => ({ key: w.key, value: w })),
  );
  return out;
};

/**
 * Names the package uses without defining: base types and reference targets that are neither a record
 * type of the package nor bound, and choice lists the package lacks.
 */
const missingDependencies = (pkg: GraphPackage): PackageObjectDiff[] => {
  const types = new Set(pkg.recordTypes.map((t) => t.key));
  const bound = new Set(pkg.bindings?.recordTypes ?? []);
  const lists = new Set((pkg.choiceLists ?? []).map((l) => l.key));
  const known = (key: string) => types.has(key) || bound.has(key);
  const out: PackageObjectDiff[] = [];
  for (const t of pkg.recordTypes) {
    if (t.baseType !== undefined && !known(t.baseType)) {
      out.push({
        objectType: 'record_type',
        key: t.key,
        disposition: 'missing_dependency',
        detail: `base type "${t.baseType}" is neither a record type of the package nor bound`,
      });
    }
    for (const f of t.fields) {
      if (f.referenceRecordTypeKey !== undefined && !known(f.referenceRecordTypeKey)) {
        out.push({
          objectType: 'field',
          key: `${t.key}.${f.name}`,
          disposition: 'missing_dependency',
          detail: `references record type "${f.referenceRecordTypeKey}", which is neither a record type of the package nor bound`,
        });
      }
      if (f.choiceListKey !== undefined && !lists.has(f.choiceListKey)) {
        out.push({
          objectType: 'field',
          key: `${t.key}.${f.name}`,
          disposition: 'missing_dependency',
          detail: `uses choice list "${f.choiceListKey}", which the package does not define`,
        });
      }
    }
  }
  return out;
};

/** Counts of each disposition over a list of object diffs. */
export const summarize = (objects: readonly PackageObjectDiff[]): PackageDiff['summary'] => {
  const summary = { insert: 0, update: 0, delete: 0, deleteWithData: 0, same: 0, missingDependency: 0 };
  for (const o of objects) {
    if (o.disposition === 'delete_with_data') summary.deleteWithData++;
    else if (o.disposition === 'missing_dependency') summary.missingDependency++;
    else summary[o.disposition]++;
  }
  return summary;
};

/**
 * What installing `after` over `before` changes, object by object: every record type, field, choice
 * list, SLA policy, assignment rule and workflow of either package with its disposition, sorted by
 * object type then key, so the result depends only on content. A dependency `after` names without
 * defining or binding is listed as missing_dependency (beside its object's own disposition). Pure; no
 * data counts, so `delete_with_data` never appears here (the install planner knows counts).
 */
export const diffPackages = (before: GraphPackage | null, after: GraphPackage | null): PackageDiff => {
  const b = packageObjects(before);
  const a = packageObjects(after);
  const objects: PackageObjectDiff[] = [];
  for (const type of OBJECT_TYPES) {
    const bm = b.get(type)!;
    const am = a.get(type)!;
    for (const [key, value] of bm) {
      if (!am.has(key)) objects.push({ objectType: type, key, disposition: 'delete', before: value });
    }
    for (const [key, value] of am) {
      if (!bm.has(key)) {
        objects.push({ objectType: type, key, disposition: 'insert', after: value });
        continue;
      }
      const old = bm.get(key);
      objects.push(
        sameJson(old, value)
          ? { objectType: type, key, disposition: 'same' }
          : { objectType: type, key, disposition: 'update', before: old, after: value },
      );
    }
  }
  if (after) objects.push(...missingDependencies(after));
  objects.sort(compareObjectDiffs);
  return {
    packageKey: after?.key ?? before?.key ?? '',
    fromVersion: before?.version ?? null,
    toVersion: after?.version ?? null,
    objects,
    summary: summarize(objects),
  };
};
