import type { GraphPackage, PackageField, PackageRecordType } from '@ec3l/graph-packages';
import { isReservedName } from './guard.js';

/**
 * The stub model's templates: keyword-matched domains, each a small app of record types with a status
 * list, an SLA and an assignment group. Pure and deterministic: the same prompt, app name and variant
 * index give the same package, byte for byte, and variants differ by index.
 */

type Template = {
  domain: string;
  keywords: readonly string[];
  name: string;
  group: string;
  slaMinutes: number;
  types: { key: string; name: string; fields: PackageField[] }[];
  statuses: readonly [string, string][];
};

const TEMPLATES: readonly Template[] = [
  {
    domain: 'people',
    keywords: ['hr', 'employee', 'onboarding', 'leave', 'vacation', 'hiring', 'recruit', 'staff'],
    name: 'People requests',
    group: 'people-ops',
    slaMinutes: 2880,
    statuses: [
      ['submitted', 'Submitted'],
      ['approved', 'Approved'],
      ['rejected', 'Rejected'],
    ],
    types: [
      {
        key: 'vibe_employee_request',
        name: 'Employee request',
        fields: [
          { name: 'employee_name', type: 'string', label: 'Employee', required: true },
          { name: 'request_type', type: 'string', label: 'Request type' },
          { name: 'start_date', type: 'date', label: 'Start date' },
          { name: 'details', type: 'text', label: 'Details' },
        ],
      },
    ],
  },
  {
    domain: 'service_desk',
    keywords: ['incident', 'itsm', 'ticket', 'outage', 'helpdesk', 'help desk', 'service desk', 'support'],
    name: 'Service desk',
    group: 'service-desk',
    slaMinutes: 240,
    statuses: [
      ['new', 'New'],
      ['in_progress', 'In progress'],
      ['resolved', 'Resolved'],
    ],
    types: [
      {
        key: 'vibe_ticket',
        name: 'Ticket',
        fields: [
          { name: 'short_description', type: 'string', label: 'Short description', required: true },
          { name: 'description', type: 'text', label: 'Description' },
          { name: 'priority', type: 'number', label: 'Priority' },
          { name: 'caller', type: 'string', label: 'Caller' },
        ],
      },
    ],
  },
  {
    domain: 'asset',
    keywords: ['asset', 'inventory', 'laptop', 'device', 'equipment', 'hardware'],
    name: 'Asset register',
    group: 'asset-management',
    slaMinutes: 1440,
    statuses: [
      ['in_stock', 'In stock'],
      ['in_use', 'In use'],
      ['retired', 'Retired'],
    ],
    types: [
      {
        key: 'vibe_asset',
        name: 'Asset',
        fields: [
          { name: 'asset_tag', type: 'string', label: 'Asset tag', required: true },
          { name: 'model', type: 'string', label: 'Model' },
          { name: 'purchased_on', type: 'date', label: 'Purchased on' },
          { name: 'cost', type: 'number', label: 'Cost' },
        ],
      },
    ],
  },
  {
    domain: 'vendor',
    keywords: ['vendor', 'supplier', 'procurement', 'contract', 'purchase'],
    name: 'Vendor management',
    group: 'procurement',
    slaMinutes: 4320,
    statuses: [
      ['prospect', 'Prospect'],
      ['active', 'Active'],
      ['offboarded', 'Offboarded'],
    ],
    types: [
      {
        key: 'vibe_vendor',
        name: 'Vendor',
        fields: [
          { name: 'vendor_name', type: 'string', label: 'Vendor name', required: true },
          { name: 'contact_email', type: 'string', label: 'Contact email' },
          { name: 'contract_end', type: 'date', label: 'Contract end' },
          { name: 'preferred', type: 'boolean', label: 'Preferred' },
        ],
      },
    ],
  },
  {
    domain: 'expense',
    keywords: ['expense', 'reimburse', 'receipt', 'travel', 'spend'],
    name: 'Expense claims',
    group: 'finance',
    slaMinutes: 2880,
    statuses: [
      ['submitted', 'Submitted'],
      ['approved', 'Approved'],
      ['paid', 'Paid'],
    ],
    types: [
      {
        key: 'vibe_expense_claim',
        name: 'Expense claim',
        fields: [
          { name: 'claimant', type: 'string', label: 'Claimant', required: true },
          { name: 'amount', type: 'number', label: 'Amount', required: true },
          { name: 'spent_on', type: 'date', label: 'Spent on' },
          { name: 'purpose', type: 'text', label: 'Purpose' },
        ],
      },
    ],
  },
  {
    domain: 'facilities',
    keywords: ['facilit', 'building', 'maintenance', 'office', 'room', 'repair'],
    name: 'Facilities requests',
    group: 'facilities',
    slaMinutes: 1440,
    statuses: [
      ['open', 'Open'],
      ['scheduled', 'Scheduled'],
      ['done', 'Done'],
    ],
    types: [
      {
        key: 'vibe_facility_request',
        name: 'Facility request',
        fields: [
          { name: 'location', type: 'string', label: 'Location', required: true },
          { name: 'issue', type: 'text', label: 'Issue' },
          { name: 'urgent', type: 'boolean', label: 'Urgent' },
          { name: 'visit_at', type: 'datetime', label: 'Visit at' },
        ],
      },
    ],
  },
];

