// Orderings and equality that do not depend on the locale, the input order or object key order, so that
// every output of this package is a function of the snapshot's content alone.

/** Orders strings by UTF-16 code units (never by locale). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A canonical text for any value, compared as JSON: object keys sorted, properties whose value is
 * undefined left out, undefined and non-finite numbers read as null. It never throws: a bigint is written
 * with an `n`, a cycle as "[Circular]", a function or symbol by its kind.
 */
export const canonicalJson = (value: unknown): string => {
  const onPath = new Set<object>();
  const write = (v: unknown): string => {
    switch (typeof v) {
      case 'undefined':
        return 'null';
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return `${v}n`;
      case 'function':
      case 'symbol':
        return `"[${typeof v}]"`;
    }
    if (v === null) return 'null';
    const obj = v as object;
    if (onPath.has(obj)) return '"[Circular]"';
    onPath.add(obj);
    let out: string;
    if (Array.isArray(obj)) {
      out = `[${obj.map(write).join(',')}]`;
    } else {
      const record = obj as Record<string, unknown>;
      const parts: string[] = [];
      for (const k of Object.keys(record).sort(compareStrings)) {
        if (record[k] !== undefined) parts.push(`${JSON.stringify(k)}:${write(record[k])}`);
      }
      out = `{${parts.join(',')}}`;
    }
    onPath.delete(obj);
    return out;
  };
  return write(value);
};

/** Equality of two values read as JSON (see canonicalJson). */
export const jsonEqual = (a: unknown, b: unknown): boolean =>
  a === b || canonicalJson(a) === canonicalJson(b);
