/** Client-side list search (pure, no DOM). */

/** Lower case, accents folded, white space collapsed. */
const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * True when every word of `query` occurs in one of `fields` (case and accents ignored); an empty query
 * matches everything. Null and undefined fields are skipped.
 */
export const matchesQuery = (query: string, fields: readonly (string | null | undefined)[]): boolean => {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields
    .filter((f): f is string => typeof f === 'string')
    .map(normalise)
    .join('\n');
  return words.every((word) => haystack.includes(word));
};

/** The items matching `query`, in their order. */
export const filterByQuery = <T>(
  items: readonly T[],
  query: string,
  fieldsOf: (item: T) => readonly (string | null | undefined)[],
): T[] => items.filter((item) => matchesQuery(query, fieldsOf(item)));

/** "3 of 10 projects match" style counts for the list's description. */
export const matchCount = (shown: number, total: number, noun: string): string =>
  shown === total ? `${total} ${noun}${total === 1 ? '' : 's'}` : `${shown} of ${total} ${noun}s match`;