const GENERIC: Template = {
  domain: 'generic',
  keywords: [],
  name: 'Tracker',
  group: 'operations',
  slaMinutes: 1440,
  statuses: [
    ['open', 'Open'],
    ['in_progress', 'In progress'],
    ['closed', 'Closed'],
  ],
  types: [
    {
      key: 'vibe_item',
      name: 'Item',
      fields: [
        { name: 'title', type: 'string', label: 'Title', required: true },
        { name: 'description', type: 'text', label: 'Description' },
        { name: 'due_on', type: 'date', label: 'Due on' },
      ],
    },
  ],
};

/** Extra fields variants add, one more per index. */
const VARIANT_FIELDS: readonly PackageField[] = [
  { name: 'notes', type: 'text', label: 'Notes' },
  { name: 'reference_code', type: 'string', label: 'Reference code' },
  { name: 'reviewed', type: 'boolean', label: 'Reviewed' },
  { name: 'closed_at', type: 'datetime', label: 'Closed at' },
];

/** The template whose keyword appears first in the prompt (generic when none does). */
export const matchTemplate = (prompt: string): Template => {
  const text = prompt.toLowerCase();
  let best: { template: Template; at: number } | null = null;
  for (const template of TEMPLATES)
    for (const keyword of template.keywords) {
      const at = text.indexOf(keyword);
      if (at >= 0 && (!best || at < best.at)) best = { template, at };
    }
  return best?.template ?? GENERIC;
};

/** A lower snake-case slug of free text (at most 40 characters), empty when nothing is left. */
const slugOf = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');

const titleOf = (text: string) => text.trim().replace(/\s+/g, ' ').slice(0, 120);

/** The stub's package for a prompt: its template, named after the app, varied by index. */
export const stubPackage = (
  prompt: string,
  appName: string | undefined,
  variantIndex: number,
): GraphPackage => {
  const template = matchTemplate(prompt);
  const named = slugOf(appName ?? '') || template.domain;
  // An app called "HR" must not take a built-in's prefix: its key becomes vibe.app_hr.
  const slug = isReservedName(named) ? `app_${named}` : named;
  const statusList = `vibe_${template.domain}_status`;
  const extra = VARIANT_FIELDS.slice(0, Math.max(0, Math.min(variantIndex, VARIANT_FIELDS.length)));
  const recordTypes: PackageRecordType[] = template.types.map((t) => ({
    key: t.key,
    name: t.name,
    fields: [
      ...t.fields,
      {
        name: 'status',
        type: 'choice',
        label: 'Status',
        choiceListKey: statusList,
        defaultValue: template.statuses[0]![0],
      },
      ...extra,
    ],
  }));
  const primary = recordTypes[0]!;
  const done = template.statuses[template.statuses.length - 1]![0];
  return {
    key: `vibe.${slug}`,
    version: '0.1.0',
    name: titleOf(appName ?? '') || template.name,
    description: `Generated from: ${titleOf(prompt)}`,
    choiceLists: [
      {
        key: statusList,
        name: `${template.name} status`,
        items: template.statuses.map(([value, label]) => ({ value, label })),
      },
    ],
    recordTypes,
    slaPolicies: [
      {
        recordTypeKey: primary.key,
        config: {
          durationMinutes: template.slaMinutes * (1 + variantIndex),
          completeWhen: { field: 'status', values: [done] },
        },
      },
    ],
    assignmentRules: [
      {
        recordTypeKey: primary.key,
        config: {
          type: 'static_group',
          value: variantIndex === 0 ? template.group : `${template.group}-${variantIndex + 1}`,
        },
      },
    ],
  };
};

const bumpPatch = (version: string): string => {
  const [major, minor, patch] = version.split(/[.-]/).map((p) => Number.parseInt(p, 10));
  return `${major || 0}.${minor || 0}.${(patch || 0) + 1}`;
};

