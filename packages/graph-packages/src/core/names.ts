/**
 * Names for new objects whose names must be unique in the tenant (record types, choice lists): each
 * wanted name as it is when free, else qualified by `qualifier` (the project's name), then numbered —
 * "Incident", "Incident (Service Desk)", "Incident (Service Desk) 2". Names chosen here count as taken
 * for the ones after them. Pure.
 */
export const freeNames = (
  wanted: readonly string[],
  taken: ReadonlySet<string>,
  qualifier: string,
): Map<string, string> => {
  const used = new Set(taken);
  const chosen = new Map<string, string>();
  for (const name of wanted) {
    if (chosen.has(name)) continue;
    let candidate = name;
    if (used.has(candidate)) candidate = `${name} (${qualifier})`;
    for (let n = 2; used.has(candidate); n++) candidate = `${name} (${qualifier}) ${n}`;
    used.add(candidate);
    chosen.set(name, candidate);
  }
  return chosen;
};
