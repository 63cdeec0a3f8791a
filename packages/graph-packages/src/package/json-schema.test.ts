import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACKAGES } from '../built-ins/index.js';
import { validatePackage } from '../core/validate.js';
import { GRAPH_PACKAGE_SCHEMA_ID, graphPackageJsonSchema } from './json-schema.js';

const file = join(import.meta.dirname, '..', '..', 'graph-package.schema.json');
const committed = readFileSync(file, 'utf8');

// A third party's view: the committed file alone, a standard draft 2020-12 validator in strict mode.
const ajv = new Ajv2020({ strict: true, allErrors: true });
// ajv-formats is CommonJS: its function is the module itself at run time, `default` to the types.
const addFormats = formatsPlugin as unknown as (a: Ajv2020) => void;
addFormats(ajv);
const fileValidator = ajv.compile(JSON.parse(committed));

describe('graph-package.schema.json', () => {
  it('is the generated one (run `pnpm --filter @ec3l/graph-packages gen:schema` after changing the format)', () => {
    expect(committed).toBe(`${JSON.stringify(graphPackageJsonSchema(), null, 2)}\n`);
  });

  it('is one self-contained draft 2020-12 document with a stable $id, every ref under $defs', () => {
    const doc = JSON.parse(committed) as { $schema: string; $id: string; $defs: Record<string, unknown> };
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.$id).toBe(GRAPH_PACKAGE_SCHEMA_ID);
    const refs = [...committed.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/\$defs\//);
      expect(doc.$defs[ref.slice('#/$defs/'.length)], ref).toBeDefined();
    }
    expect(Object.keys(doc.$defs)).toEqual(
      expect.arrayContaining([
        'SlaConfig',
        'AssignmentConfig',
        'PackageWorkflowStepApproval',
        'PackageWorkflowTriggerSchedule',
      ]),
    );
  });

  it('a standard validator accepts every built-in and refuses broken packages', () => {
    for (const pkg of Object.values(BUILT_IN_PACKAGES)) {
      expect(fileValidator(pkg), ajv.errorsText(fileValidator.errors)).toBe(true);
    }
    const broken = structuredClone(BUILT_IN_PACKAGES['itsm.lite']!) as unknown as Record<string, unknown>;
    broken.version = 'latest';
    expect(fileValidator(broken)).toBe(false);
    expect(
      fileValidator({
        ...BUILT_IN_PACKAGES['hr.lite']!,
        workflows: [{ key: 'w', name: 'W', steps: [{ stepType: 'wait' }] }],
      }),
    ).toBe(false);
  });

  it('the file and validatePackage agree on what fits the schema', () => {
    const leafPaths = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      Array.isArray(value)
        ? value.flatMap((v, i) => leafPaths(v, [...path, i]))
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))
          : [path];
    const base = Object.values(BUILT_IN_PACKAGES);
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (which, pick, value) => {
        const pkg = structuredClone(base[which]!) as unknown as Record<string | number, unknown>;
        const paths = leafPaths(pkg);
        const path = paths[pick % paths.length]!;
        let node = pkg;
        for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
        node[path[path.length - 1]!] = value;
        const result = validatePackage(pkg);
        const schemaOk = result.ok || !result.problems.some((p) => p.code === 'SCHEMA_INVALID');
        expect(fileValidator(pkg)).toBe(schemaOk);
      }),
      { numRuns: 300 },
    );
  });
});
