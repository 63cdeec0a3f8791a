/** What a template module declares: its default configuration and the parts of its package it governs. */
export type ModuleMetadata = {
  description: string;
  config: Record<string, unknown>;
  recordTypes: string[];
  workflows: string[];
  rules: string[];
};

export type OverrideType = 'workflow' | 'form' | 'rule' | 'config';
export type OverrideStatus = 'draft' | 'active' | 'retired';

export type TargetProblem = {
  code: 'OVERRIDE_TARGET_INVALID' | 'OVERRIDE_PATCH_INVALID';
  message: string;
  allowed?: string[];
};

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** The JSON type of a value (arrays and null apart from objects). */
export const jsonTypeOf = (value: unknown): JsonType => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
};

const targetsOf = (meta: ModuleMetadata, type: OverrideType): string[] => {
  switch (type) {
    case 'config':
      return Object.keys(meta.config);
    case 'workflow':
      return meta.workflows;
    case 'rule':
      return meta.rules;
    case 'form':
      return meta.recordTypes;
  }
};

/**
 * Checks an override against the module it overrides: the target must be one the module has (a key of
 * its default configuration, a workflow or rule of its package, a record type whose form it governs),
 * and a config override's value must keep the default's JSON type. Null when it fits.
 */
export const checkOverrideTarget = (
  meta: ModuleMetadata,
  type: OverrideType,
  targetRef: string,
  patch: Record<string, unknown>,
): TargetProblem | null => {
  const allowed = targetsOf(meta, type);
  if (!allowed.includes(targetRef))
    return {
      code: 'OVERRIDE_TARGET_INVALID',
      message:
        allowed.length === 0
          ? `the module has no ${type} targets to override`
          : `the module has no ${type} target "${targetRef}"; it has ${allowed.join(', ')}`,
      allowed,
    };
  if (type === 'config') {
    if (!Object.hasOwn(patch, 'value'))
      return { code: 'OVERRIDE_PATCH_INVALID', message: 'a config override patch is { value }' };
    const expected = jsonTypeOf(meta.config[targetRef]);
    const actual = jsonTypeOf(patch.value);
    if (expected !== actual)
      return {
        code: 'OVERRIDE_PATCH_INVALID',
        message: `config "${targetRef}" holds a ${expected}; the override sets a ${actual}`,
      };
  }
  return null;
};

export type ResolvedValue = {
  key: string;
  value: unknown;
  source: 'template' | 'override';
  templateValue: unknown;
  overrideId: string | null;
  overrideVersion: number | null;
};

export type ActiveConfigOverride = { id: string; targetRef: string; version: number; value: unknown };

/**
 * The effective configuration of a module: each key of the template's default, with the value of the
 * active config override of that key where there is one, and where each value came from. Keys the
 * default does not have are ignored (an override is checked against the default when created).
 */
export const resolveConfig = (
  defaults: Record<string, unknown>,
  active: readonly ActiveConfigOverride[],
): ResolvedValue[] => {
  const byKey = new Map(active.map((o) => [o.targetRef, o]));
  return Object.keys(defaults)
    .sort()
    .map((key) => {
      const o = byKey.get(key);
      return o
        ? {
            key,
            value: o.value,
            source: 'override' as const,
            templateValue: defaults[key],
            overrideId: o.id,
            overrideVersion: o.version,
          }
        : {
            key,
            value: defaults[key],
            source: 'template' as const,
            templateValue: defaults[key],
            overrideId: null,
            overrideVersion: null,
          };
    });
};

/** The moves of the override lifecycle: draft → active → retired, draft → retired. Null when allowed. */
export const refuseOverrideMove = (from: OverrideStatus, to: 'active' | 'retired'): string | null => {
  if (to === 'active')
    return from === 'draft' ? null : `the override is ${from}; only a draft can be activated`;
  return from === 'retired' ? 'the override is retired already' : null;
};

const parse = (v: string) => v.split(/[+-]/)[0]!.split('.').map(Number);

/** Semantic version order of the core numbers (x.y.z): negative when a < b. */
export const compareVersions = (a: string, b: string): number => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};