/**
 * The stub's refinement: reads "add a <name> field", "remove <name> field", "sla <n> hours|minutes|days"
 * and "assign to <group>" from the prompt and applies them to the first record type; with none of them,
 * adds a notes field. The version's patch number goes up.
 */
export const stubRefine = (previous: GraphPackage, prompt: string): GraphPackage => {
  const next = structuredClone(previous);
  next.version = bumpPatch(previous.version);
  const target = next.recordTypes[0];
  if (!target) return next;
  const text = prompt.toLowerCase();
  let changed = false;
  for (const m of text.matchAll(
    /add (?:an? )?(?:field )?([a-z][a-z0-9_ ]{0,40}?) field|add field ([a-z][a-z0-9_]{0,40})/g,
  )) {
    const name = slugOf(m[1] ?? m[2] ?? '');
    if (name && !target.fields.some((f) => f.name === name)) {
      target.fields.push({ name, type: 'string', label: name.replace(/_/g, ' ') });
      changed = true;
    }
  }
  for (const m of text.matchAll(/remove (?:the )?(?:field )?([a-z][a-z0-9_]{0,62})(?: field)?/g)) {
    const name = m[1]!;
    if (target.fields.length > 1 && target.fields.some((f) => f.name === name) && name !== 'status') {
      target.fields = target.fields.filter((f) => f.name !== name);
      changed = true;
    }
  }
  const sla = /sla (?:of )?(\d{1,6}) ?(minute|hour|day)s?/.exec(text);
  if (sla) {
    const unit = { minute: 1, hour: 60, day: 1440 }[sla[2] as 'minute' | 'hour' | 'day'];
    const minutes = Math.min(525_600, Math.max(1, Number(sla[1]) * unit));
    const policies = (next.slaPolicies ?? []).filter((p) => p.recordTypeKey !== target.key);
    const old = next.slaPolicies?.find((p) => p.recordTypeKey === target.key);
    next.slaPolicies = [
      ...policies,
      { recordTypeKey: target.key, config: { ...old?.config, durationMinutes: minutes } },
    ];
    changed = true;
  }
  const group = /assign(?:ed)? to ([a-z][a-z0-9-]{0,60})/.exec(text);
  if (group) {
    const rules = (next.assignmentRules ?? []).filter((r) => r.recordTypeKey !== target.key);
    next.assignmentRules = [
      ...rules,
      { recordTypeKey: target.key, config: { type: 'static_group', value: group[1]! } },
    ];
    changed = true;
  }
  if (!changed && !target.fields.some((f) => f.name === 'notes'))
    target.fields.push({ name: 'notes', type: 'text', label: 'Notes' });
  return next;
};

/** A form patch op the stub proposes (the forms service's FormPatchOp shape). */
export type StubFormPatchOp =
  | { op: 'toggleRequired' | 'toggleReadOnly' | 'toggleVisible'; field: string; value: boolean }
  | { op: 'moveField'; field: string; orderIndex: number };

/**
 * The stub's form patch: "make X required|optional|read-only|editable|hidden|visible" and "move X to
 * position N", for fields the form has (matched by name or label, spaces as underscores).
 */
export const stubFormPatch = (prompt: string, fields: readonly string[]): StubFormPatchOp[] => {
  const text = prompt.toLowerCase();
  const known = new Set(fields);
  const ops: StubFormPatchOp[] = [];
  const fieldOf = (raw: string) => {
    const name = slugOf(raw);
    return known.has(name) ? name : null;
  };
  const flags: [RegExp, StubFormPatchOp['op'], boolean][] = [
    [/make (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?required/g, 'toggleRequired', true],
    [/make (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?optional/g, 'toggleRequired', false],
    [/make (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?read[- ]?only/g, 'toggleReadOnly', true],
    [/make (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?editable/g, 'toggleReadOnly', false],
    [/hide (?:the )?([a-z][a-z0-9_ ]{0,60}?)(?: field)?(?=$|[,.;]| and )/g, 'toggleVisible', false],
    [/make (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?hidden/g, 'toggleVisible', false],
    [/(?:show|make) (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?visible/g, 'toggleVisible', true],
  ];
  for (const [pattern, op, value] of flags)
    for (const m of text.matchAll(pattern)) {
      const field = fieldOf(m[1]!);
      if (field && !ops.some((o) => o.op === op && o.field === field))
        ops.push({ op, field, value } as StubFormPatchOp);
    }
  for (const m of text.matchAll(
    /move (?:the )?([a-z][a-z0-9_ ]{0,60}?) (?:field )?to (?:position )?(\d{1,3})/g,
  )) {
    const field = fieldOf(m[1]!);
    if (field) ops.push({ op: 'moveField', field, orderIndex: Number(m[2]) });
  }
  return ops;
};
