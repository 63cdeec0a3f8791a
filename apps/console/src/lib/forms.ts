import type { FieldState, FormRulesView } from '@ec3l/form-rules';

/**
 * Forms as the console lays them out (a compiled form's sections and placements, with what the shared
 * evaluator needs) and what a record write through a form sends. Pure, no DOM.
 */

export type LayoutPlacement = { id: string; field: string; column: number; orderIndex: number };
export type LayoutSection = { id: string; title: string; orderIndex: number; placements: LayoutPlacement[] };

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
