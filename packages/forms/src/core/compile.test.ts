import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompileInput, compileForm } from './compile.js';
import type { FormPatchOp } from './layout.js';

const FIELDS = ['title', 'status', 'notes', 'owner'];

const input = (overrides: Partial<CompileInput> = {}): CompileInput => ({
  recordType: {
    id: 'rt',
    name: 'Ticket',
    fields: FIELDS.map((name) => ({ name, label: null, type: 'string', required: name === 'title' })),
  },
  definition: { id: 'def', name: 'default', version: 3, status: 'active' },
  sections: [
    { id: 's2', title: 'Details', orderIndex: 1 },
    { id: 's1', title: 'Main', orderIndex: 0 },
  ],
  placements: [
    { id: 'p1', sectionId: 's1', field: 'title', column: 1, orderIndex: 0 },
    { id: 'p2', sectionId: 's1', field: 'status', column: 1, orderIndex: 1 },
    { id: 'p3', sectionId: 's2', field: 'notes', column: 2, orderIndex: 0 },
  ],
  rules: [],
  override: null,
  ...overrides,
});

const opArb: fc.Arbitrary<FormPatchOp> = fc.oneof(
  fc.record({
    op: fc.constant('moveField' as const),
    field: fc.constantFrom(...FIELDS),
    orderIndex: fc.nat(4),
  }),
  fc.record({
    op: fc.constant('changeSection' as const),
    field: fc.constantFrom(...FIELDS),
    section: fc.constantFrom('Main', 'Details', 'Nowhere'),
  }),
  fc.record({
    op: fc.constantFrom('toggleRequired' as const, 'toggleReadOnly' as const, 'toggleVisible' as const),
    field: fc.constantFrom(...FIELDS),
    value: fc.boolean(),
  }),
);
const ruleArb = fc.record({
  id: fc.uuid(),
  ruleType: fc.constantFrom('visible' as const, 'required' as const, 'readOnly' as const),
  targetField: fc.constantFrom(...FIELDS),
  condition: fc.constantFrom(null, { field: 'status', op: 'eq' as const, value: 'x' }),
  value: fc.boolean(),
  orderIndex: fc.nat(5),
  status: fc.constantFrom('active' as const, 'disabled' as const),
});

describe('compileForm', () => {
  it('lays sections and placements out in order and takes flags from the field definitions', () => {
    const compiled = compileForm(input());
    expect(compiled.sections.map((s) => [s.title, s.placements.map((p) => p.field)])).toEqual([
      ['Main', ['title', 'status']],
      ['Details', ['notes']],
    ]);
    expect(compiled.fields.map((f) => [f.name, f.required, f.provenance.required.layer])).toEqual([
      ['title', true, 'definition'],
      ['status', false, 'definition'],
      ['notes', false, 'definition'],
    ]);
  });

  it('applies the override, then unconditional rules, naming the layer of each flag; conditional rules stay for evaluation', () => {
    const compiled = compileForm(
      input({
        override: {
          id: 'o',
          version: 4,
          ops: [
            { op: 'toggleReadOnly', field: 'status', value: true },
            { op: 'changeSection', field: 'status', section: 'Details', orderIndex: 0 },
            { op: 'toggleVisible', field: 'notes', value: false },
          ],
        },
        rules: [
          {
            id: 'r1',
            ruleType: 'visible',
            targetField: 'notes',
            condition: null,
            value: true,
            orderIndex: 1,
            status: 'active',
          },
          {
            id: 'r2',
            ruleType: 'required',
            targetField: 'notes',
            condition: { field: 'status', op: 'eq', value: 'done' },
            value: true,
            orderIndex: 2,
            status: 'active',
          },
        ],
      }),
    );
    expect(compiled.sections[1]?.placements.map((p) => p.field)).toEqual(['status', 'notes']);
    const status = compiled.fields.find((f) => f.name === 'status');
    expect(status).toMatchObject({
      readOnly: true,
      section: 'Details',
      provenance: { readOnly: { layer: 'override', overrideVersion: 4 } },
    });
    const notes = compiled.fields.find((f) => f.name === 'notes');
    expect(notes).toMatchObject({
      visible: true,
      provenance: { visible: { layer: 'rule', ruleId: 'r1' } },
      conditionalRuleIds: ['r2'],
    });
    // The view keeps the flags before rules: the evaluator applies every rule itself.
    expect(compiled.view.fields.find((f) => f.name === 'notes')).toMatchObject({ visible: false });
    expect(compiled.view.rules.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('drops placements of fields the record type no longer has and lists them', () => {
    const compiled = compileForm(
      input({
        placements: [
          ...input().placements,
          { id: 'p9', sectionId: 's1', field: 'gone', column: 1, orderIndex: 9 },
        ],
      }),
    );
    expect(compiled.missingFields).toEqual(['gone']);
    expect(compiled.fields.map((f) => f.name)).not.toContain('gone');
  });

  it('F1: a field required by its definition compiles required whatever the override and the rules say', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 8 }), fc.array(ruleArb, { maxLength: 8 }), (ops, rules) => {
        const compiled = compileForm(input({ override: { id: 'o', version: 1, ops }, rules }));
        const title = compiled.fields.find((f) => f.name === 'title');
        expect(title?.required).toBe(true);
        expect(compiled.view.fields.find((f) => f.name === 'title')?.required).toBe(true);
        if (ops.some((op) => op.op === 'toggleRequired' && op.field === 'title' && !op.value))
          expect(compiled.patchProblems.map((p) => p.code)).toContain('REQUIRED_FIELD');
      }),
    );
  });

  it('every placed field appears exactly once, whatever ops move it', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), (ops) => {
        const compiled = compileForm(input({ override: { id: 'o', version: 1, ops } }));
        const placed = compiled.sections.flatMap((s) => s.placements.map((p) => p.field)).sort();
        expect(placed).toEqual(['notes', 'status', 'title']);
      }),
    );
  });
});
