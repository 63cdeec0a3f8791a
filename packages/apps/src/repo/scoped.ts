import { afterCursor, assertTenantScope, type Cursor } from '@ec3l/db';
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { OverrideStatus, OverrideType } from '../core/overrides.js';
import type {
  AppsTables,
  InstallEventRow,
  InstalledAppRow,
  InstalledModuleRow,
  OverrideRow,
  TemplateModuleRow,
  TemplateRow,
} from '../tables.js';

type Db = Kysely<AppsTables> | Transaction<AppsTables>;
type T = AppsTables;
type Page = { limit: number; after?: Cursor };

/** The global template catalog (no tenant). */
export const templatesRepo = (db: Db) => ({
  listTemplates: (): Promise<TemplateRow[]> =>
    db.selectFrom('templates').selectAll().orderBy('key').orderBy('created_at').orderBy('id').execute(),

  findTemplate: (id: string): Promise<TemplateRow | undefined> =>
    db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst(),

  listTemplateModules: (templateIds: readonly string[]): Promise<TemplateModuleRow[]> =>
    templateIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('template_modules')
          .selectAll()
          .where('template_id', 'in', [...templateIds])
          .orderBy('template_id')
          .orderBy('order_index')
          .execute(),

  findTemplateModules: (ids: readonly string[]): Promise<TemplateModuleRow[]> =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('template_modules')
          .selectAll()
          .where('id', 'in', [...ids])
          .execute(),
});

/** Queries on one tenant's apps, modules, events and overrides; every query carries the tenant filter. */
export const forTenant = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    insertApp: (row: Omit<Insertable<T['installed_apps']>, 'tenant_id'>): Promise<InstalledAppRow> =>
      db
        .insertInto('installed_apps')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The app; `lock` holds its row until the transaction ends (serialises upgrades of one app). */
    findApp: (id: string, lock = false): Promise<InstalledAppRow | undefined> => {
      const q = db
        .selectFrom('installed_apps')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    listApps: (): Promise<InstalledAppRow[]> =>
      db
        .selectFrom('installed_apps')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('installed_at')
        .orderBy('id')
        .execute(),

    updateApp: (id: string, set: Updateable<T['installed_apps']>): Promise<InstalledAppRow> =>
      db
        .updateTable('installed_apps')
        .set(set)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertInstalledModule: (
      row: Omit<Insertable<T['installed_modules']>, 'tenant_id'>,
    ): Promise<InstalledModuleRow> =>
      db
        .insertInto('installed_modules')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The installed module; `lock` holds its row (serialises override versions and activations of it). */
    findInstalledModule: (id: string, lock = false): Promise<InstalledModuleRow | undefined> => {
      const q = db
        .selectFrom('installed_modules')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    /** Installed modules of these apps (every app's when absent), in creation order. */
    listInstalledModules: (appIds?: readonly string[]): Promise<InstalledModuleRow[]> => {
      if (appIds && appIds.length === 0) return Promise.resolve([]);
      let q = db.selectFrom('installed_modules').selectAll().where('tenant_id', '=', tenantId);
      if (appIds) q = q.where('installed_app_id', 'in', [...appIds]);
      return q.orderBy('created_at').orderBy('id').execute();
    },

    updateInstalledModule: async (id: string, set: Updateable<T['installed_modules']>): Promise<void> => {
      await db
        .updateTable('installed_modules')
        .set(set)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    insertEvent: (row: Omit<Insertable<T['installed_app_events']>, 'tenant_id'>): Promise<InstallEventRow> =>
      db
        .insertInto('installed_app_events')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The events of these apps, oldest first. */
    listAppEvents: (appIds: readonly string[]): Promise<InstallEventRow[]> =>
      appIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('installed_app_events')
            .selectAll()
            .where('tenant_id', '=', tenantId)
            .where('installed_app_id', 'in', [...appIds])
            .orderBy('created_at')
            // An install's events may share a timestamp: its start comes first.
            .orderBy(sql`event_type = 'install_started'`, 'desc')
            .orderBy('id')
            .execute(),

    /** Install events newest first, at most `limit` after the cursor. */
    listEvents: (
      filter: { eventType?: InstallEventRow['event_type']; templateId?: string },
      page: Page,
    ): Promise<InstallEventRow[]> => {
      let q = db
        .selectFrom('installed_app_events')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where(afterCursor(page.after));
      if (filter.eventType) q = q.where('event_type', '=', filter.eventType);
      if (filter.templateId) q = q.where('template_id', '=', filter.templateId);
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
    },

    insertOverride: (row: Omit<Insertable<T['module_overrides']>, 'tenant_id'>): Promise<OverrideRow> =>
      db
        .insertInto('module_overrides')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The next version of a target's overrides; the caller holds the module's row lock. */
    nextOverrideVersion: async (moduleId: string, type: OverrideType, targetRef: string): Promise<number> => {
      const row = await db
        .selectFrom('module_overrides')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('tenant_id', '=', tenantId)
        .where('installed_module_id', '=', moduleId)
        .where('override_type', '=', type)
        .where('target_ref', '=', targetRef)
        .executeTakeFirst();
      return Number(row?.max ?? 0) + 1;
    },

    findOverride: (id: string): Promise<OverrideRow | undefined> =>
      db
        .selectFrom('module_overrides')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Overrides newest first, at most `limit` after the cursor. */
    listOverrides: (
      filter: { status?: OverrideStatus; installedModuleId?: string; overrideType?: OverrideType },
      page: Page,
    ): Promise<OverrideRow[]> => {
      let q = db
        .selectFrom('module_overrides')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where(afterCursor(page.after));
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.installedModuleId) q = q.where('installed_module_id', '=', filter.installedModuleId);
      if (filter.overrideType) q = q.where('override_type', '=', filter.overrideType);
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
    },

    /** Every override of a module, by target, newest version first. */
    listModuleOverrides: (moduleId: string): Promise<OverrideRow[]> =>
      db
        .selectFrom('module_overrides')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('installed_module_id', '=', moduleId)
        .orderBy('override_type')
        .orderBy('target_ref')
        .orderBy('version', 'desc')
        .execute(),

    updateOverride: (id: string, set: Updateable<T['module_overrides']>): Promise<OverrideRow> =>
      db
        .updateTable('module_overrides')
        .set(set)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Retires the active override of a target, if any; answers the retired rows. */
    retireActive: (
      moduleId: string,
      type: OverrideType,
      targetRef: string,
      by: string | null,
      now: Date,
    ): Promise<OverrideRow[]> =>
      db
        .updateTable('module_overrides')
        .set({ status: 'retired', retired_by: by, retired_at: now })
        .where('tenant_id', '=', tenantId)
        .where('installed_module_id', '=', moduleId)
        .where('override_type', '=', type)
        .where('target_ref', '=', targetRef)
        .where('status', '=', 'active')
        .returningAll()
        .execute(),

    countActive: async (moduleId: string): Promise<number> => {
      const row = await db
        .selectFrom('module_overrides')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('installed_module_id', '=', moduleId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
};
