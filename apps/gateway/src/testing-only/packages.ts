import type { GraphPackage } from '@ec3l/graph-packages';

/**
 * A help-desk package for install tests: a base type listed after the type extending it (the install
 * orders them), a choice list, SLA and assignment, and a workflow on the ticket. `tag` keeps record type
 * and list names unique in the tenant when one test installs it into several projects.
 */
export const helpdesk = (version = '1.0.0', tag = ''): GraphPackage => ({
  key: 'test.helpdesk',
  version,
  name: 'Help desk',
  choiceLists: [
    {
      key: 'hd_priority',
      name: `Help desk priority${tag}`,
      items: [
        { value: 'high', label: 'High' },
        { value: 'low', label: 'Low' },
      ],
    },
  ],
  recordTypes: [
    {
      key: 'hd_ticket',
      name: `Help desk ticket${tag}`,
      baseType: 'hd_task',
      fields: [
        { name: 'priority', type: 'choice', choiceListKey: 'hd_priority' },
        { name: 'summary', type: 'string', required: true },
      ],
    },
    { key: 'hd_task', name: `Help desk task${tag}`, fields: [{ name: 'state', type: 'string' }] },
  ],
  slaPolicies: [{ recordTypeKey: 'hd_ticket', config: { durationMinutes: 240 } }],
  assignmentRules: [{ recordTypeKey: 'hd_ticket', config: { type: 'static_group', value: 'desk' } }],
  workflows: [
    {
      key: 'hd_triage',
      name: `Help desk triage${tag}`,
      recordTypeKey: 'hd_ticket',
      steps: [{ stepType: 'notification', config: { channel: 'email', template: 'New ticket' } }],
      triggers: [
        {
          triggerType: 'record_event',
          triggerConfig: { event: 'record.created', recordTypeKey: 'hd_ticket' },
        },
      ],
    },
  ],
});

/** Version 1.1.0 of the help desk: the ticket gains a field, its SLA tightens, the task's state becomes text. */
export const helpdeskUpgrade = (tag = ''): GraphPackage => {
  const pkg = helpdesk('1.1.0', tag);
  pkg.recordTypes[0]!.fields.push({ name: 'impact', type: 'number' });
  pkg.recordTypes[1]!.fields = [{ name: 'state', type: 'text', label: 'State' }];
  pkg.slaPolicies = [{ recordTypeKey: 'hd_ticket', config: { durationMinutes: 60 } }];
  return pkg;
};
