import type { Condition, FormRule, FormRulesView } from '@ec3l/form-rules';
import {
  applyPatch,
  type Flag,
  type FormPatchOp,
  type LayoutSection,
  layoutOf,
  type PatchProblem,
} from './layout.js';

/** Which layer set a flag: the field's definition, the active override (by version) or an unconditional rule. */
export type Provenance =
  | { layer: 'definition' }
  | { layer: 'override'; overrideVersion: number }
  | { layer: 'rule'; ruleId: string };

export type CompileInput = {
  recordType: {
    id: string;
    name: string;
    fields: readonly { name: string; label: string | null; type: string; required: boolean }[];
  };
  definition: { id: string; name: string; version: number; status: 'draft' | 'active' | 'retired' };
  sections: readonly { id: string; title: string; orderIndex: number }[];
  placements: readonly { id: string; sectionId: string; field: string; column: number; orderIndex: number }[];
  rules: readonly {
    id: string;
    ruleType: FormRule['ruleType'];
    targetField: string;
    condition: Condition | null;
    value: boolean;
    orderIndex: number;
    status: FormRule['status'];
  }[];
  override: { id: string; version: number; ops: readonly FormPatchOp[] } | null;
};

type CompiledField = {
  name: string;
  label: string | null;
  type: string;
  section: string;
  column: number;
  visible: boolean;
  required: boolean;
  readOnly: boolean;
  requiredByDefinition: boolean;
  provenance: Record<Flag, Provenance>;
  /** Active rules with a condition on this field: their effect depends on the record's data. */
  conditionalRuleIds: string[];
};

export type CompiledForm = {
  formDefinitionId: string;
  name: string;
  recordTypeId: string;
  recordTypeName: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  override: { id: string; version: number } | null;
  sections: {
    id: string;
    title: string;
    orderIndex: number;
    placements: { placementId: string; field: string; column: number; orderIndex: number }[];
  }[];
  fields: CompiledField[];
  /** The evaluator's input: every placed field with its flags before rules, and the active rules in order. */
  view: FormRulesView;
  /** Placed fields the record type no longer has (left out of the compiled form). */
  missingFields: string[];
};

const FLAGS: readonly Flag[] = ['visible', 'required', 'readOnly'];

/**
 * Compiles a form: the record type's fields, the definition's sections and placements, the active
 * override's patch ops on top (layout moves and flag toggles), then the unconditional active rules in
 * orderIndex order. Each flag carries the layer that set it last. Required-field invariant: a field
 * required by its definition is required in the result whatever the override and rules say.
 * Placements of fields the type no longer has are dropped and listed in `missingFields`.
 */
export const compileForm = (input: CompileInput): CompiledForm & { patchProblems: PatchProblem[] } => {
  const typeFields = new Map(input.recordType.fields.map((f) => [f.name, f]));
  const base = layoutOf(input.sections, input.placements);
  const missingFields = base.flatMap((s) =>
    s.placements.filter((p) => !typeFields.has(p.field)).map((p) => p.field),
  );
  const known: LayoutSection[] = base.map((s) => ({
    ...s,
    placements: s.placements.filter((p) => typeFields.has(p.field)),
  }));
  const requiredByDefinition = new Set(input.recordType.fields.filter((f) => f.required).map((f) => f.name));

  const flags = new Map<string, Record<Flag, boolean>>();
  const provenance = new Map<string, Record<Flag, Provenance>>();
  for (const s of known)
    for (const p of s.placements) {
      flags.set(p.field, { visible: true, required: requiredByDefinition.has(p.field), readOnly: false });
      provenance.set(p.field, {
        visible: { layer: 'definition' },
        required: { layer: 'definition' },
        readOnly: { layer: 'definition' },
      });
    }
  const overrideVersion = input.override?.version ?? 0;
  const { layout, problems } = applyPatch(
    known,
    input.override?.ops ?? [],
    requiredByDefinition,
    (field, flag, value) => {
      (flags.get(field) as Record<Flag, boolean>)[flag] = value;
      (provenance.get(field) as Record<Flag, Provenance>)[flag] = { layer: 'override', overrideVersion };
    },
  );
  const placed = new Set(flags.keys());
  const rules: FormRule[] = input.rules
    .filter((r) => r.status === 'active')
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.orderIndex - b.r.orderIndex || a.i - b.i)
    .map(({ r }) => ({ ...r }));

  const view: FormRulesView = {
    fields: layout.flatMap((s) =>
      s.placements.map((p) => {
        const f = typeFields.get(p.field) as CompileInput['recordType']['fields'][number];
        const own = flags.get(p.field) as Record<Flag, boolean>;
        return {
          name: p.field,
          ...(f.label ? { label: f.label } : {}),
          ...own,
          requiredByDefinition: requiredByDefinition.has(p.field),
        };
      }),
    ),
    rules,
  };

  const effective = new Map([...flags].map(([k, v]) => [k, { ...v }]));
  for (const rule of rules) {
    if (rule.condition !== null || !placed.has(rule.targetField)) continue;
    (effective.get(rule.targetField) as Record<Flag, boolean>)[rule.ruleType] = rule.value;
    (provenance.get(rule.targetField) as Record<Flag, Provenance>)[rule.ruleType] = {
      layer: 'rule',
      ruleId: rule.id as string,
    };
  }
  for (const name of requiredByDefinition) {
    const state = effective.get(name);
    if (state && !state.required) {
      state.required = true;
      (provenance.get(name) as Record<Flag, Provenance>).required = { layer: 'definition' };
    }
  }

  return {
    formDefinitionId: input.definition.id,
    name: input.definition.name,
    recordTypeId: input.recordType.id,
    recordTypeName: input.recordType.name,
    version: input.definition.version,
    status: input.definition.status,
    override: input.override ? { id: input.override.id, version: input.override.version } : null,
    sections: layout.map((s) => ({
      id: s.id,
      title: s.title,
      orderIndex: s.orderIndex,
      placements: s.placements.map((p, orderIndex) => ({ ...p, orderIndex })),
    })),
    fields: layout.flatMap((s) =>
      s.placements.map((p) => {
        const f = typeFields.get(p.field) as CompileInput['recordType']['fields'][number];
        const state = effective.get(p.field) as Record<Flag, boolean>;
        return {
          name: p.field,
          label: f.label,
          type: f.type,
          section: s.title,
          column: p.column,
          ...state,
          requiredByDefinition: requiredByDefinition.has(p.field),
          provenance: Object.fromEntries(
            FLAGS.map((flag) => [flag, (provenance.get(p.field) as Record<Flag, Provenance>)[flag]]),
          ) as Record<Flag, Provenance>,
          conditionalRuleIds: rules
            .filter((r) => r.targetField === p.field && r.condition !== null)
            .map((r) => r.id as string),
        };
      }),
    ),
    view,
    missingFields,
    patchProblems: problems,
  };
};
