import type { AssignmentConfig } from '@ec3l/records';
import type { GraphPackage, PackageField, PackageRecordType } from '../package/schema.js';

/**
 * ITSM Lite: incidents, problems and change requests on a common base type `task`, with an SLA per
 * type, assignment by category and the escalation of incidents raised to priority P1.
 */

const byCategory = (): AssignmentConfig => ({
  type: 'field_match',
  field: 'category',
  rules: [
    { equals: 'network', assignTo: { type: 'group', value: 'network-ops' } },
    { equals: 'hardware', assignTo: { type: 'group', value: 'desktop-support' } },
    { equals: 'software', assignTo: { type: 'group', value: 'app-support' } },
  ],
  default: { type: 'group', value: 'service-desk' },
  reassignOnUpdate: true,
});

/** Monday to Friday, 09:00–17:00 UTC: eight business hours a day. */
const businessHours = {
  timeZone: 'UTC',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
};

const onHold = { field: 'status', values: ['on_hold'] };
const done = { field: 'status', values: ['resolved', 'closed'] };

const type = (key: string, name: string, fields: PackageField[], baseType?: string): PackageRecordType => ({
  key,
  name,
  ...(baseType ? { baseType } : {}),
  fields,
});

export const itsmLite: GraphPackage = {
  key: 'itsm.lite',
  version: '1.0.0',
  name: 'ITSM Lite',
  description:
    'Incidents, problems and change requests on a common task type, with SLAs, assignment by category and P1 escalation',
  choiceLists: [
    {
      key: 'itsm_task_status',
      name: 'Task status',
      items: [
        { value: 'new', label: 'New' },
        { value: 'in_progress', label: 'In progress' },
        { value: 'on_hold', label: 'On hold' },
        { value: 'resolved', label: 'Resolved' },
        { value: 'closed', label: 'Closed' },
      ],
    },
    {
      key: 'itsm_priority',
      name: 'Priority',
      items: [
        { value: 'p1', label: 'P1 – Critical' },
        { value: 'p2', label: 'P2 – High' },
        { value: 'p3', label: 'P3 – Moderate' },
        { value: 'p4', label: 'P4 – Low' },
      ],
    },
    {
      key: 'itsm_category',
      name: 'Category',
      items: [
        { value: 'network', label: 'Network' },
        { value: 'hardware', label: 'Hardware' },
        { value: 'software', label: 'Software' },
        { value: 'other', label: 'Other' },
      ],
    },
    {
      key: 'itsm_change_risk',
      name: 'Change risk',
      items: [
        { value: 'low', label: 'Low' },
        { value: 'medium', label: 'Medium' },
        { value: 'high', label: 'High' },
      ],
    },
  ],
  recordTypes: [
    type('task', 'Task', [
      { name: 'short_description', type: 'string', label: 'Short description', required: true },
      { name: 'description', type: 'text', label: 'Description' },
      {
        name: 'status',
        type: 'choice',
        label: 'Status',
        choiceListKey: 'itsm_task_status',
        defaultValue: 'new',
      },
      {
        name: 'priority',
        type: 'choice',
        label: 'Priority',
        choiceListKey: 'itsm_priority',
        defaultValue: 'p3',
      },
      { name: 'category', type: 'choice', label: 'Category', choiceListKey: 'itsm_category' },
      { name: 'assigned_group', type: 'string', label: 'Assigned group' },
    ]),
    type(
      'incident',
      'Incident',
      [
        { name: 'caller', type: 'string', label: 'Caller' },
        { name: 'resolution_notes', type: 'text', label: 'Resolution notes' },
      ],
      'task',
    ),
    type(
      'problem',
      'Problem',
      [
        { name: 'root_cause', type: 'text', label: 'Root cause' },
        { name: 'workaround', type: 'text', label: 'Workaround' },
      ],
      'task',
    ),
    type(
      'change_request',
      'Change request',
      [
        {
          name: 'risk',
          type: 'choice',
          label: 'Risk',
          choiceListKey: 'itsm_change_risk',
          defaultValue: 'low',
        },
        { name: 'planned_start', type: 'datetime', label: 'Planned start' },
        { name: 'planned_end', type: 'datetime', label: 'Planned end' },
        { name: 'implementation_plan', type: 'text', label: 'Implementation plan' },
      ],
      'task',
    ),
  ],
  // One service level per type (the SLA configuration holds one duration): incidents 4 hours around
  // the clock, problems 5 business days (8-hour days), change requests 2 days around the clock. The
  // clock stops while on hold and is met once resolved or closed.
  slaPolicies: [
    {
      recordTypeKey: 'incident',
      config: { durationMinutes: 4 * 60, warningPercent: 75, pauseWhen: onHold, completeWhen: done },
    },
    {
      recordTypeKey: 'problem',
      config: {
        durationMinutes: 5 * 8 * 60,
        warningPercent: 80,
        pauseWhen: onHold,
        completeWhen: done,
        calendar: businessHours,
      },
    },
    {
      recordTypeKey: 'change_request',
      config: { durationMinutes: 2 * 24 * 60, warningPercent: 80, pauseWhen: onHold, completeWhen: done },
    },
  ],
  assignmentRules: ['incident', 'problem', 'change_request'].map((recordTypeKey) => ({
    recordTypeKey,
    config: byCategory(),
  })),
  workflows: [
    {
      key: 'incident_p1_escalation',
      name: 'P1 incident escalation',
      description:
        'An incident raised to P1 is announced, goes to the major-incident group and needs an incident manager to approve the escalation',
      recordTypeKey: 'incident',
      triggers: [
        {
          triggerType: 'record_event',
          triggerConfig: {
            event: 'record.updated',
            recordTypeKey: 'incident',
            watchFields: ['priority'],
            fieldConditions: [{ field: 'priority', operator: 'changed_to', value: 'p1' }],
          },
        },
      ],
      steps: [
        {
          stepType: 'notification',
          name: 'Announce the major incident',
          config: {
            channel: 'email',
            recipients: ['major-incident', 'incident-managers'],
            template: 'Incident "{{record.short_description}}" is now P1 (category {{record.category}}).',
          },
        },
        {
          stepType: 'assignment',
          name: 'Assign to the major-incident team',
          config: { strategy: 'group', group: 'major-incident' },
        },
        {
          stepType: 'approval',
          name: 'Incident manager approves the escalation',
          config: {
            approvers: { role: 'incident-managers' },
            rule: { type: 'any' },
            deadlineMinutes: 30,
            escalation: { action: 'auto_approve' },
          },
        },
      ],
    },
  ],
};
