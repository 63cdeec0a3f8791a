import { ErrorCodes } from '@ec3l/kernel';
import { describe, expect, it } from 'vitest';
import { parsePayload } from './payload.js';

const refusal = (field: string) => ({ code: ErrorCodes.VALIDATION_ERROR, details: { field } });

describe('parsePayload', () => {
  it('normalises an added field to all its properties and keeps its position', () => {
    const full = {
      name: 'due',
      type: 'date',
      label: null,
      required: false,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
    };
    expect(parsePayload('add_field', { field: { name: 'due', type: 'date', label: '  ' } })).toEqual({
      opType: 'add_field',
      payload: { field: full },
    });
    expect(parsePayload('add_field', { field: { name: 'due', type: 'date' }, after: 'title' })).toEqual({
      opType: 'add_field',
      payload: { field: full, after: 'title' },
    });
    expect(parsePayload('add_field', { field: { name: 'due', type: 'date' }, after: null })).toEqual({
      opType: 'add_field',
      payload: { field: full, after: null },
    });
    expect(parsePayload('set_field', { field: { name: 'due', type: 'date', required: true } })).toEqual({
      opType: 'set_field',
      payload: { field: { ...full, required: true } },
    });
  });

  it('refuses a field op without a field object, or with a field the records rules refuse', () => {
    for (const field of [undefined, null, 'due', ['due']]) {
      expect(() => parsePayload('set_field', { field })).toThrow(
        expect.objectContaining(refusal('payload.field')),
      );
    }
    expect(() => parsePayload('add_field', { field: { name: 'Due', type: 'date' } })).toThrow(
      expect.objectContaining({ code: ErrorCodes.VALIDATION_ERROR, details: { field: 'Due' } }),
    );
  });

  it('refuses a name that is not a field name', () => {
    expect(() => parsePayload('remove_field', { fieldName: 'Not-A-Name' })).toThrow(
      expect.objectContaining(refusal('payload.fieldName')),
    );
    expect(() => parsePayload('add_field', { field: { name: 'a', type: 'text' }, after: 3 })).toThrow(
      expect.objectContaining(refusal('payload.after')),
    );
    expect(() => parsePayload('rename_field', { from: 'a' })).toThrow(
      expect.objectContaining(refusal('payload.to')),
    );
    expect(parsePayload('remove_field', { fieldName: 'old' })).toEqual({
      opType: 'remove_field',
      payload: { fieldName: 'old' },
    });
  });

  it('refuses a rename to the same name', () => {
    expect(() => parsePayload('rename_field', { from: 'a', to: 'a' })).toThrow(
      expect.objectContaining(refusal('payload.to')),
    );
    expect(parsePayload('rename_field', { from: 'a', to: 'b' })).toEqual({
      opType: 'rename_field',
      payload: { from: 'a', to: 'b' },
    });
  });

  it('refuses properties the op does not take', () => {
    expect(() => parsePayload('remove_field', { fieldName: 'a', after: 'b' })).toThrow(
      expect.objectContaining({ ...refusal('payload'), message: 'remove_field does not take after' }),
    );
    expect(() => parsePayload('set_sla', { config: null, field: {} })).toThrow(
      expect.objectContaining(refusal('payload')),
    );
  });

  it('takes a configuration or null, and refuses a missing or misshapen one', () => {
    expect(parsePayload('set_sla', { config: null })).toEqual({
      opType: 'set_sla',
      payload: { config: null },
    });
    const assignment = { type: 'static_user', value: 'u-1' };
    expect(parsePayload('set_assignment', { config: assignment })).toEqual({
      opType: 'set_assignment',
      payload: { config: assignment },
    });
    expect(() => parsePayload('set_assignment', {})).toThrow(
      expect.objectContaining(refusal('payload.config')),
    );
    expect(() => parsePayload('set_sla', { config: { durationMinutes: 0 } })).toThrow(
      expect.objectContaining(refusal('payload.config')),
    );
  });

  it("refuses configuration values a schema cannot, naming the value's path, but not missing fields", () => {
    expect(() => parsePayload('set_assignment', { config: { type: 'static_group', value: '   ' } })).toThrow(
      expect.objectContaining(refusal('payload.config.value')),
    );
    const calendar = { timeZone: 'Mars/Olympus', weekly: [{ day: 1, start: '09:00', end: '17:00' }] };
    expect(() => parsePayload('set_sla', { config: { durationMinutes: 60, calendar } })).toThrow(
      expect.objectContaining(refusal('payload.config.calendar.timeZone')),
    );
    // Another op of the change may add the field: only the executor knows which fields exist.
    const pause = { durationMinutes: 60, pauseWhen: { field: 'no_such_field', values: ['on_hold'] } };
    expect(parsePayload('set_sla', { config: pause })).toEqual({
      opType: 'set_sla',
      payload: { config: pause },
    });
  });
});
