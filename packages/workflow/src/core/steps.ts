/** A step as the reordering sees it: its id, its type and its config. */
export type OrderedStep = { id: string; stepType: string; config: unknown };

type Jumps = { onTrueStepIndex?: number; onFalseStepIndex?: number };
const JUMP_KEYS = ['onTrueStepIndex', 'onFalseStepIndex'] as const;

export type Retargeted =
  | { configs: Map<string, unknown> }
  | { error: { decisionStepId: string; key: (typeof JUMP_KEYS)[number]; targetStepId: string } };

/**
 * The decision configs to write when the steps `before` (in their order) become `after` (ids, in the
 * new order; missing ids are removed steps, unknown ids are new ones): each jump keeps pointing at the
 * step it named, at that step's new index. A jump to a removed step is an error naming both steps; a
 * jump already past the end (a definition not yet activatable) is kept as it is. Only decisions whose
 * config changes are in `configs`. Pure.
 */
export const retargetJumps = (before: readonly OrderedStep[], after: readonly string[]): Retargeted => {
  const newIndex = new Map(after.map((id, index) => [id, index]));
  const configs = new Map<string, unknown>();
  for (const step of before) {
    if (step.stepType !== 'decision' || !newIndex.has(step.id)) continue;
    const config = step.config as Jumps;
    const next: Jumps & Record<string, unknown> = { ...(config as Record<string, unknown>) };
    let changed = false;
    for (const key of JUMP_KEYS) {
      const target = config[key];
      if (target === undefined) continue;
      const targetStep = before[target];
      if (!targetStep) continue;
      const moved = newIndex.get(targetStep.id);
      if (moved === undefined)
        return { error: { decisionStepId: step.id, key, targetStepId: targetStep.id } };
      if (moved !== target) {
        next[key] = moved;
        changed = true;
      }
    }
    if (changed) configs.set(step.id, next);
  }
  return { configs };
};

/** The ids of `steps` with the step `id` moved to `to` (clamped to the list). Pure. */
export const moveStep = (steps: readonly { id: string }[], id: string, to: number): string[] => {
  const ids = steps.map((s) => s.id).filter((s) => s !== id);
  ids.splice(Math.max(0, Math.min(to, ids.length)), 0, id);
  return ids;
};
