import { type Cursor, pageOf } from '@ec3l/db';
import { type RequestContext, Uuid } from '@ec3l/kernel';
import type { RbacService } from '@ec3l/rbac';
import type { TenancyService } from '@ec3l/tenancy';
import { type Static, Type } from '@sinclair/typebox';

export const AuditFeedEntrySchema = Type.Object(
  {
    id: Uuid(),
    source: Type.Union([Type.Literal('rbac'), Type.Literal('telemetry')]),
    timestamp: Type.String({ format: 'date-time' }),
    actorType: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    kind: Type.String({ description: 'The permission decided (rbac) or the event type (telemetry)' }),
    outcome: Type.String({ description: 'allow/deny (rbac) or the event status (telemetry)' }),
    summary: Type.String(),
    entityType: Type.Union([Type.String(), Type.Null()]),
    entityId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditFeedEntry' },
);
export type AuditFeedEntry = Static<typeof AuditFeedEntrySchema>;

export type AuditFeedQuery = {
  limit: number;
  before?: Cursor;
  from?: Date;
  to?: Date;
  /** Also the allow decisions made on read-only requests. */
  includeReads?: boolean;
};

const newestFirst = (a: AuditFeedEntry, b: AuditFeedEntry) =>
  a.timestamp === b.timestamp ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.timestamp < b.timestamp ? 1 : -1;

/**
 * One time-ordered feed over every audit source (authorization decisions, domain events), newest
 * first. Each source is read with the same cursor, so pages never skip or repeat an entry.
 */
export const readAuditFeed = async (
  services: { rbac: RbacService; tenancy: TenancyService },
  ctx: RequestContext,
  query: AuditFeedQuery,
): Promise<{ items: AuditFeedEntry[]; nextCursor: string | null }> => {
  const window = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
  const page = { limit: query.limit + 1, ...(query.before ? { before: query.before } : {}) };
  const [decisions, events] = await Promise.all([
    services.rbac.listAuditLogs(ctx, { ...window, includeReads: query.includeReads ?? false }, page),
    services.tenancy.listTelemetry(ctx, window, page),
  ]);
  const merged: AuditFeedEntry[] = [
    ...decisions.items.map((d) => ({
      id: d.id,
      source: 'rbac' as const,
      timestamp: d.timestamp,
      actorType: d.actorType,
      actorId: d.actorId,
      kind: d.permission,
      outcome: d.outcome,
      summary: d.reason,
      entityType: d.resourceType,
      entityId: d.resourceId,
    })),
    ...events.items.map((e) => ({
      id: e.id,
      source: 'telemetry' as const,
      timestamp: e.timestamp,
      actorType: e.actorType,
      actorId: e.actorId,
      kind: e.eventType,
      outcome: e.status,
      summary: e.errorMessage ?? `${e.eventType} ${e.status}`,
      entityType: null,
      entityId: e.executionId,
    })),
  ].sort(newestFirst);
  return pageOf(merged, query.limit, (e) => ({ createdAt: e.timestamp, id: e.id }));
};
