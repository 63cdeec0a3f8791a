import type { GraphPackage } from '../package/schema.js';

/**
 * HR Lite: departments, positions and employees, with an onboarding workflow. A new employee starts
 * in status onboarding; an HR manager approves the onboarding, the employee becomes active and the
 * HR operations group is told. New employee records go to the hr-ops group.
 */
export const hrLite: GraphPackage = {
  key: 'hr.lite',
  version: '1.0.0',
  name: 'HR Lite',
  description: 'Departments, positions and employees, with an onboarding workflow approved by HR managers',
  choiceLists: [
    {
      key: 'hr_employee_status',
      name: 'Employee status',
      items: [
        { value: 'onboarding', label: 'Onboarding' },
        { value: 'active', label: 'Active' },
        { value: 'left', label: 'Left' },
      ],
    },
    {
      key: 'hr_position_grade',
      name: 'Position grade',
      items: [
        { value: 'junior', label: 'Junior' },
        { value: 'mid', label: 'Mid-level' },
        { value: 'senior', label: 'Senior' },
        { value: 'lead', label: 'Lead' },
        { value: 'executive', label: 'Executive' },
      ],
    },
  ],
  recordTypes: [
    {
      key: 'department',
      name: 'Department',
      fields: [
        { name: 'name', type: 'string', label: 'Name', required: true },
        { name: 'code', type: 'string', label: 'Code', required: true },
        { name: 'manager', type: 'string', label: 'Manager' },
      ],
    },
    {
      key: 'position',
      name: 'Position',
      fields: [
        { name: 'title', type: 'string', label: 'Title', required: true },
        {
          name: 'department',
          type: 'reference',
          label: 'Department',
          referenceRecordTypeKey: 'department',
        },
        { name: 'grade', type: 'choice', label: 'Grade', choiceListKey: 'hr_position_grade' },
      ],
    },
    {
      key: 'employee',
      name: 'Employee',
      fields: [
        { name: 'full_name', type: 'string', label: 'Full name', required: true },
        { name: 'email', type: 'string', label: 'Email', required: true },
        {
          name: 'department',
          type: 'reference',
          label: 'Department',
          referenceRecordTypeKey: 'department',
        },
        { name: 'position', type: 'reference', label: 'Position', referenceRecordTypeKey: 'position' },
        { name: 'start_date', type: 'date', label: 'Start date' },
        {
          name: 'status',
          type: 'choice',
          label: 'Status',
          choiceListKey: 'hr_employee_status',
          defaultValue: 'onboarding',
        },
      ],
    },
  ],
  assignmentRules: [{ recordTypeKey: 'employee', config: { type: 'static_group', value: 'hr-ops' } }],
  workflows: [
    {
      key: 'employee_onboarding',
      name: 'Employee onboarding',
      description: 'A new employee is approved by an HR manager, becomes active, and HR operations is told',
      recordTypeKey: 'employee',
      triggers: [
        {
          triggerType: 'record_event',
          triggerConfig: { event: 'record.created', recordTypeKey: 'employee' },
        },
      ],
      steps: [
        {
          stepType: 'approval',
          name: 'HR manager approves the onboarding',
          config: {
            approvers: { role: 'hr-managers' },
            rule: { type: 'any' },
            deadlineMinutes: 4320,
            escalation: { action: 'reassign', approvers: { role: 'Admin' } },
          },
        },
        {
          stepType: 'record_mutation',
          name: 'Mark the employee active',
          config: { updates: { status: 'active' } },
        },
        {
          stepType: 'notification',
          name: 'Tell HR operations',
          config: {
            channel: 'email',
            recipients: ['hr-ops'],
            template:
              'Onboarding of {{record.full_name}} ({{record.email}}) is approved; start date {{record.start_date}}.',
          },
        },
      ],
    },
  ],
};
