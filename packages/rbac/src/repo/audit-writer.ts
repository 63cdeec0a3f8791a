import { perTenant, prepared } from '@ec3l/db';
import { createBatcher, WRITE_BEHIND_WINDOW_MS } from '@ec3l/kernel';
import { type Kysely, sql } from 'kysely';
import type { AuditLogRow, RbacTables } from '../tables.js';

export type AuditWriter = {
  /** Queues an entry; it is written with the others queued within the same few milliseconds. */
  write(row: AuditLogRow): void;
  /** Resolves once every entry queued so far is written (or reported as failed). */
  drain(): Promise<void>;
};

/**
 * Writes audit entries off the request path: entries queued within `WRITE_BEHIND_WINDOW_MS` of each
 * other go to the database in one statement, so a decision never waits for a commit. A failed
 * write is reported, never thrown. Readers in the same process call drain() first, so they always see
 * their own decisions.
 */
export const createAuditWriter = (db: Kysely<RbacTables>, onError: (error: unknown) => void): AuditWriter => {
  const insert = async (batch: AuditLogRow[]) => {
    await sql`${prepared}
      insert into rbac_audit_logs (tenant_id, id, actor_type, actor_id, permission, resource_type, resource_id,
                                   outcome, reason, timestamp, kind)
      select r.tenant_id, r.id, r.actor_type, r.actor_id, r.permission, r.resource_type, r.resource_id,
             r.outcome, r.reason, r.timestamp, r.kind
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(
        tenant_id uuid, id uuid, actor_type text, actor_id text, permission text, resource_type text,
        resource_id text, outcome text, reason text, timestamp timestamptz, kind text)`.execute(db);
  };
  // Entries of several tenants' requests share a batch: one statement per tenant, each in its scope.
  const batcher = createBatcher<AuditLogRow>((batch) => perTenant(batch, (row) => row.tenant_id, insert), {
    windowMs: WRITE_BEHIND_WINDOW_MS,
  });
  const reported = new WeakSet<Promise<void>>();
  return {
    write(row) {
      const flushed = batcher.add(row);
      // One report per failed batch, however many entries it held.
      if (!reported.has(flushed)) {
        reported.add(flushed);
        flushed.catch((error) => {
          try {
            onError(error);
          } catch {
            // a failing reporter must not break the writer
          }
        });
      }
    },
    drain: () => batcher.drain(),
  };
};
