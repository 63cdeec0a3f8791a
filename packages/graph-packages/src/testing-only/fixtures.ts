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
