import fc from 'fast-check';

/** A JSON schema as found in the OpenAPI document (3.1: plain JSON Schema 2020-12). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
};

/** Values that have broken servers before: NUL, invisible text, numbers beyond int4, wrong types, deep nesting. */
const nastyLeaf = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u200B',
  '\uFEFF \u200D',
  'x'.repeat(3000),
  '%00',
  "'; drop table projects; --",
  '../../etc/passwd',
  'zzz',
  '2026-13-45T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  // An opaque token forged from its guessable encoding (base64url JSON), e.g. a pagination cursor.
  Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'zzz'])).toString('base64url'),
  Buffer.from(
    JSON.stringify(['+275760-09-13T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']),
  ).toString('base64url'),
  'true',
  '12345',
  2147483648,
  -2147483649,
  1e308,
  -1e308,
  1.5,
  -1,
  0,
  true,
  false,
  null,
  [],
  {},
  ['x'],
  { __proto__: null, constructor: { prototype: { admin: true } } },
);

const deepValue = fc
  .integer({ min: 20, max: 200 })
  .map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 1));

export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyLeaf },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

export type Pools = {
  /**
   * UUIDs of real objects to mix with random ones, for a property or parameter name (projectId →
   * projects); any real id when the name says nothing.
   */
  uuidsFor: (name?: string) => readonly string[];
  /** Real values of a string property by its name (packageKey → the built-in packages' keys), if any. */
  stringsFor?: (name?: string) => readonly string[];
};

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/**
 * Arbitraries derived from the JSON schemas of an OpenAPI document. `valid` draws values the schema
 * accepts (as far as patterns, bounds and formats go); `mixed` also swaps any part for a nasty value,
 * drops required properties and adds unknown ones.
 */
export const createSchemaArbitraries = (components: Record<string, JsonSchema>, pools: Pools) => {
  const resolve = (schema: JsonSchema): JsonSchema => {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops++) {
      const name = current.$ref.split('/').pop() ?? '';
      const target = components[name];
      if (!target) throw new Error(`unknown $ref ${current.$ref}`);
      current = target;
    }
    return current;
  };

  const string = (schema: JsonSchema, name?: string): fc.Arbitrary<string> => {
    if (schema.format === 'uuid') {
      const real = pools.uuidsFor(name);
      return real.length > 0
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, fc.uuid())
        : fc.uuid();
    }
    if (schema.format === 'date-time')
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
    const base = schema.pattern
      ? fc.stringMatching(new RegExp(schema.pattern, 'u'))
      : fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
    const drawn = base.filter(
      (s) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY),
    );
    const known = pools.stringsFor?.(name) ?? [];
    return known.length > 0
      ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: drawn })
      : drawn;
  };

  const build = (input: JsonSchema, mixed: boolean, depth: number, name?: string): fc.Arbitrary<unknown> => {
    const schema = resolve(input);
    const exact = buildExact(schema, mixed, depth, name);
    return mixed ? fc.oneof({ weight: 12, arbitrary: exact }, { weight: 1, arbitrary: nasty }) : exact;
  };

  const buildExact = (
    schema: JsonSchema,
    mixed: boolean,
    depth: number,
    name?: string,
  ): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return fc.oneof(...choices.map((c) => build(c, mixed, depth, name)));
    if (schema.allOf?.length === 1 && schema.allOf[0]) return build(schema.allOf[0], mixed, depth, name);
    const types = typesOf(schema);
    if (types.length > 1)
      return fc.oneof(...types.map((type) => buildExact({ ...schema, type }, mixed, depth, name)));
    switch (types[0]) {
      case 'string':
        return string(schema, name);
      case 'integer':
        return fc.integer({
          min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
          max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum, max: schema.maximum });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = schema.items ? build(schema.items, mixed, depth + 1) : fc.jsonValue({ maxDepth: 2 });
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.min(schema.maxItems ?? 4, Math.max(minLength, 4));
        return schema.uniqueItems
          ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
          : fc.array(items, { minLength, maxLength });
      }
      case 'object':
        return object(schema, mixed, depth);
      default:
        // {} (unknown): any JSON value
        return fc.jsonValue({ maxDepth: depth > 3 ? 1 : 3 });
    }
  };

  const object = (schema: JsonSchema, mixed: boolean, depth: number): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const named = fc.record(
      Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, build(s, mixed, depth + 1, key)]),
      ),
      { requiredKeys: [...required].filter((k) => k in properties) },
    );
    const patterned = Object.values(schema.patternProperties ?? {})[0];
    const open =
      patterned ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : null);
    const withExtra = open
      ? fc
          .tuple(
            named,
            fc.dictionary(fc.string({ maxLength: 12 }), build(open, mixed, depth + 1), { maxKeys: 4 }),
          )
          .map(([a, b]) => ({ ...b, ...a }))
      : named;
    if (!mixed) return withExtra;
    // Invalid shapes: a required property missing, or one nobody declared.
    return fc.tuple(withExtra, fc.nat(), fc.boolean(), nasty).map(([value, pick, drop, extra]) => {
      const copy = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (drop && keys.length > 0) delete copy[keys[pick % keys.length] as string];
      else if (pick % 5 === 0) copy[`unexpected${pick % 3}`] = extra;
      return copy;
    });
  };

  return {
    resolve,
    valid: (schema: JsonSchema, name?: string) => build(schema, false, 0, name),
    mixed: (schema: JsonSchema, name?: string) => build(schema, true, 0, name),
  };
};
