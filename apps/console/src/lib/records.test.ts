import { Ec3lApiError } from '@ec3l/sdk';
import { describe, expect, it } from 'vitest';
import {
  assigneeOf,
  buildRecordData,
  displayValue,
  filterParams,
  isStaleWrite,
  keyFieldsOf,
  recordDraftOf,
  recordErrorsFrom,
  type SchemaField,
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
