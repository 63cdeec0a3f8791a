/** The form patch ops: layout moves and flag toggles, applied on top of a form definition. */
export type FormPatchOp =
  | { op: 'moveField'; field: string; orderIndex: number }
  | { op: 'changeSection'; field: string; section: string; orderIndex?: number }
  | { op: 'toggleRequired' | 'toggleReadOnly' | 'toggleVisible'; field: string; value: boolean };

export type Flag = 'visible' | 'required' | 'readOnly';

const FLAG_OF_TOGGLE = {
  toggleVisible: 'visible',
  toggleRequired: 'required',
  toggleReadOnly: 'readOnly',
} as const satisfies Record<string, Flag>;

/** A section of a form with its fields in display order. */
export type LayoutSection = {
  id: string;
  title: string;
  orderIndex: number;
  placements: LayoutPlacement[];
};

type LayoutPlacement = { placementId: string; field: string; column: number };

/** What is wrong with one op of a patch, by its position in the list. */
export type PatchProblem = {
  index: number;
  field: string;
  code: 'FIELD_NOT_ON_FORM' | 'SECTION_UNKNOWN' | 'REQUIRED_FIELD';
  message: string;
};

/** Sections in display order, each with its placements in display order (orderIndex, then id). */
export const layoutOf = (
  sections: readonly { id: string; title: string; orderIndex: number }[],
  placements: readonly { id: string; sectionId: string; field: string; column: number; orderIndex: number }[],
): LayoutSection[] =>
  [...sections]
    .sort((a, b) => a.orderIndex - b.orderIndex || (a.id < b.id ? -1 : 1))
    .map((s) => ({
      id: s.id,
      title: s.title,
      orderIndex: s.orderIndex,
      placements: placements
        .filter((p) => p.sectionId === s.id)
        .sort((a, b) => a.orderIndex - b.orderIndex || (a.id < b.id ? -1 : 1))
        .map((p) => ({ placementId: p.id, field: p.field, column: p.column })),
    }));

const insertAt = <T>(list: T[], item: T, position: number | undefined) => {
  const at = position === undefined ? list.length : Math.max(0, Math.min(position, list.length));
  list.splice(at, 0, item);
};

/**
 * Applies patch ops to a layout and flag set, in order, without touching the inputs. Ops that do not
 * apply (see `patchProblems`) are skipped, and a definition-required field is never made optional:
 * the result always holds the required-field invariant.
 */
export const applyPatch = (
  layout: readonly LayoutSection[],
  ops: readonly FormPatchOp[],
  requiredByDefinition: ReadonlySet<string>,
  onToggle: (field: string, flag: Flag, value: boolean) => void,
): { layout: LayoutSection[]; problems: PatchProblem[] } => {
  const sections = layout.map((s) => ({ ...s, placements: [...s.placements] }));
  const problems: PatchProblem[] = [];
  ops.forEach((op, index) => {
    const from = sections.find((s) => s.placements.some((p) => p.field === op.field));
    if (!from) {
      problems.push({
        index,
        field: op.field,
        code: 'FIELD_NOT_ON_FORM',
        message: `${op.field} is not on the form`,
      });
      return;
    }
    if (op.op === 'moveField' || op.op === 'changeSection') {
      const to = op.op === 'moveField' ? from : sections.find((s) => s.title === op.section);
      if (!to) {
        problems.push({
          index,
          field: op.field,
          code: 'SECTION_UNKNOWN',
          message: `the form has no section titled "${(op as { section: string }).section}"`,
        });
        return;
      }
      const at = from.placements.findIndex((p) => p.field === op.field);
      const [placement] = from.placements.splice(at, 1);
      insertAt(to.placements, placement as LayoutPlacement, op.orderIndex);
      return;
    }
    const flag = FLAG_OF_TOGGLE[op.op];
    if (flag === 'required' && !op.value && requiredByDefinition.has(op.field)) {
      problems.push({
        index,
        field: op.field,
        code: 'REQUIRED_FIELD',
        message: `${op.field} is required by its definition and cannot be made optional`,
      });
      return;
    }
    onToggle(op.field, flag, op.value);
  });
  return { layout: sections, problems };
};
