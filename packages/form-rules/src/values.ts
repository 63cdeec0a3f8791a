/** Field values a record holds, by field name. Anything may be in there: evaluation never trusts it. */
export type RecordData = Readonly<Record<string, unknown>>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON equality: same type and same content, object keys in any order. Numbers compare by value
 * (1 equals 1.0), never across types (1 differs from "1"); `undefined` equals `null` (a missing
 * field reads as null). Bounded: structures nested deeper than 64 levels compare unequal.
 */
export const jsonEqual = (a: unknown, b: unknown, depth = 0): boolean => {
  if (depth > 64) return false;
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (left === right) return true;
  if (typeof left !== typeof right || left === null || right === null) return false;
  if (typeof left === 'number') return Number.isNaN(left) && Number.isNaN(right);
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, i) => jsonEqual(item, right[i], depth + 1));
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key], depth + 1));
  }
  return false;
};

/**
 * Empty: missing, null, a string with no visible character, an empty array or an object without
 * keys. `false` and `0` are values, not emptiness.
 */
export const isEmptyValue = (value: unknown): boolean => {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
};

/** A field's value in the data; inherited properties (`constructor`, `__proto__`) never count. */
export const fieldValue = (data: unknown, field: string): unknown =>
  isPlainObject(data) && Object.hasOwn(data, field) ? data[field] : undefined;
