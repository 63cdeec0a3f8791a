import type { FieldState, FormRulesView } from '@ec3l/form-rules';
import type { Schemas } from '@ec3l/sdk';
import type { SortGroup } from './reorder';

/**
 * Forms as the console lays them out (a compiled form's sections and placements, with what the shared
 * evaluator needs) and what a record write through a form sends. Pure, no DOM.
 */

export type FormDefinition = Schemas['FormDefinition'];
export type FormSection = Schemas['FormSection'];
export type FormPlacement = Schemas['FormPlacement'];
export type FormRule = Schemas['FormRule'];
export type FormRuleBody = Schemas['CreateFormRuleBody'];
export type RuleProblem = Schemas['RuleProblem'];
export type CompiledForm = Schemas['CompiledForm'];
export type CompiledField = CompiledForm['fields'][number];
export type FormOverride = Schemas['FormOverride'];
export type FormPatchOp = Schemas['FormPatchOp'];

type LayoutPlacement = { id: string; field: string; column: number; orderIndex: number };
type LayoutSection = { id: string; title: string; orderIndex: number; placements: LayoutPlacement[] };

/** A form ready to render: sections in order, and the fields and rules `evaluateForm` takes. */
export type FormLayout = { sections: LayoutSection[]; view: FormRulesView };

/** The placements of a section split into its two columns, each in order (a column other than 2 is 1). */
export const columnsOf = <P extends { column: number; orderIndex: number }>(
  placements: readonly P[],
): [P[], P[]] => {
  const sorted = [...placements].sort((a, b) => a.orderIndex - b.orderIndex);
  return [sorted.filter((p) => p.column !== 2), sorted.filter((p) => p.column === 2)];
};

/**
 * The data a create through a form sends: only what the user can see and change. Fields the rules hide
 * or lock, and fields the form does not place, are left out (a read-only field set on create is refused).
 */
export const createDataThroughForm = (
  data: Readonly<Record<string, unknown>>,
  states: Readonly<Record<string, FieldState>>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    const state = states[name];
    if (state?.visible && !state.readOnly) out[name] = value;
  }
  return out;
};

/** A compiled form as the record form and the Studio's preview lay it out. */
export const layoutOfCompiled = (compiled: CompiledForm): FormLayout => ({
  sections: compiled.sections.map((s) => ({
    id: s.id,
    title: s.title,
    orderIndex: s.orderIndex,
    placements: s.placements.map((p) => ({
      id: p.placementId,
      field: p.field,
      column: p.column,
      orderIndex: p.orderIndex,
    })),
  })),
  view: compiled.view,
});

/** A placement as the Studio's layout editor moves it. */
export type PlacedField = { id: string; field: string; label: string; column: number; orderIndex: number };

/**
 * The placement writes that turn `before` into `after` (after a move): each placement whose section or
 * stored position differs from its new place gets its new section and position, positions counted
 * 0, 1, 2 … in every section. Placements already stored where they now are are not written.
 */
export const placementUpdates = (
  before: readonly SortGroup<PlacedField>[],
  after: readonly SortGroup<PlacedField>[],
): { formPlacementId: string; formSectionId?: string; orderIndex: number }[] => {
  const was = new Map<string, { section: string; index: number }>();
  for (const g of before)
    for (const item of g.items) was.set(item.id, { section: g.id, index: item.orderIndex });
  const updates: { formPlacementId: string; formSectionId?: string; orderIndex: number }[] = [];
  for (const g of after)
    g.items.forEach((item, index) => {
      const old = was.get(item.id);
      if (old && old.section === g.id && old.index === index) return;
      updates.push({
        formPlacementId: item.id,
        ...(old?.section === g.id ? {} : { formSectionId: g.id }),
        orderIndex: index,
      });
    });
  return updates;
};

/** The section writes that move the section at `from` to `to`: every section gets its new position. */
export const sectionMoveUpdates = (
  sections: readonly { id: string }[],
  from: number,
  to: number,
): { formSectionId: string; orderIndex: number }[] => {
  if (from === to || !sections[from] || to < 0 || to >= sections.length) return [];
  const order = sections.filter((_, i) => i !== from);
  order.splice(to, 0, sections[from]!);
  return order.map((s, orderIndex) => ({ formSectionId: s.id, orderIndex }));
};

export type Flag = 'visible' | 'required' | 'readOnly';
export const FLAGS: readonly {
  flag: Flag;
  label: string;
  op: 'toggleVisible' | 'toggleRequired' | 'toggleReadOnly';
}[] = [
  { flag: 'visible', label: 'Visible', op: 'toggleVisible' },
  { flag: 'required', label: 'Required', op: 'toggleRequired' },
  { flag: 'readOnly', label: 'Read-only', op: 'toggleReadOnly' },
];

/** Flags chosen in the Studio for an override, by field. */
export type FlagChoices = Record<string, Record<Flag, boolean>>;

/** The fields' current flags, where an override's toggles start from. */
export const flagChoicesOf = (fields: readonly CompiledField[]): FlagChoices =>
  Object.fromEntries(
    fields.map((f) => [f.name, { visible: f.visible, required: f.required, readOnly: f.readOnly }]),
  );

/** The toggle ops of an override: one per flag the user changed from the compiled form's, in form order. */
export const toggleOpsOf = (fields: readonly CompiledField[], choices: FlagChoices): FormPatchOp[] =>
  fields.flatMap((f) =>
    FLAGS.flatMap(({ flag, op }) => {
      const chosen = choices[f.name]?.[flag];
      return chosen === undefined || chosen === f[flag] ? [] : [{ op, field: f.name, value: chosen }];
    }),
  );

/** Which layer set a flag, in words: "definition", "override v3", "rule". */
export const describeProvenance = (p: CompiledField['provenance'][Flag]): string =>
  p.layer === 'override' ? `override v${p.overrideVersion}` : p.layer;

/** A patch op in words, for an override's list of changes. */
export const describeOp = (op: FormPatchOp): string => {
  switch (op.op) {
    case 'moveField':
      return `move ${op.field} to position ${op.orderIndex + 1}`;
    case 'changeSection':
      return `move ${op.field} to ${op.section}`;
    case 'toggleVisible':
      return `${op.field} ${op.value ? 'visible' : 'hidden'}`;
    case 'toggleRequired':
      return `${op.field} ${op.value ? 'required' : 'optional'}`;
    case 'toggleReadOnly':
      return `${op.field} ${op.value ? 'read-only' : 'editable'}`;
  }
};
