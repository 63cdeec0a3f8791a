import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTimestamp, plural } from './format';

describe('formatDateTime', () => {
  it('formats an ISO timestamp in UTC', () => {
    expect(formatDateTime('2026-11-25T11:53:38.000Z')).toBe('25 Nov 2026, 11:53 UTC');
  });

  it('returns a value that is not a date unchanged', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('formatTimestamp', () => {
  it('keeps the seconds, in UTC', () => {
    expect(formatTimestamp('2026-11-25T11:53:38.120Z')).toBe('25 Nov 2026, 11:53:38 UTC');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });
});

describe('plural', () => {
  it('adds an s except for one', () => {
    expect(plural(0, 'project')).toBe('0 projects');
    expect(plural(1, 'project')).toBe('1 project');
    expect(plural(3, 'project')).toBe('3 projects');
  });
});
