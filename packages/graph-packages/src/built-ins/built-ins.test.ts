import { normalizeField, resolveEffectiveFields } from '@ec3l/records';
import { describe, expect, it } from 'vitest';
import { validatePackage } from '../core/validate.js';
import { packageChecksum } from '../package/checksum.js';
import type { GraphPackage } from '../package/schema.js';
import { BUILT_IN_PACKAGES } from './index.js';

const hr = BUILT_IN_PACKAGES['hr.lite']!;
const itsm = BUILT_IN_PACKAGES['itsm.lite']!;

const typeOf = (pkg: GraphPackage, key: string) => {
  const type = pkg.recordTypes.find((t) => t.key === key);
  if (!type) throw new Error(`${pkg.key} has no record type ${key}`);
  return type;
};
const fieldNames = (pkg: GraphPackage, key: string) => typeOf(pkg, key).fields.map((f) => f.name);
const listValues = (pkg: GraphPackage, key: string) =>
  pkg.choiceLists?.find((l) => l.key === key)?.items.map((i) => i.value);

describe('built-in packages', () => {
  it('are hr.lite and itsm.lite at 1.0.0, each valid, keyed by its own key', () => {
    expect(Object.keys(BUILT_IN_PACKAGES).sort()).toEqual(['hr.lite', 'itsm.lite']);
    for (const [key, pkg] of Object.entries(BUILT_IN_PACKAGES)) {
      expect(pkg.key).toBe(key);
      expect(pkg.version).toBe('1.0.0');
      const result = validatePackage(pkg);
      expect(result.ok ? [] : result.problems).toEqual([]);
      expect(result.ok && result.checksum).toBe(packageChecksum(pkg));
    }
    expect(Object.isFrozen(BUILT_IN_PACKAGES)).toBe(true);
    expect(Object.isFrozen(hr.recordTypes[0]!.fields[0])).toBe(true);
  });

  it('carry fields the records runtime accepts (as record type create normalizes them)', () => {
    for (const pkg of Object.values(BUILT_IN_PACKAGES)) {
      for (const type of pkg.recordTypes) {
        for (const field of type.fields) {
          const { choiceListKey, ...rest } = field;
          expect(() =>
            normalizeField({ ...rest, ...(choiceListKey ? { choiceListId: `id-of-${choiceListKey}` } : {}) }),
          ).not.toThrow();
        }
      }
    }
  });

  it('hr.lite: departments, positions, employees and their onboarding', () => {
    expect(fieldNames(hr, 'department')).toEqual(['name', 'code', 'manager']);
    expect(fieldNames(hr, 'position')).toEqual(['title', 'department', 'grade']);
    expect(fieldNames(hr, 'employee')).toEqual([
      'full_name',
      'email',
      'department',
      'position',
      'start_date',
      'status',
    ]);
    expect(typeOf(hr, 'employee').fields.find((f) => f.name === 'position')?.referenceRecordTypeKey).toBe(
      'position',
    );
    expect(listValues(hr, 'hr_employee_status')).toEqual(['onboarding', 'active', 'left']);
    expect(hr.assignmentRules).toEqual([
      { recordTypeKey: 'employee', config: { type: 'static_group', value: 'hr-ops' } },
    ]);
    const [onboarding] = hr.workflows ?? [];
    expect(onboarding?.triggers).toEqual([
      { triggerType: 'record_event', triggerConfig: { event: 'record.created', recordTypeKey: 'employee' } },
    ]);
    expect(onboarding?.steps.map((s) => s.stepType)).toEqual(['approval', 'record_mutation', 'notification']);
    expect(onboarding?.steps[0]?.config).toMatchObject({
      approvers: { role: 'hr-managers' },
      rule: { type: 'any' },
    });
    expect(onboarding?.steps[1]?.config).toEqual({ updates: { status: 'active' } });
  });

  it('itsm.lite: incident, problem and change_request extend task and keep fields of their own', () => {
    expect(fieldNames(itsm, 'task')).toEqual([
      'short_description',
      'description',
      'status',
      'priority',
      'category',
      'assigned_group',
    ]);
    expect(listValues(itsm, 'itsm_priority')).toEqual(['p1', 'p2', 'p3', 'p4']);
    const byKey = new Map(
      itsm.recordTypes.map((t) => [
        t.key,
        {
          key: t.key,
          baseType: t.baseType ?? null,
          fields: t.fields.map((f) => normalizeField({ ...f, choiceListId: f.choiceListKey ?? null })),
        },
      ]),
    );
    for (const key of ['incident', 'problem', 'change_request']) {
      expect(typeOf(itsm, key).baseType).toBe('task');
      expect(typeOf(itsm, key).fields.length).toBeGreaterThan(0);
      const effective = resolveEffectiveFields(key, byKey).map((f) => f.name);
      expect(effective).toEqual(expect.arrayContaining(['status', 'priority', 'category']));
    }
  });

  it('itsm.lite: an SLA per type pausing on hold, assignment by category, P1 escalation', () => {
    const sla = Object.fromEntries((itsm.slaPolicies ?? []).map((p) => [p.recordTypeKey, p.config]));
    expect(sla.incident?.durationMinutes).toBe(240);
    expect(sla.problem).toMatchObject({ durationMinutes: 2400, calendar: { timeZone: 'UTC' } });
    expect(sla.change_request?.durationMinutes).toBe(2880);
    for (const config of Object.values(sla))
      expect(config.pauseWhen).toEqual({ field: 'status', values: ['on_hold'] });
    for (const rule of itsm.assignmentRules ?? []) {
      expect(rule.config).toMatchObject({
        type: 'field_match',
        field: 'category',
        default: { type: 'group', value: 'service-desk' },
        reassignOnUpdate: true,
      });
      if (rule.config.type !== 'field_match') throw new Error('field_match expected');
      expect(rule.config.rules.map((r) => [r.equals, r.assignTo.value])).toEqual([
        ['network', 'network-ops'],
        ['hardware', 'desktop-support'],
        ['software', 'app-support'],
      ]);
    }
    const [escalation] = itsm.workflows ?? [];
    expect(escalation?.triggers?.[0]).toEqual({
      triggerType: 'record_event',
      triggerConfig: {
        event: 'record.updated',
        recordTypeKey: 'incident',
        watchFields: ['priority'],
        fieldConditions: [{ field: 'priority', operator: 'changed_to', value: 'p1' }],
      },
    });
    expect(escalation?.steps.map((s) => s.stepType)).toEqual(['notification', 'assignment', 'approval']);
    expect(escalation?.steps[1]?.config).toEqual({ strategy: 'group', group: 'major-incident' });
    expect(escalation?.steps[2]?.config).toMatchObject({ approvers: { role: 'incident-managers' } });
  });
});
