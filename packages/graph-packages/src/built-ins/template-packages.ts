import type { GraphPackage, PackageField, PackageWorkflow } from '../package/schema.js';
import { hrLite } from './hr-lite.js';

/**
 * HR Lite 1.1.0: 1.0.0 plus a work phone on employees and a location on departments, so an installed
 * HR app has a newer version to upgrade to (the install engine edits the owned record types in one change).
 */
const hrLite11: GraphPackage = {
  ...hrLite,
  version: '1.1.0',
  recordTypes: hrLite.recordTypes.map((t) =>
    t.key === 'employee'
      ? { ...t, fields: [...t.fields, { name: 'phone', type: 'string', label: 'Work phone' }] }
      : t.key === 'department'
        ? { ...t, fields: [...t.fields, { name: 'location', type: 'string', label: 'Location' }] }
        : t,
  ),
};

/** The status field of a template's main record type: a choice from its status list. */
const statusField = (choiceListKey: string, defaultValue: string): PackageField => ({
  name: 'status',
  type: 'choice',
  label: 'Status',
  choiceListKey,
  defaultValue,
});

/**
 * A workflow every new record of the type starts: one approval by any holder of a role, then the record's
 * status moves on.
 */
const approvalOnCreate = (w: {
  key: string;
  name: string;
  description: string;
  recordTypeKey: string;
  approverRole: string;
  approvalStep: string;
  statusStep: string;
  approvedStatus: string;
}): PackageWorkflow => ({
  key: w.key,
  name: w.name,
  description: w.description,
  recordTypeKey: w.recordTypeKey,
  triggers: [
    {
      triggerType: 'record_event',
      triggerConfig: { event: 'record.created', recordTypeKey: w.recordTypeKey },
    },
  ],
  steps: [
    {
      stepType: 'approval',
      name: w.approvalStep,
      config: { approvers: { role: w.approverRole }, rule: { type: 'any' } },
    },
    { stepType: 'record_mutation', name: w.statusStep, config: { updates: { status: w.approvedStatus } } },
  ],
});

/** Finance Lite: budgets and expense reports, with an expense approval by a finance manager. */
const financeLite: GraphPackage = {
  key: 'finance.lite',
  version: '1.0.0',
  name: 'Finance Lite',
  description: 'Budgets and expense reports, with an approval of each submitted expense report',
  choiceLists: [
    {
      key: 'fin_expense_status',
      name: 'Expense status',
      items: [
        { value: 'submitted', label: 'Submitted' },
        { value: 'approved', label: 'Approved' },
        { value: 'paid', label: 'Paid' },
      ],
    },
  ],
  recordTypes: [
    {
      key: 'budget',
      name: 'Budget',
      fields: [
        { name: 'name', type: 'string', label: 'Name', required: true },
        { name: 'fiscal_year', type: 'number', label: 'Fiscal year', required: true },
        { name: 'amount', type: 'number', label: 'Amount' },
      ],
    },
    {
      key: 'expense_report',
      name: 'Expense report',
      fields: [
        { name: 'title', type: 'string', label: 'Title', required: true },
        { name: 'amount', type: 'number', label: 'Amount', required: true },
        { name: 'currency', type: 'string', label: 'Currency' },
        { name: 'budget', type: 'reference', label: 'Budget', referenceRecordTypeKey: 'budget' },
        statusField('fin_expense_status', 'submitted'),
      ],
    },
  ],
  assignmentRules: [
    { recordTypeKey: 'expense_report', config: { type: 'static_group', value: 'finance-ops' } },
  ],
  workflows: [
    approvalOnCreate({
      key: 'expense_approval',
      name: 'Expense approval',
      description: 'A submitted expense report is approved by a finance manager and marked approved',
      recordTypeKey: 'expense_report',
      approverRole: 'finance-managers',
      approvalStep: 'Finance manager approves the expense',
      statusStep: 'Mark the expense approved',
      approvedStatus: 'approved',
    }),
  ],
};

/** Legal Lite: contracts and legal matters, with a review of each new contract by counsel. */
const legalLite: GraphPackage = {
  key: 'legal.lite',
  version: '1.0.0',
  name: 'Legal Lite',
  description: 'Contracts and legal matters, with a counsel review of each new contract',
  choiceLists: [
    {
      key: 'legal_contract_status',
      name: 'Contract status',
      items: [
        { value: 'draft', label: 'Draft' },
        { value: 'in_review', label: 'In review' },
        { value: 'signed', label: 'Signed' },
        { value: 'expired', label: 'Expired' },
      ],
    },
  ],
  recordTypes: [
    {
      key: 'legal_matter',
      name: 'Legal matter',
      fields: [
        { name: 'title', type: 'string', label: 'Title', required: true },
        { name: 'description', type: 'text', label: 'Description' },
      ],
    },
    {
      key: 'contract',
      name: 'Contract',
      fields: [
        { name: 'title', type: 'string', label: 'Title', required: true },
        { name: 'counterparty', type: 'string', label: 'Counterparty', required: true },
        { name: 'value', type: 'number', label: 'Value' },
        { name: 'renewal_date', type: 'date', label: 'Renewal date' },
        { name: 'matter', type: 'reference', label: 'Matter', referenceRecordTypeKey: 'legal_matter' },
        statusField('legal_contract_status', 'draft'),
      ],
    },
  ],
  workflows: [
    approvalOnCreate({
      key: 'contract_review',
      name: 'Contract review',
      description: 'Counsel reviews a new contract; approved, it moves to in review for signature',
      recordTypeKey: 'contract',
      approverRole: 'counsel',
      approvalStep: 'Counsel reviews the contract',
      statusStep: 'Move the contract to review',
      approvedStatus: 'in_review',
    }),
  ],
};

/** Facilities Lite: sites and maintenance requests, assigned to facilities operations. */
const facilitiesLite: GraphPackage = {
  key: 'facilities.lite',
  version: '1.0.0',
  name: 'Facilities Lite',
  description: 'Sites and maintenance requests, assigned to facilities operations',
  choiceLists: [
    {
      key: 'fac_request_status',
      name: 'Maintenance status',
      items: [
        { value: 'open', label: 'Open' },
        { value: 'scheduled', label: 'Scheduled' },
        { value: 'done', label: 'Done' },
      ],
    },
  ],
  recordTypes: [
    {
      key: 'site',
      name: 'Site',
      fields: [
        { name: 'name', type: 'string', label: 'Name', required: true },
        { name: 'address', type: 'text', label: 'Address' },
      ],
    },
    {
      key: 'maintenance_request',
      name: 'Maintenance request',
      fields: [
        { name: 'summary', type: 'string', label: 'Summary', required: true },
        { name: 'site', type: 'reference', label: 'Site', referenceRecordTypeKey: 'site' },
        { name: 'urgent', type: 'boolean', label: 'Urgent' },
        statusField('fac_request_status', 'open'),
      ],
    },
  ],
  assignmentRules: [
    { recordTypeKey: 'maintenance_request', config: { type: 'static_group', value: 'facilities-ops' } },
  ],
};

/** The Custom starter: an empty package, the start of an app the tenant builds itself. */
const customStarter: GraphPackage = {
  key: 'custom.starter',
  version: '1.0.0',
  name: 'Custom starter',
  description: 'An empty app to build on',
  recordTypes: [],
};

/** The package versions the template catalog installs (besides the built-ins hr.lite and itsm.lite 1.0.0). */
export const templatePackages: readonly GraphPackage[] = [
  hrLite11,
  financeLite,
  legalLite,
  facilitiesLite,
  customStarter,
];
