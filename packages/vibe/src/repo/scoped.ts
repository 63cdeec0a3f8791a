import { afterCursor, assertTenantScope, type Cursor, lockRowById } from '@ec3l/db';
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DraftRow, DraftVersionRow, GenerationRow, VibeTables } from '../tables.js';

type Db = Kysely<VibeTables> | Transaction<VibeTables>;
type T = VibeTables;

/** Queries on one tenant's vibe data; every query carries the tenant filter. */
export const forTenant = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    insertDraft: (row: Omit<Insertable<T['vibe_package_drafts']>, 'tenant_id'>): Promise<DraftRow> =>
      db
        .insertInto('vibe_package_drafts')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    findDraft: (id: string): Promise<DraftRow | undefined> =>
      db
        .selectFrom('vibe_package_drafts')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Newest first, on (created_at, id). */
    listDrafts: (
      filter: { projectId?: string },
      page: { limit: number; after?: Cursor },
    ): Promise<DraftRow[]> => {
      let query = db.selectFrom('vibe_package_drafts').selectAll().where('tenant_id', '=', tenantId);
      if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
      if (page.after) query = query.where(afterCursor(page.after));
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
    },

    updateDraft: (id: string, patch: Updateable<T['vibe_package_drafts']>): Promise<DraftRow> =>
      db
        .updateTable('vibe_package_drafts')
        .set({ ...patch, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertVersion: (
      row: Omit<Insertable<T['vibe_package_draft_versions']>, 'tenant_id'>,
    ): Promise<DraftVersionRow> =>
      db
        .insertInto('vibe_package_draft_versions')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    findVersion: (draftId: string, versionNumber: number): Promise<DraftVersionRow | undefined> =>
      db
        .selectFrom('vibe_package_draft_versions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('draft_id', '=', draftId)
        .where('version_number', '=', versionNumber)
        .executeTakeFirst(),

    /** Oldest first, by version number. */
    listVersions: (
      draftId: string,
      page: { limit: number; afterVersion?: number },
    ): Promise<DraftVersionRow[]> =>
      db
        .selectFrom('vibe_package_draft_versions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('draft_id', '=', draftId)
        .where('version_number', '>', page.afterVersion ?? 0)
        .orderBy('version_number')
        .limit(page.limit)
        .execute(),

    updateVersionPreview: (
      draftId: string,
      versionNumber: number,
      diff: string | null,
      errors: string | null,
    ) =>
      db
        .updateTable('vibe_package_draft_versions')
        .set({ preview_diff: diff, preview_errors: errors })
        .where('tenant_id', '=', tenantId)
        .where('draft_id', '=', draftId)
        .where('version_number', '=', versionNumber)
        .execute(),

    insertGeneration: (row: Omit<Insertable<T['vibe_generations']>, 'tenant_id'>): Promise<GenerationRow> =>
      db
        .insertInto('vibe_generations')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    listGenerations: (draftId: string): Promise<GenerationRow[]> =>
      db
        .selectFrom('vibe_generations')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('draft_id', '=', draftId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
  };
};

/** Row locks of vibe data; every mutation of a draft holds its row until it commits. */
export const vibeLocks = (trx: Transaction<VibeTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    lockDraft: (id: string): Promise<DraftRow | undefined> =>
      lockRowById(trx, 'vibe_package_drafts', tenantId, id),
  };
};
