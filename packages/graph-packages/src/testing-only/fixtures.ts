import type { GraphPackage } from '../package/schema.js';

/** A small service-desk package: a base type, a derived type with a choice field, SLA and assignment. */
export const deskPackage = (version = '1.0.0'): GraphPackage => ({
  key: 'test.desk',
  version,
  name: 'Test desk',
  choiceLists: [
    {
      key: 'desk_priority',
      name: 'Desk priority',
      items: [
        { value: 'high', label: 'High' },
        { value: 'low', label: 'Low' },
      ],
    },
  ],
  recordTypes: [
    {
      key: 'desk_ticket',
      name: 'Desk ticket',
      baseType: 'desk_task',
      fields: [
        { name: 'priority', type: 'choice', choiceListKey: 'desk_priority' },
        { name: 'summary', type: 'string', required: true },
      ],
    },
    { key: 'desk_task', name: 'Desk task', fields: [{ name: 'state', type: 'string' }] },
  ],
  slaPolicies: [{ recordTypeKey: 'desk_ticket', config: { durationMinutes: 60 } }],
  assignmentRules: [{ recordTypeKey: 'desk_ticket', config: { type: 'static_group', value: 'desk' } }],
});

/** A package of `n` record types in chains of base types (each fifth type starts a new chain). */
export const widePackage = (n: number, key = 'test.wide', version = '1.0.0'): GraphPackage => ({
  key,
  version,
  name: `Wide ${n}`,
  recordTypes: Array.from({ length: n }, (_, i) => ({
    key: `${key.replace('.', '_')}_t${i}`,
    name: `${key} type ${i}`,
    ...(i % 5 === 0 ? {} : { baseType: `${key.replace('.', '_')}_t${i - 1}` }),
    fields: [{ name: `f${i}`, type: 'string' as const }],
  })),
});
