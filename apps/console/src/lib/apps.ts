/** Rules of the template catalog, installed apps and module overrides (pure, no DOM). */

import type { ActionGate } from './permissions';

type Versioned = { key: string; version: string };

const parts = (version: string) => version.split(/[+-]/)[0]!.split('.').map(Number);

/** Semantic version order of x.y.z: negative when a < b. */
export const compareVersions = (a: string, b: string): number => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** The newest version of each template key, in the catalog's order of keys. */
export const latestTemplates = <T extends Versioned>(templates: readonly T[]): T[] => {
  const latest = new Map<string, T>();
  for (const t of templates) {
    const seen = latest.get(t.key);
    if (!seen || compareVersions(t.version, seen.version) > 0) latest.set(t.key, t);
  }
  return [...latest.values()];
};

/** Whether an installed app can be upgraded now, and why not. */
export const upgradeGate = (app: {
  status: string;
  templateVersion: string;
  latestVersion: string;
}): ActionGate => {
  if (app.status === 'upgrading') return { allowed: false, reason: 'An upgrade is running' };
  if (compareVersions(app.latestVersion, app.templateVersion) <= 0)
    return { allowed: false, reason: `Already at the newest version (${app.templateVersion})` };
  return { allowed: true, reason: undefined };
};

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** The JSON type of a value (arrays and null apart from objects). */
const jsonTypeOf = (value: unknown): JsonType => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
};

export type ParsedValue = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * What the user typed for a config value, as a value of the default's JSON type: text as it is, a
 * number, true/false, or JSON for lists and objects. Anything else is an error to show.
 */
export const parseConfigValue = (raw: string, templateValue: unknown): ParsedValue => {
  const type = jsonTypeOf(templateValue);
  const text = raw.trim();
  if (type === 'string')
    return raw.length > 2000 ? { ok: false, error: 'At most 2000 characters' } : { ok: true, value: raw };
  if (type === 'number') {
    const n = Number(text);
    return text !== '' && Number.isFinite(n)
      ? { ok: true, value: n }
      : { ok: false, error: 'Enter a number' };
  }
  if (type === 'boolean') {
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    return { ok: false, error: 'Enter true or false' };
  }
  try {
    const value: unknown = JSON.parse(text);
    return jsonTypeOf(value) === type
      ? { ok: true, value }
      : { ok: false, error: `Enter JSON of type ${type}` };
  } catch {
    return { ok: false, error: `Enter JSON of type ${type}` };
  }
};

/** A config value as the panels show it. */
export const formatValue = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);
