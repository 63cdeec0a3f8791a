import { Ec3lApiError } from '@ec3l/sdk';
import { describe, expect, it } from 'vitest';
import {
  assigneeOf,
  buildRecordData,
  describeProcessed,
  displayValue,
  filterParams,
  formViolationsOf,
  isStaleWrite,
  keyFieldsOf,
  liveDataOf,
  type RecordTimer,
  recordDraftOf,
  recordErrorsFrom,
  type SchemaField,
  slaStateOf,
  timerEvents,
} from './records';

const field = (name: string, type: SchemaField['type'], required = false): SchemaField => ({
  name,
  type,
  label: null,
  required,
  defaultValue: null,
  choiceListId: null,
  referenceRecordTypeKey: null,
  inherited: false,
  inheritedFrom: null,
});

const fields = [
  field('title', 'string', true),
  field('estimate', 'number'),
  field('urgent', 'boolean'),
  field('notes', 'text'),
  field('due_at', 'datetime'),
];

const record = (data: Record<string, unknown>) => ({
  id: '6f1c1f3e-2f43-4a55-9d61-5c3f0a1b2c3d',
  recordTypeId: 'x',
  data,
  version: 2,
  createdBy: 'ann',
  assignedTo: null,
  assignedGroup: 'desk',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('generated record forms', () => {
  it('build typed data for a create, and refuse a missing required field and a non-number', () => {
    const draft = {
      ...recordDraftOf(fields),
      title: ' Printer ',
      estimate: '3.5',
      urgent: 'true',
      due_at: '2026-03-01T10:30',
    };
    expect(buildRecordData(fields, draft)).toEqual({
      ok: true,
      data: { title: 'Printer', estimate: 3.5, urgent: true, due_at: '2026-03-01T10:30:00Z' },
    });
    expect(buildRecordData(fields, { ...draft, title: '', estimate: 'x' })).toEqual({
      ok: false,
      errors: { title: 'title is required', estimate: 'Enter a number' },
    });
  });

  it('send only what an edit changed, a cleared optional field as null', () => {
    const base = recordDraftOf(fields, record({ title: 'A', estimate: 2, urgent: false }));
    expect(base).toMatchObject({ title: 'A', estimate: '2', urgent: 'false', notes: '' });
    expect(buildRecordData(fields, { ...base, estimate: '', notes: 'hi' }, base)).toEqual({
      ok: true,
      data: { estimate: null, notes: 'hi' },
    });
  });

  it('map RECORD_INVALID details to their fields and the rest to the form', () => {
    const error = new Ec3lApiError(400, {
      statusCode: 400,
      code: 'RECORD_INVALID',
      error: 'Bad Request',
      message: 'no',
      details: [
        {
          in: 'body',
          path: '/data/estimate',
          message: 'must be a number',
          params: { field: 'estimate', reason: 'type' },
        },
        { in: 'body', path: '/data', message: 'unknown field colour' },
      ],
    });
    expect(recordErrorsFrom(error)).toEqual({ estimate: 'must be a number', _form: 'unknown field colour' });
    const stale = new Ec3lApiError(409, {
      statusCode: 409,
      code: 'RECORD_VERSION_CONFLICT',
      error: 'Conflict',
      message: 'stale',
    });
    expect(isStaleWrite(stale)).toBe(true);
    expect(isStaleWrite(error)).toBe(false);
  });
});

describe('form rule refusals and live data', () => {
  it('map FORM_RULE_VIOLATION violations to their fields', () => {
    const error = new Ec3lApiError(400, {
      statusCode: 400,
      code: 'FORM_RULE_VIOLATION',
      error: 'Bad Request',
      message: 'The record does not satisfy the form',
      details: {
        violations: [
          { field: 'reason', rule: 'required', message: 'Reason is required' },
          { field: 'title', rule: 'readOnly', message: 'Title is read-only and cannot be changed' },
        ],
      },
    });
    expect(formViolationsOf(error)).toHaveLength(2);
    expect(recordErrorsFrom(error)).toEqual({
      reason: 'Reason is required',
      title: 'Title is read-only and cannot be changed',
    });
    const other = new Ec3lApiError(400, {
      statusCode: 400,
      code: 'RECORD_INVALID',
      error: 'x',
      message: 'no',
    });
    expect(formViolationsOf(other)).toEqual([]);
  });

  it('type the draft leniently for the rules: numbers, booleans, nulls, half-typed text', () => {
    expect(
      liveDataOf(fields, { title: ' Pump ', estimate: '4', urgent: 'true', notes: ' a ', due_at: '' }),
    ).toEqual({ title: 'Pump', estimate: 4, urgent: true, notes: ' a ', due_at: null });
    expect(liveDataOf(fields, { estimate: '4.' }).estimate).toBe(4);
    expect(liveDataOf(fields, { estimate: '-' }).estimate).toBe('-');
    expect(liveDataOf(fields, { due_at: '2026-01-02T03:04' }).due_at).toBe('2026-01-02T03:04:00Z');
  });
});

describe('record tables', () => {
  it('show values, key fields, assignees and filters', () => {
    expect(displayValue(field('x', 'boolean'), true)).toBe('Yes');
    expect(displayValue(field('x', 'string'), null)).toBe('—');
    expect(displayValue(field('x', 'reference'), '6f1c1f3e-2f43-4a55-9d61-5c3f0a1b2c3d')).toBe('6f1c1f3e');
    expect(keyFieldsOf(fields).map((f) => f.name)).toEqual(['title', 'estimate', 'urgent']);
    expect(assigneeOf(record({}))).toBe('group desk');
    expect(filterParams([{ field: 'state', value: 'open' }])).toEqual(['state:open']);
  });
});

describe('SLA badges', () => {
  const timer = (over: Partial<RecordTimer>): RecordTimer => ({
    id: 't',
    recordId: 'r',
    type: 'sla',
    status: 'pending',
    dueAt: '2026-01-01T10:00:00.000Z',
    warnAt: '2026-01-01T09:00:00.000Z',
    warnedAt: null,
    pausedAt: null,
    pausedMs: 0,
    businessElapsedMs: 0,
    breachedAt: null,
    completedAt: null,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    ...over,
  });
  const at = (iso: string) => new Date(iso);

  it('tell breached, warning, paused, on time and met apart', () => {
    expect(slaStateOf(undefined, at('2026-01-01T08:30:00Z'))).toBeNull();
    expect(slaStateOf(timer({}), at('2026-01-01T08:30:00Z'))?.key).toBe('on_time');
    expect(slaStateOf(timer({}), at('2026-01-01T09:30:00Z'))?.key).toBe('warning');
    expect(slaStateOf(timer({}), at('2026-01-01T10:30:00Z'))?.key).toBe('breached');
    expect(slaStateOf(timer({ status: 'breached' }), at('2026-01-01T08:30:00Z'))?.key).toBe('breached');
    expect(slaStateOf(timer({ status: 'paused' }), at('2026-01-01T10:30:00Z'))?.key).toBe('paused');
    expect(slaStateOf(timer({ status: 'completed' }), at('2026-01-01T10:30:00Z'))?.key).toBe('met');
  });

  it('put a timer on the timeline in order, and describe a timer run', () => {
    expect(
      timerEvents(
        timer({ warnedAt: '2026-01-01T09:00:01.000Z', breachedAt: '2026-01-01T10:00:01.000Z' }),
      ).map((e) => e.text),
    ).toEqual(['SLA started, due 2026-01-01 10:00 UTC', 'SLA warning reached', 'SLA breached']);
    expect(describeProcessed({ processed: 0, breached: 0, warned: 0, failed: 0 })).toBe(
      'No timers were due.',
    );
    expect(describeProcessed({ processed: 3, breached: 2, warned: 1, failed: 0 })).toBe(
      'Processed 3 timers: 2 breached, 1 warned.',
    );
  });
});
