import type { GraphPackage, PackageField } from '@ec3l/graph-packages';

/** An edit of a draft's package, by key (the API's patch ops). */
export type DraftPatchOp =
  | { op: 'add_field'; recordTypeKey: string; field: Omit<PackageField, 'defaultValue'> }
  | { op: 'rename_field'; recordTypeKey: string; from: string; to: string }
  | { op: 'remove_field'; recordTypeKey: string; fieldName: string }
  | { op: 'set_sla'; recordTypeKey: string; durationMinutes: number }
  | { op: 'set_assignment_group'; recordTypeKey: string; groupKey: string };

export type PatchOutcome =
  | { ok: true; package: GraphPackage }
  | { ok: false; index: number; code: string; message: string };

const fail = (index: number, code: string, message: string): PatchOutcome => ({
  ok: false,
  index,
  code,
  message,
});

const renameIn = <T extends { field?: string }>(
  value: T | undefined,
  from: string,
  to: string,
): T | undefined => (value && value.field === from ? { ...value, field: to } : value);

/**
 * Applies patch ops in order to a copy of the package; the first op that cannot apply refuses them all
 * (unknown record type or field, a name taken, the last field of a type). Pure; the result still needs
 * the full checks (`checkCandidate`).
 */
export const applyPatchOps = (pkg: GraphPackage, ops: readonly DraftPatchOp[]): PatchOutcome => {
  const next = structuredClone(pkg);
  for (const [index, op] of ops.entries()) {
    const type = next.recordTypes.find((t) => t.key === op.recordTypeKey);
    if (!type)
      return fail(index, 'RECORD_TYPE_MISSING', `the package has no record type "${op.recordTypeKey}"`);
    const has = (name: string) => type.fields.some((f) => f.name === name);
    switch (op.op) {
      case 'add_field':
        if (has(op.field.name))
          return fail(index, 'FIELD_EXISTS', `${type.key} has a field "${op.field.name}" already`);
        type.fields.push({ ...op.field });
        break;
      case 'rename_field': {
        if (!has(op.from)) return fail(index, 'FIELD_MISSING', `${type.key} has no field "${op.from}"`);
        if (has(op.to)) return fail(index, 'FIELD_EXISTS', `${type.key} has a field "${op.to}" already`);
        type.fields = type.fields.map((f) => (f.name === op.from ? { ...f, name: op.to } : f));
        next.slaPolicies = next.slaPolicies?.map((p) =>
          p.recordTypeKey === type.key
            ? {
                ...p,
                config: {
                  ...p.config,
                  ...(p.config.pauseWhen ? { pauseWhen: renameIn(p.config.pauseWhen, op.from, op.to)! } : {}),
                  ...(p.config.completeWhen
                    ? { completeWhen: renameIn(p.config.completeWhen, op.from, op.to)! }
                    : {}),
                },
              }
            : p,
        );
        next.assignmentRules = next.assignmentRules?.map((r) =>
          r.recordTypeKey === type.key && r.config.type === 'field_match' && r.config.field === op.from
            ? { ...r, config: { ...r.config, field: op.to } }
            : r,
        );
        break;
      }
      case 'remove_field':
        if (!has(op.fieldName))
          return fail(index, 'FIELD_MISSING', `${type.key} has no field "${op.fieldName}"`);
        if (type.fields.length === 1)
          return fail(
            index,
            'LAST_FIELD',
            `"${op.fieldName}" is the last field of ${type.key}; a record type keeps one`,
          );
        type.fields = type.fields.filter((f) => f.name !== op.fieldName);
        break;
      case 'set_sla': {
        const old = next.slaPolicies?.find((p) => p.recordTypeKey === type.key);
        next.slaPolicies = [
          ...(next.slaPolicies ?? []).filter((p) => p.recordTypeKey !== type.key),
          { recordTypeKey: type.key, config: { ...old?.config, durationMinutes: op.durationMinutes } },
        ];
        break;
      }
      case 'set_assignment_group':
        next.assignmentRules = [
          ...(next.assignmentRules ?? []).filter((r) => r.recordTypeKey !== type.key),
          { recordTypeKey: type.key, config: { type: 'static_group', value: op.groupKey } },
        ];
        break;
    }
  }
  return { ok: true, package: next };
};
