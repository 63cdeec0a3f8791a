import { Ec3lApiError } from '@ec3l/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphPackage, PackageDiff } from './packages';
import {
  applyStreamEvent,
  buildPatchOp,
  describePatchOp,
  EMPTY_PATCH_INPUT,
  endedStream,
  formatMinutes,
  IDLE_STREAM,
  installImpact,
  isTerminal,
  packageContents,
  patchErrorsFrom,
  STAGES,
  type StreamState,
  stageStates,
  startedStream,
} from './vibe';

const PKG: GraphPackage = {
  key: 'vibe.facilities',
  version: '0.1.0',
  name: 'Facilities',
  recordTypes: [
    {
      key: 'vibe_work_order',
      name: 'Work order',
      fields: [
        { name: 'title', type: 'string', required: true },
        { name: 'due', type: 'date' },
      ],
    },
    { key: 'vibe_site', name: 'Site', fields: [{ name: 'name', type: 'string' }] },
  ],
  slaPolicies: [{ recordTypeKey: 'vibe_work_order', config: { durationMinutes: 90 } }],
  assignmentRules: [
    { recordTypeKey: 'vibe_work_order', config: { type: 'static_group', value: 'field_techs' } },
  ],
  workflows: [{ key: 'dispatch', name: 'Dispatch', recordTypeKey: 'vibe_work_order', steps: [] }],
};

const event = (name: string, data: unknown) => ({
  event: name,
  data: typeof data === 'string' ? data : JSON.stringify(data),
  id: undefined,
});

describe('package contents', () => {
  it('lists each record type with its fields, SLA, assignment and workflows', () => {
    expect(packageContents(PKG)).toEqual([
      {
        key: 'vibe_work_order',
        name: 'Work order',
        baseType: null,
        fields: [
          { name: 'title', type: 'string', required: true },
          { name: 'due', type: 'date', required: false },
        ],
        slaMinutes: 90,
        assignment: 'group: field_techs',
        workflows: ['Dispatch'],
      },
      {
        key: 'vibe_site',
        name: 'Site',
        baseType: null,
        fields: [{ name: 'name', type: 'string', required: false }],
        slaMinutes: null,
        assignment: null,
        workflows: [],
      },
    ]);
  });

  it('formats minutes as days, hours and minutes', () => {
    expect([formatMinutes(90), formatMinutes(2880), formatMinutes(1501), formatMinutes(0)]).toEqual([
      '1 h 30 min',
      '2 d',
      '1 d 1 h 1 min',
      '0 min',
    ]);
  });
});

