import { describe, expect, it } from 'vitest';
import {
  ADMIN_SECTIONS,
  adminSectionLabel,
  auditLogQuery,
  countActiveFilters,
  EMPTY_AUDIT_LOG_FILTERS,
  EMPTY_TELEMETRY_FILTERS,
  entityHref,
  FIRST_ADMIN_SECTION,
  groupByUser,
  isAdminSection,
  parseDateRange,
  telemetryQuery,
} from './admin';

describe('admin sections', () => {
  it('starts with tenants and knows only its sections', () => {
    expect(FIRST_ADMIN_SECTION).toBe('tenants');
    expect(ADMIN_SECTIONS.map((s) => s.key)).toEqual([
      'tenants',
      'users',
      'access',
      'choice-lists',
      'audit',
      'telemetry',
      'workflows',
      'approvals',
      'apps',
      'overrides',
      'changes',
    ]);
    expect(isAdminSection('access')).toBe(true);
    expect(isAdminSection('templates')).toBe(false);
    expect(adminSectionLabel('audit')).toBe('Audit log');
  });
});

describe('parseDateRange', () => {
  it('sends nothing when both days are blank', () => {
    expect(parseDateRange('', ' ')).toEqual({ ok: true, query: {} });
  });

  it('covers whole UTC days: from the first midnight up to the midnight after the last day', () => {
    expect(parseDateRange('2026-11-01', '2026-11-25')).toEqual({
      ok: true,
      query: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' },
    });
  });

  it('takes one day as a window of 24 hours', () => {
    expect(parseDateRange('2026-12-31', '2026-12-31')).toEqual({
      ok: true,
      query: { from: '2026-12-31T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    });
  });

  it('accepts an open end on either side', () => {
    expect(parseDateRange('2026-11-25', '')).toEqual({
      ok: true,
      query: { from: '2026-11-25T00:00:00.000Z' },
    });
    expect(parseDateRange('', '2026-02-28')).toEqual({ ok: true, query: { to: '2026-03-01T00:00:00.000Z' } });
  });

  it('refuses a start after the end', () => {
    expect(parseDateRange('2026-11-26', '2026-11-25')).toEqual({
      ok: false,
      error: 'The start date is after the end date',
    });
  });

  it('refuses values that are not calendar days', () => {
    expect(parseDateRange('2026-02-30', '')).toMatchObject({ ok: false });
    expect(parseDateRange('', 'yesterday')).toEqual({
      ok: false,
      error: '"yesterday" is not a date (YYYY-MM-DD)',
    });
  });
});

describe('auditLogQuery', () => {
  it('leaves out every blank filter', () => {
    expect(auditLogQuery(EMPTY_AUDIT_LOG_FILTERS)).toEqual({ ok: true, query: {} });
  });

  it('sends trimmed values and the date window', () => {
    expect(
      auditLogQuery({
        actorId: ' rita ',
        actorType: 'user',
        outcome: 'deny',
        permission: 'admin.view',
        from: '2026-11-25',
        to: '',
      }),
    ).toEqual({
      ok: true,
      query: {
        actorId: 'rita',
        actorType: 'user',
        outcome: 'deny',
        permission: 'admin.view',
        from: '2026-11-25T00:00:00.000Z',
      },
    });
  });

  it('reports a bad date range or an actor id the API would refuse', () => {
    expect(auditLogQuery({ ...EMPTY_AUDIT_LOG_FILTERS, from: '2026-11-25', to: '2026-11-01' }).ok).toBe(
      false,
    );
    expect(auditLogQuery({ ...EMPTY_AUDIT_LOG_FILTERS, actorId: 'x'.repeat(201) })).toEqual({
      ok: false,
      error: 'Actor ID is at most 200 characters',
    });
  });
});

describe('telemetryQuery', () => {
  it('sends the event type and window when set', () => {
    expect(telemetryQuery({ eventType: ' project.created ', from: '', to: '2026-11-25' })).toEqual({
      ok: true,
      query: { eventType: 'project.created', to: '2026-11-26T00:00:00.000Z' },
    });
    expect(telemetryQuery(EMPTY_TELEMETRY_FILTERS)).toEqual({ ok: true, query: {} });
  });
});

describe('countActiveFilters', () => {
  it('counts the filters that are not blank', () => {
    expect(countActiveFilters({ ...EMPTY_AUDIT_LOG_FILTERS, actorId: 'rita', outcome: 'deny' })).toBe(2);
    expect(countActiveFilters(EMPTY_TELEMETRY_FILTERS)).toBe(0);
  });
});

describe('groupByUser', () => {
  const a = (userId: string, roleName: string) => ({
    userId,
    roleId: `${roleName}-id`,
    roleName,
    roleStatus: 'active' as const,
    assignedAt: '2026-01-01T00:00:00.000Z',
  });
  it('groups assignments by user, users in id order, roles in the order given', () => {
    const grouped = groupByUser([a('vera', 'Viewer'), a('admin', 'Admin'), a('vera', 'Editor')]);
    expect(grouped.map((g) => [g.userId, g.roles.map((r) => r.roleName)])).toEqual([
      ['admin', ['Admin']],
      ['vera', ['Viewer', 'Editor']],
    ]);
    expect(groupByUser([])).toEqual([]);
  });
});

describe('entityHref', () => {
  it('links change events and change decisions to the change', () => {
    expect(entityHref({ eventType: 'execution_completed' }, 'c1')).toBe('/changes/c1');
    expect(entityHref({ eventType: 'graph.validation_failed' }, 'c1')).toBe('/changes/c1');
    expect(entityHref({ resourceType: 'change' }, 'c1')).toBe('/changes/c1');
  });

  it('links projects and record types to their pages', () => {
    expect(entityHref({ eventType: 'project.created' }, 'p1')).toBe('/projects/p1');
    expect(entityHref({ eventType: 'record_type.created' }, 'r1')).toBe('/record-types/r1');
  });

  it('has no link without an id or for subjects without a page', () => {
    expect(entityHref({ eventType: 'project.created' }, null)).toBeNull();
    expect(entityHref({ eventType: 'tenant.created' }, 't1')).toBeNull();
    expect(entityHref({ resourceType: 'form' }, 'f1')).toBeNull();
    expect(entityHref({ resourceType: null }, 'x')).toBeNull();
  });
});
