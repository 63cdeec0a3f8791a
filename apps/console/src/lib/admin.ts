/** The admin console's sections and the filters of its log tables (pure, no DOM). */

export const ADMIN_SECTIONS = [
  { key: 'tenants', label: 'Tenants' },
  { key: 'users', label: 'Users' },
  { key: 'access', label: 'Access' },
  { key: 'choice-lists', label: 'Choice lists' },
  { key: 'audit', label: 'Audit log' },
  { key: 'telemetry', label: 'Telemetry' },
  { key: 'workflows', label: 'Workflows' },
  { key: 'approvals', label: 'Approvals' },
  { key: 'apps', label: 'Apps' },
  { key: 'overrides', label: 'Overrides' },
  { key: 'changes', label: 'Changes' },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['key'];

/** Where /admin leads. */
export const FIRST_ADMIN_SECTION: AdminSection = ADMIN_SECTIONS[0].key;

export const isAdminSection = (value: string): value is AdminSection =>
  ADMIN_SECTIONS.some((section) => section.key === value);

export const adminSectionLabel = (section: AdminSection): string =>
  ADMIN_SECTIONS.find((s) => s.key === section)?.label ?? section;

/** A filter that is either ready to send or a message for the user. */
export type Parsed<T> = { ok: true; query: T } | { ok: false; error: string };

export type DateRangeQuery = { from?: string; to?: string };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-11-25` → its UTC midnight, or null when it is not a calendar day. */
const utcMidnight = (day: string): Date | null => {
  const match = DAY_RE.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
};

/**
 * Two calendar days (as `<input type="date">` gives them, UTC like every date the console shows) → the
 * API's window: `from` at the start of the first day (inclusive), `to` at the end of the last day (the
 * API's `to` is exclusive, so the next midnight). Either may be blank.
 */
export const parseDateRange = (from: string, to: string): Parsed<DateRangeQuery> => {
  const query: DateRangeQuery = {};
  const start = from.trim() === '' ? null : utcMidnight(from.trim());
  const end = to.trim() === '' ? null : utcMidnight(to.trim());
  if (from.trim() !== '' && !start) return { ok: false, error: `"${from}" is not a date (YYYY-MM-DD)` };
  if (to.trim() !== '' && !end) return { ok: false, error: `"${to}" is not a date (YYYY-MM-DD)` };
  if (start && end && start > end) return { ok: false, error: 'The start date is after the end date' };
  if (start) query.from = start.toISOString();
  if (end) query.to = new Date(end.getTime() + DAY_MS).toISOString();
  return { ok: true, query };
};

export type AuditLogFilters = {
  actorId: string;
  actorType: '' | 'user' | 'agent' | 'system';
  outcome: '' | 'allow' | 'deny';
  permission: string;
  from: string;
  to: string;
};

export const EMPTY_AUDIT_LOG_FILTERS: AuditLogFilters = {
  actorId: '',
  actorType: '',
  outcome: '',
  permission: '',
  from: '',
  to: '',
};

export type AuditLogQuery = DateRangeQuery & {
  actorId?: string;
  actorType?: 'user' | 'agent' | 'system';
  outcome?: 'allow' | 'deny';
  permission?: string;
};

/** The query string of GET /api/rbac/audit-logs for the filters: blanks left out, values trimmed. */
export const auditLogQuery = (filters: AuditLogFilters): Parsed<AuditLogQuery> => {
  const range = parseDateRange(filters.from, filters.to);
  if (!range.ok) return range;
  const query: AuditLogQuery = { ...range.query };
  const actorId = filters.actorId.trim();
  const permission = filters.permission.trim();
  if (actorId.length > 200) return { ok: false, error: 'Actor ID is at most 200 characters' };
  if (actorId) query.actorId = actorId;
  if (filters.actorType) query.actorType = filters.actorType;
  if (filters.outcome) query.outcome = filters.outcome;
  if (permission) query.permission = permission;
  return { ok: true, query };
};

export type TelemetryFilters = { eventType: string; from: string; to: string };

export const EMPTY_TELEMETRY_FILTERS: TelemetryFilters = { eventType: '', from: '', to: '' };

export type TelemetryQuery = DateRangeQuery & { eventType?: string };

/** The query string of GET /api/admin/execution-telemetry for the filters. */
export const telemetryQuery = (filters: TelemetryFilters): Parsed<TelemetryQuery> => {
  const range = parseDateRange(filters.from, filters.to);
  if (!range.ok) return range;
  const eventType = filters.eventType.trim();
  if (eventType.length > 100) return { ok: false, error: 'Event type is at most 100 characters' };
  return { ok: true, query: eventType ? { ...range.query, eventType } : range.query };
};

/** How many filters are set (for the "n filters" hint and the Reset button). */
export const countActiveFilters = (filters: Record<string, string>): number =>
  Object.values(filters).filter((value) => value.trim() !== '').length;

/** One user and the roles they hold, for the Users section. */
export type UserAssignments = {
  userId: string;
  roles: { roleId: string; roleName: string; roleStatus: 'active' | 'disabled'; assignedAt: string }[];
};

/** Assignments (as GET /api/rbac/user-roles lists them) grouped by user, users in id order. */
export const groupByUser = (
  assignments: readonly {
    userId: string;
    roleId: string;
    roleName: string;
    roleStatus: 'active' | 'disabled';
    assignedAt: string;
  }[],
): UserAssignments[] => {
  const byUser = new Map<string, UserAssignments>();
  for (const { userId, ...role } of assignments) {
    const entry = byUser.get(userId) ?? { userId, roles: [] };
    entry.roles.push(role);
    byUser.set(userId, entry);
  }
  return [...byUser.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
};

/** Domain events whose subject (`executionId`) is a change record. */
const CHANGE_EVENTS = new Set([
  'execution_started',
  'execution_completed',
  'execution_failed',
  'graph.diff_computed',
  'graph.validation_failed',
  'graph.validation_succeeded',
]);

/**
 * The console page of a log row's subject, or null when it has none: a change (`change` resources of
 * access decisions; execution, validation and diff events), a project (`project.*` events) or a record
 * type (`record_type.*` events, through /record-types/:id, which finds its project).
 */
export const entityHref = (
  subject: { eventType: string } | { resourceType: string | null },
  id: string | null,
): string | null => {
  if (!id) return null;
  const path = encodeURIComponent(id);
  if ('resourceType' in subject) return subject.resourceType === 'change' ? `/changes/${path}` : null;
  const type = subject.eventType;
  if (CHANGE_EVENTS.has(type) || type.startsWith('change.')) return `/changes/${path}`;
  if (type.startsWith('project.')) return `/projects/${path}`;
  if (type.startsWith('record_type.')) return `/record-types/${path}`;
  return null;
};