describe('install impact', () => {
  it('names the record types, workflows and choice lists an install creates, and what it changes', () => {
    const diff: PackageDiff = {
      packageKey: 'vibe.facilities',
      fromVersion: null,
      toVersion: '0.1.0',
      summary: { insert: 3, update: 1, delete: 1, deleteWithData: 0, same: 1, missingDependency: 0 },
      objects: [
        { objectType: 'record_type', key: 'vibe_work_order', disposition: 'insert' },
        { objectType: 'field', key: 'vibe_work_order.title', disposition: 'insert' },
        { objectType: 'workflow', key: 'dispatch', disposition: 'insert' },
        { objectType: 'choice_list', key: 'priority', disposition: 'update' },
        { objectType: 'record_type', key: 'vibe_site', disposition: 'same' },
        { objectType: 'field', key: 'vibe_site.old', disposition: 'delete' },
      ],
    };
    expect(installImpact(diff)).toEqual({
      recordTypes: ['vibe_work_order'],
      workflows: ['dispatch'],
      choiceLists: [],
      updates: ['priority'],
      deletes: ['vibe_site.old'],
    });
  });

  it('installed and discarded drafts are terminal, draft and previewed are not', () => {
    expect(['draft', 'previewed', 'installed', 'discarded'].map(isTerminal)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('the generation stream', () => {
  it('appends tokens, records stages and ends on complete with its payload', () => {
    let s = startedStream();
    s = applyStreamEvent(s, event('stage', { stage: 'generation' }));
    s = applyStreamEvent(s, event('token', { token: '{"key":' }));
    s = applyStreamEvent(s, event('token', { token: '"vibe.x"}' }));
    s = applyStreamEvent(s, event('stage', { stage: 'validate_schema' }));
    expect(s).toMatchObject({ status: 'streaming', text: '{"key":"vibe.x"}', tokens: 2 });
    s = applyStreamEvent(s, event('complete', { checksum: 'sha256:ab' }));
    expect(s).toMatchObject({ status: 'complete', result: { checksum: 'sha256:ab' } });
    expect(s.stages.map((x) => x.stage)).toEqual(['generation', 'validate_schema']);
  });

  it('an error event fails the stream with its message; an early end fails it too', () => {
    const failed = applyStreamEvent(startedStream(), event('error', { message: 'Too many generations' }));
    expect(failed).toMatchObject({ status: 'failed', error: 'Too many generations' });
    expect(endedStream(startedStream())).toMatchObject({ status: 'failed' });
    const done = applyStreamEvent(startedStream(), event('complete', {}));
    expect(endedStream(done)).toBe(done);
  });

  it('the text is the concatenation of every token, whatever else arrives between them', () => {
    const ev = fc.oneof(
      fc.string({ maxLength: 8 }).map((t) => ({ kind: 'token' as const, t })),
      fc.constantFrom(...STAGES).map((t) => ({ kind: 'stage' as const, t })),
      fc.constant({ kind: 'ping' as const, t: '' }),
    );
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 40 }), (events) => {
        let s: StreamState = startedStream();
        for (const e of events)
          s = applyStreamEvent(s, event(e.kind, e.kind === 'token' ? { token: e.t } : { stage: e.t }));
        const tokens = events.filter((e) => e.kind === 'token');
        expect(s.text).toBe(tokens.map((e) => e.t).join(''));
        expect(s.tokens).toBe(tokens.length);
      }),
    );
  });

  it('stage progress: reported stages are done, the last current while streaming, a skipped repair is skipped', () => {
    let s = startedStream();
    for (const stage of ['generation', 'extract_json', 'validate_schema', 'projection'])
      s = applyStreamEvent(s, event('stage', { stage }));
    expect(Object.fromEntries(stageStates(s).map((x) => [x.stage, x.state]))).toEqual({
      generation: 'done',
      extract_json: 'done',
      validate_schema: 'done',
      repair: 'skipped',
      projection: 'current',
      diff: 'todo',
      complete: 'todo',
    });
    s = applyStreamEvent(s, event('complete', {}));
    expect(stageStates(s).find((x) => x.stage === 'complete')?.state).toBe('done');
    expect(stageStates(IDLE_STREAM).every((x) => x.state === 'todo')).toBe(true);
  });
});

describe('inline edits', () => {
  const input = { ...EMPTY_PATCH_INPUT, recordTypeKey: 'vibe_work_order' };

  it('builds each op from the form', () => {
    expect(buildPatchOp('add_field', { ...input, fieldName: 'cost', fieldType: 'number' }, PKG)).toEqual({
      ok: true,
      op: { op: 'add_field', recordTypeKey: 'vibe_work_order', field: { name: 'cost', type: 'number' } },
    });
    expect(buildPatchOp('rename_field', { ...input, fieldName: 'due', newName: 'due_on' }, PKG)).toEqual({
      ok: true,
      op: { op: 'rename_field', recordTypeKey: 'vibe_work_order', from: 'due', to: 'due_on' },
    });
    expect(buildPatchOp('set_sla', { ...input, durationMinutes: '240' }, PKG)).toMatchObject({
      ok: true,
      op: { op: 'set_sla', durationMinutes: 240 },
    });
    expect(buildPatchOp('set_assignment_group', { ...input, groupKey: ' tier2 ' }, PKG)).toMatchObject({
      ok: true,
      op: { groupKey: 'tier2' },
    });
    expect(buildPatchOp('remove_field', { ...input, fieldName: 'due' }, PKG)).toMatchObject({ ok: true });
  });

  it('refuses what the form can tell is wrong, on the input at fault', () => {
    expect(buildPatchOp('add_field', { ...input, fieldName: 'title' }, PKG)).toMatchObject({
      ok: false,
      errors: { fieldName: expect.stringContaining('has a field title') },
    });
    expect(
      buildPatchOp('rename_field', { ...input, fieldName: 'due', newName: 'Due On' }, PKG),
    ).toMatchObject({
      ok: false,
      errors: { newName: expect.stringContaining('snake case') },
    });
    expect(
      buildPatchOp('remove_field', { ...input, recordTypeKey: 'vibe_site', fieldName: 'name' }, PKG),
    ).toMatchObject({ ok: false, errors: { fieldName: expect.stringContaining('at least one field') } });
    expect(buildPatchOp('set_assignment_group', { ...input, groupKey: 'site team' }, PKG)).toMatchObject({
      ok: false,
      errors: { groupKey: expect.any(String) },
    });
    expect(buildPatchOp('set_sla', { ...input, durationMinutes: '1.5' }, PKG)).toMatchObject({
      ok: false,
      errors: { durationMinutes: expect.any(String) },
    });
    expect(buildPatchOp('set_sla', { ...EMPTY_PATCH_INPUT, durationMinutes: '5' }, PKG)).toMatchObject({
      ok: false,
      errors: { recordTypeKey: expect.any(String) },
    });
  });

  it('maps the API refusal to the input it names', () => {
    const schema = new Ec3lApiError(400, {
      code: 'VALIDATION_ERROR',
      message: 'Invalid body',
      details: [
        { in: 'body', path: '/ops/0/to', message: 'must match pattern' },
        { in: 'body', path: '/ops/0', message: 'must match a schema in anyOf' },
      ],
    });
    expect(patchErrorsFrom(schema, 'rename_field')).toEqual({ newName: 'must match pattern' });
    const taken = (kind: 'rename_field' | 'add_field') =>
      patchErrorsFrom(
        new Ec3lApiError(400, {
          code: 'VIBE_PATCH_INVALID',
          message: 'op 0: vibe_site has a field "name" already',
          details: { index: 0, reason: 'FIELD_EXISTS' },
        }),
        kind,
      );
    expect(taken('rename_field')).toEqual({ newName: 'op 0: vibe_site has a field "name" already' });
    expect(taken('add_field')).toEqual({ fieldName: 'op 0: vibe_site has a field "name" already' });
    const last = new Ec3lApiError(400, {
      code: 'VIBE_PATCH_INVALID',
      message: 'op 0: "name" is the last field',
      details: { index: 0, reason: 'LAST_FIELD' },
    });
    expect(patchErrorsFrom(last, 'remove_field')).toEqual({ fieldName: 'op 0: "name" is the last field' });
    const invalid = new Ec3lApiError(400, {
      code: 'VIBE_PATCH_INVALID',
      message: 'the patched package is invalid',
      details: { problems: [{ path: '/slaPolicies/0', message: 'names an unknown field' }] },
    });
    expect(patchErrorsFrom(invalid, 'rename_field')).toEqual({
      _form: '/slaPolicies/0: names an unknown field',
    });
    const state = new Ec3lApiError(409, {
      code: 'VIBE_DRAFT_STATE_CONFLICT',
      message: 'The draft is installed',
    });
    expect(patchErrorsFrom(state, 'set_sla')).toEqual({ _form: 'The draft is installed' });
  });

  it('describes ops in a sentence', () => {
    expect(describePatchOp({ op: 'set_sla', recordTypeKey: 'vibe_site', durationMinutes: 60 })).toBe(
      'Set the SLA of vibe_site to 1 h',
    );
  });
});
