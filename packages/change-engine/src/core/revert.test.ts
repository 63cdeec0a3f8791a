import type { FieldDefinition } from '@ec3l/records';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps, applyTypeOp, applyTypeOps, type FieldOpPayload, type OpPayload } from './ops.js';
import { traceFields } from './renames.js';
import { restoreConfigOps, restoreOps } from './revert.js';

const arbField = fc
  .record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    type: fc.constantFrom('string' as const, 'number' as const),
    required: fc.boolean(),
  })
  .map(
    (x): FieldDefinition => ({
      ...x,
      label: null,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
    }),
  );
const arbFields = fc.uniqueArray(arbField, { selector: (f) => f.name, maxLength: 6 });

describe('restoreOps', () => {
  it('turns any schema into any other exactly, order included, with no two ops alike', () => {
    fc.assert(
      fc.property(arbFields, arbFields, (current, target) => {
        const ops = restoreOps(current, target);
        const result = applyOps(current, ops, new Map());
        expect('fields' in result && result.fields).toEqual(target);
        const keys = ops.map((op) => JSON.stringify(op));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('is empty when nothing differs', () => {
    fc.assert(
      fc.property(arbFields, (fields) => {
        expect(restoreOps(fields, fields)).toEqual([]);
      }),
    );
  });
});

// One op of a random kind on random names; applied only where it applies, as the executor would.
const arbOp = fc.oneof(
  fc.record({
    kind: fc.constant('rename' as const),
    from: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    to: fc.constantFrom('a', 'b', 'c', 'x', 'y', 'z'),
  }),
  fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom('a', 'b', 'c', 'd', 'x', 'y') }),
  fc.record({
    kind: fc.constant('add' as const),
    field: arbField,
    after: fc.option(fc.constantFrom('a', 'b', 'x'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('set' as const), field: arbField }),
);

type Drawn = fc.Arbitrary<{ start: FieldDefinition[]; ops: FieldOpPayload[] }>;

// A starting schema whose fields carry their identity in the label, and ops that all apply to it.
const arbChange: Drawn = fc.tuple(arbFields, fc.array(arbOp, { maxLength: 12 })).map(([fields, drawn]) => {
  const start = fields.map((f) => ({ ...f, label: `was:${f.name}` }));
  let current: FieldDefinition[] = start;
  const ops: FieldOpPayload[] = [];
  for (const d of drawn) {
    const existing = (name: string) => current.find((f) => f.name === name);
    const op: FieldOpPayload =
      d.kind === 'rename'
        ? { opType: 'rename_field', payload: { from: d.from, to: d.to } }
        : d.kind === 'remove'
          ? { opType: 'remove_field', payload: { fieldName: d.name } }
          : d.kind === 'add'
            ? { opType: 'add_field', payload: { field: { ...d.field, label: 'new' }, after: d.after } }
            : {
                opType: 'set_field',
                // Setting a field keeps it the same field: its label (its identity here) stays.
                payload: { field: { ...d.field, label: existing(d.field.name)?.label ?? 'new' } },
              };
    const result = applyOps(current, [op], new Map());
    if ('fields' in result) {
      current = result.fields;
      ops.push(op);
    }
  }
  return { start, ops };
});

describe('restoreOps after a change (properties)', () => {
  it('restores the schema exactly, and never removes a field that kept its identity under a rename', () => {
    fc.assert(
      fc.property(arbChange, ({ start, ops }) => {
        const applied = applyOps(start, ops, new Map());
        if (!('fields' in applied)) throw new Error('the drawn ops apply by construction');
        const restore = restoreOps(
          applied.fields,
          start,
          traceFields(
            start.map((f) => f.name),
            ops,
          ),
        );
        let current = applied.fields;
        for (const op of restore) {
          if (op.opType === 'remove_field') {
            const removed = current.find((f) => f.name === op.payload.fieldName);
            // Every field that existed before the change and still exists is brought back in place.
            expect(removed?.label?.startsWith('was:')).toBe(false);
          }
          const step = applyOps(current, [op], new Map());
          if (!('fields' in step)) throw new Error(`restore op does not apply: ${JSON.stringify(op)}`);
          current = step.fields;
        }
        expect(current).toEqual(start);
      }),
      { numRuns: 500 },
    );
  });

  it('undoes a rename with the inverse rename, a swap through a temporary name', () => {
    const f = (name: string): FieldDefinition => ({
      name,
      type: 'string',
      label: null,
      required: false,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
    });
    expect(
      restoreOps([f('z'), f('b')], [f('a'), f('b')], traceFields(['a', 'b'], [rename('a', 'z')])),
    ).toEqual([rename('z', 'a')]);
    const swap = [rename('a', 't'), rename('b', 'a'), rename('t', 'b')];
    expect(traceFields(['a', 'b'], swap).renames).toEqual(
      new Map([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    );
    expect(restoreOps([f('b'), f('a')], [f('a'), f('b')], traceFields(['a', 'b'], swap))).toEqual([
      rename('a', 'b_r1'),
      rename('b', 'a'),
      rename('b_r1', 'b'),
    ]);
  });
});

const rename = (from: string, to: string): FieldOpPayload => ({
  opType: 'rename_field',
  payload: { from, to },
});

describe('traceFields', () => {
  it('follows chains, forgets fields the ops removed, drops renames back and names created fields', () => {
    expect(traceFields(['a'], [rename('a', 'b'), rename('b', 'c')]).renames).toEqual(new Map([['a', 'c']]));
    expect(traceFields(['a'], [rename('a', 'b'), rename('b', 'a')]).renames).toEqual(new Map());
    const removed = traceFields(
      ['a'],
      [rename('a', 'b'), { opType: 'remove_field', payload: { fieldName: 'b' } }],
    );
    expect(removed.renames).toEqual(new Map());
    const reused = traceFields(
      ['x'],
      [
        { opType: 'remove_field', payload: { fieldName: 'x' } },
        { opType: 'add_field', payload: { field: { name: 'x', type: 'string', required: false } as never } },
      ],
    );
    expect(reused.created.has('x')).toBe(true);
    const appended = traceFields(
      ['c'],
      [
        { opType: 'set_field', payload: { field: { name: 'e', type: 'string', required: false } as never } },
        rename('e', 'f'),
      ],
    );
    expect(appended.renames).toEqual(new Map());
    expect(appended.created).toEqual(new Set(['e', 'f']));
  });
});

const arbAssignment = fc.option(
  fc.oneof(
    fc.record({ type: fc.constant('static_user' as const), value: fc.constantFrom('ann', 'bob') }),
    fc.record({ type: fc.constant('static_group' as const), value: fc.constantFrom('desk', 'ops') }),
    fc.record({
      type: fc.constant('field_match' as const),
      field: fc.constantFrom('a', 'b'),
      rules: fc.array(
        fc.record({
          equals: fc.constantFrom('high', 1, true),
          assignTo: fc.record({
            type: fc.constantFrom('user' as const, 'group' as const),
            value: fc.constant('q'),
          }),
        }),
        { maxLength: 2 },
      ),
    }),
  ),
  { nil: null },
);
const arbSla = fc.option(
  fc.record(
    {
      durationMinutes: fc.integer({ min: 1, max: 600 }),
      warningPercent: fc.integer({ min: 1, max: 99 }),
      pauseWhen: fc.record({ field: fc.constantFrom('a', 'b'), values: fc.constant<string[]>(['hold']) }),
    },
    { requiredKeys: ['durationMinutes'] },
  ),
  { nil: null },
);
const arbState = fc.record({ fields: arbFields, assignmentConfig: arbAssignment, slaConfig: arbSla });
const arbConfigOp = fc.oneof(
  arbAssignment.map((config): OpPayload => ({ opType: 'set_assignment', payload: { config } })),
  arbSla.map((config): OpPayload => ({ opType: 'set_sla', payload: { config } })),
);

describe('configuration ops (properties)', () => {
  it('each op is undone by its inverse, the previous configuration (null included) coming back', () => {
    fc.assert(
      fc.property(arbState, arbConfigOp, (state, op) => {
        const done = applyTypeOp(state, op, new Map());
        if (!('state' in done)) throw new Error('a configuration op always applies');
        const key = op.opType === 'set_sla' ? 'slaConfig' : 'assignmentConfig';
        expect(done.state[key]).toEqual((op.payload as { config: unknown }).config);
        expect(done.state.fields).toBe(state.fields);
        const undone = applyTypeOp(done.state, done.inverse, new Map());
        expect('state' in undone && undone.state).toEqual(state);
      }),
    );
  });

  it('restore ops bring any state back to any snapshot, fields and configurations exactly', () => {
    fc.assert(
      fc.property(arbState, arbState, (current, target) => {
        const ops: OpPayload[] = [
          ...restoreOps(current.fields, target.fields),
          ...restoreConfigOps(current, target),
        ];
        const result = applyTypeOps(current, ops, new Map());
        expect('state' in result && result.state).toEqual(target);
        expect(restoreConfigOps(target, target)).toEqual([]);
      }),
    );
  });

  it('a snapshot without configurations leaves them as they are', () => {
    fc.assert(
      fc.property(arbState, (current) => {
        expect(restoreConfigOps(current, {})).toEqual([]);
      }),
    );
  });
});
