import { type Cursor, inTransaction, type Page, pageOf } from '@ec3l/db';
import {
  actorOf,
  type Clock,
  DomainError,
  newId,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import { modulesPort } from '@ec3l/tenancy';
import type { Kysely, Transaction } from 'kysely';
import {
  checkOverrideTarget,
  compareVersions,
  type OverrideStatus,
  type OverrideType,
  refuseOverrideMove,
  resolveConfig,
} from './core/overrides.js';
import { AppsErrorCodes } from './errors.js';
import { forTenant, templatesRepo } from './repo/scoped.js';
import type {
  CreateOverrideBody,
  InstallEvent,
  InstalledApp,
  InstalledAppDetail,
  InstalledModule,
  ModuleOverride,
  ResolvedModule,
  Template,
  TemplateModule,
} from './schemas.js';
import type {
  AppsTables,
  InstallEventRow,
  InstalledAppRow,
  InstalledModuleRow,
  OverrideRow,
  TemplateModuleRow,
  TemplateRow,
} from './tables.js';

type Db = Kysely<AppsTables> | Transaction<AppsTables>;

export type AppsServiceDeps = { db: Kysely<AppsTables>; clock?: Clock };

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The newest version of each template key. */
const latestVersions = (templates: readonly TemplateRow[]): Map<string, string> => {
  const latest = new Map<string, string>();
  for (const t of templates) {
    const seen = latest.get(t.key);
    if (!seen || compareVersions(t.version, seen) > 0) latest.set(t.key, t.version);
  }
  return latest;
};

const toTemplate = (row: TemplateRow, latest: string, moduleCount: number): Template => ({
  id: row.id,
  key: row.key,
  name: row.name,
  domain: row.domain,
  version: row.version,
  description: row.description,
  isGlobal: row.is_global,
  packageKey: row.package_key,
  packageVersion: row.package_version,
  isLatest: row.version === latest,
  moduleCount,
});

const toTemplateModule = (row: TemplateModuleRow): TemplateModule => ({
  id: row.id,
  templateId: row.template_id,
  moduleType: row.module_type,
  moduleName: row.module_name,
  defaultCapabilityProfile: row.default_capability_profile,
  orderIndex: row.order_index,
  metadata: row.metadata,
});

const toEvent = (row: InstallEventRow): InstallEvent => ({
  id: row.id,
  installedAppId: row.installed_app_id,
  templateId: row.template_id,
  projectId: row.project_id,
  eventType: row.event_type,
  errorDetails: row.error_details,
  details: row.details,
  actor: row.actor,
  createdAt: iso(row.created_at),
});

const toOverride = (row: OverrideRow): ModuleOverride => ({
  id: row.id,
  installedModuleId: row.installed_module_id,
  overrideType: row.override_type,
  targetRef: row.target_ref,
  patch: row.patch,
  summary: row.summary,
  version: row.version,
  status: row.status,
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
  activatedBy: row.activated_by,
  activatedAt: isoOrNull(row.activated_at),
  retiredBy: row.retired_by,
  retiredAt: isoOrNull(row.retired_at),
});

const overrideNotFound = (id: string) => notFound('override', id);

/** Templates, installed apps and their modules and events, module overrides and resolution. */
export const createAppsService = (deps: AppsServiceDeps) => {
  const { db, clock = systemClock } = deps;

  const catalog = async () => {
    const templates = await templatesRepo(db).listTemplates();
    return { templates, latest: latestVersions(templates) };
  };

  const toApps = async (rows: readonly InstalledAppRow[]): Promise<InstalledApp[]> => {
    if (rows.length === 0) return [];
    const { templates, latest } = await catalog();
    const byId = new Map(templates.map((t) => [t.id, t]));
    return rows.map((r) => {
      const t = byId.get(r.template_id)!;
      return {
        id: r.id,
        projectId: r.project_id,
        templateId: r.template_id,
        templateKey: r.template_key,
        templateName: t.name,
        domain: t.domain,
        templateVersion: r.template_version,
        latestVersion: latest.get(r.template_key) ?? r.template_version,
        status: r.status,
        packageInstallId: r.package_install_id,
        installedBy: r.installed_by,
        installedAt: iso(r.installed_at),
        updatedAt: iso(r.updated_at),
      };
    });
  };

  const toModules = async (
    handle: Db,
    tenantId: string,
    rows: readonly InstalledModuleRow[],
  ): Promise<InstalledModule[]> => {
    const [modules, templateModules] = await Promise.all([
      modulesPort(handle, tenantId).findModules(rows.map((r) => r.module_id)),
      templatesRepo(handle).findTemplateModules([...new Set(rows.map((r) => r.template_module_id))]),
    ]);
    const moduleById = new Map(modules.map((m) => [m.id, m]));
    const templateModuleById = new Map(templateModules.map((m) => [m.id, m]));
    // An app's modules in the order of its template (those of one install share a creation time).
    const order = (r: InstalledModuleRow) => [
      r.created_at.getTime(),
      templateModuleById.get(r.template_module_id)!.order_index,
    ];
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0]! - y[0]! || x[1]! - y[1]!;
    });
    return sorted.map((r) => {
      const m = moduleById.get(r.module_id)!;
      return {
        id: r.id,
        installedAppId: r.installed_app_id,
        moduleId: r.module_id,
        moduleName: m.name,
        moduleType: templateModuleById.get(r.template_module_id)!.module_type,
        moduleVersion: m.version,
        templateModuleId: r.template_module_id,
        capabilityProfile: r.capability_profile,
        isOverride: r.is_override,
        createdAt: iso(r.created_at),
      };
    });
  };

  const requireModule = async (handle: Db, ctx: RequestContext, id: string, lock = false) => {
    const row = await forTenant(handle, ctx.tenantId).findInstalledModule(id, lock);
    if (!row) throw notFound('installed module', id);
    return row;
  };

  const metadataOf = async (handle: Db, module: InstalledModuleRow) =>
    (await templatesRepo(handle).findTemplateModules([module.template_module_id]))[0]!;

  /** Locks the module, checks the move, applies it, and keeps the module's isOverride flag true to its overrides. */
  const moveOverride = (ctx: RequestContext, id: string, to: 'active' | 'retired') =>
    inTransaction(db, async (trx) => {
      const repo = forTenant(trx, ctx.tenantId);
      const found = await repo.findOverride(id);
      if (!found) throw overrideNotFound(id);
      // Every move of a module's overrides holds the module's row: activations of one target queue (OV1).
      await requireModule(trx, ctx, found.installed_module_id, true);
      const current = (await repo.findOverride(id))!;
      const refusal = refuseOverrideMove(current.status, to);
      if (refusal)
        throw new DomainError(AppsErrorCodes.OVERRIDE_STATE_CONFLICT, refusal, {
          overrideId: id,
          status: current.status,
        });
      const now = clock.now();
      const by = actorOf(ctx).actorId;
      if (to === 'active')
        await repo.retireActive(
          current.installed_module_id,
          current.override_type,
          current.target_ref,
          by,
          now,
        );
      const moved = await repo.updateOverride(
        id,
        to === 'active'
          ? { status: 'active', activated_by: by, activated_at: now }
          : { status: 'retired', retired_by: by, retired_at: now },
      );
      await repo.updateInstalledModule(current.installed_module_id, {
        is_override: (await repo.countActive(current.installed_module_id)) > 0,
      });
      return toOverride(moved);
    });

  return {
    /** Every version of every template, by key then version order of creation. */
    listTemplates: async (): Promise<Template[]> => {
      const { templates, latest } = await catalog();
      const modules = await templatesRepo(db).listTemplateModules(templates.map((t) => t.id));
      return templates.map((t) =>
        toTemplate(t, latest.get(t.key)!, modules.filter((m) => m.template_id === t.id).length),
      );
    },

    /** One template with its modules; 404 for an unknown id. */
    getTemplate: async (id: string): Promise<Template & { modules: TemplateModule[] }> => {
      const { templates, latest } = await catalog();
      const row = templates.find((t) => t.id === id);
      if (!row) throw notFound('template', id);
      const modules = await templatesRepo(db).listTemplateModules([id]);
      return {
        ...toTemplate(row, latest.get(row.key)!, modules.length),
        modules: modules.map(toTemplateModule),
      };
    },

    /** The modules a template installs, in order; 404 for an unknown id. */
    listTemplateModules: async (id: string): Promise<TemplateModule[]> => {
      if (!(await templatesRepo(db).findTemplate(id))) throw notFound('template', id);
      return (await templatesRepo(db).listTemplateModules([id])).map(toTemplateModule);
    },

    /** The tenant's installed apps, oldest first (one per template, so few). */
    listInstalledApps: async (ctx: RequestContext): Promise<InstalledApp[]> =>
      toApps(await forTenant(db, ctx.tenantId).listApps()),

    /** The apps with their modules and events, for the admin panel. */
    listInstalledAppDetails: async (ctx: RequestContext): Promise<InstalledAppDetail[]> => {
      const repo = forTenant(db, ctx.tenantId);
      const rows = await repo.listApps();
      const ids = rows.map((r) => r.id);
      const [apps, modules, events] = await Promise.all([
        toApps(rows),
        repo.listInstalledModules(ids).then((m) => toModules(db, ctx.tenantId, m)),
        repo.listAppEvents(ids),
      ]);
      return apps.map((a) => ({
        ...a,
        modules: modules.filter((m) => m.installedAppId === a.id),
        events: events.filter((e) => e.installed_app_id === a.id).map(toEvent),
      }));
    },

    /** One installed app with its modules and its events; 404 for another tenant's. */
    getInstalledApp: async (
      ctx: RequestContext,
      id: string,
      handle: Db = db,
    ): Promise<InstalledAppDetail> => {
      const repo = forTenant(handle, ctx.tenantId);
      const row = await repo.findApp(id);
      if (!row) throw notFound('installed app', id);
      const [app] = await toApps([row]);
      const modules = await toModules(handle, ctx.tenantId, await repo.listInstalledModules([id]));
      const events = (await repo.listAppEvents([id])).map(toEvent);
      return { ...app!, modules, events };
    },

    /** Every installed module of the tenant, for the admin panel. */
    listInstalledModules: async (ctx: RequestContext): Promise<InstalledModule[]> =>
      toModules(db, ctx.tenantId, await forTenant(db, ctx.tenantId).listInstalledModules()),

    /** Install events newest first, failed installs (which leave no app) included. */
    listInstallEvents: async (
      ctx: RequestContext,
      filter: { eventType?: InstallEvent['eventType']; templateId?: string },
      page: { limit: number; after?: Cursor },
    ): Promise<Page<InstallEvent>> => {
      const rows = await forTenant(db, ctx.tenantId).listEvents(filter, { ...page, limit: page.limit + 1 });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: iso(r.created_at),
        id: r.id,
      }));
      return { items: items.map(toEvent), nextCursor };
    },

    /**
     * A draft override of one target of an installed module, at the next version of that target. The
     * target is checked against the template module (400 OVERRIDE_TARGET_INVALID / OVERRIDE_PATCH_INVALID);
     * the module's row lock makes concurrent creates take distinct versions.
     */
    createOverride: (ctx: RequestContext, body: CreateOverrideBody): Promise<ModuleOverride> =>
      inTransaction(db, async (trx) => {
        const module = await requireModule(trx, ctx, body.installedModuleId, true);
        const templateModule = await metadataOf(trx, module);
        const patch = body.patch as Record<string, unknown>;
        const problem = checkOverrideTarget(
          templateModule.metadata,
          body.overrideType,
          body.targetRef,
          patch,
        );
        if (problem)
          throw new DomainError(AppsErrorCodes[problem.code], problem.message, {
            field: problem.code === 'OVERRIDE_TARGET_INVALID' ? 'targetRef' : 'patch',
            ...(problem.allowed ? { allowed: problem.allowed } : {}),
          });
        const repo = forTenant(trx, ctx.tenantId);
        const version = await repo.nextOverrideVersion(module.id, body.overrideType, body.targetRef);
        const row = await repo.insertOverride({
          id: newId(),
          installed_module_id: module.id,
          override_type: body.overrideType,
          target_ref: body.targetRef,
          patch: JSON.stringify(patch),
          summary: body.summary ?? null,
          version,
          created_by: actorOf(ctx).actorId,
          created_at: clock.now(),
        });
        return toOverride(row);
      }),

    getOverride: async (ctx: RequestContext, id: string): Promise<ModuleOverride> => {
      const row = await forTenant(db, ctx.tenantId).findOverride(id);
      if (!row) throw overrideNotFound(id);
      return toOverride(row);
    },

    /** Overrides newest first. */
    listOverrides: async (
      ctx: RequestContext,
      filter: { status?: OverrideStatus; installedModuleId?: string; overrideType?: OverrideType },
      page: { limit: number; after?: Cursor },
    ): Promise<Page<ModuleOverride>> => {
      const rows = await forTenant(db, ctx.tenantId).listOverrides(filter, {
        ...page,
        limit: page.limit + 1,
      });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: iso(r.created_at),
        id: r.id,
      }));
      return { items: items.map(toOverride), nextCursor };
    },

    /** A module's overrides by target, newest version first; 404 for another tenant's module. */
    listModuleOverrides: async (ctx: RequestContext, moduleId: string): Promise<ModuleOverride[]> => {
      await requireModule(db, ctx, moduleId);
      return (await forTenant(db, ctx.tenantId).listModuleOverrides(moduleId)).map(toOverride);
    },

    /** Activates a draft override and retires the active one of its target (OV1: at most one active). */
    activateOverride: (ctx: RequestContext, id: string) => moveOverride(ctx, id, 'active'),

    /** Retires a draft or active override; retired is final. */
    retireOverride: (ctx: RequestContext, id: string) => moveOverride(ctx, id, 'retired'),

    /** The module's effective configuration with the provenance of each value, and its active part overrides. */
    resolveModule: async (ctx: RequestContext, moduleId: string): Promise<ResolvedModule> => {
      const module = await requireModule(db, ctx, moduleId);
      const [templateModule, overrides, modules] = await Promise.all([
        metadataOf(db, module),
        forTenant(db, ctx.tenantId).listModuleOverrides(moduleId),
        modulesPort(db, ctx.tenantId).findModules([module.module_id]),
      ]);
      const active = overrides.filter((o) => o.status === 'active');
      const values = resolveConfig(
        templateModule.metadata.config,
        active
          .filter((o) => o.override_type === 'config')
          .map((o) => ({ id: o.id, targetRef: o.target_ref, version: o.version, value: o.patch.value })),
      );
      return {
        installedModuleId: module.id,
        moduleName: modules[0]!.name,
        templateModuleId: module.template_module_id,
        config: Object.fromEntries(values.map((v) => [v.key, v.value])),
        values,
        overrides: active.filter((o) => o.override_type !== 'config').map(toOverride),
      };
    },
  };
};

export type AppsService = ReturnType<typeof createAppsService>;
