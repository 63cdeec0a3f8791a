import {
  AppsErrorCodes,
  type AppsService,
  appsRepo,
  compareVersions,
  type InstalledAppDetail,
  templatesRepo,
} from '@ec3l/apps';
import { inTransaction, isUniqueViolation } from '@ec3l/db';
import { type GraphPackage, packageLedger, TEMPLATE_PACKAGES } from '@ec3l/graph-packages';
import {
  actorOf,
  type Clock,
  DomainError,
  isDomainError,
  newId,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import { modulesPort } from '@ec3l/tenancy';
import type { Kysely, Transaction } from 'kysely';
import { installPackage, type PackageInstallDeps } from './package-install.js';

type Handle = PackageInstallDeps['db'];
type Trx = Transaction<Handle extends Kysely<infer T> ? T : never>;
type TemplateRow = NonNullable<Awaited<ReturnType<ReturnType<typeof templatesRepo>['findTemplate']>>>;
type TemplateModuleRow = Awaited<ReturnType<ReturnType<typeof templatesRepo>['listTemplateModules']>>[number];
type AppRow = NonNullable<Awaited<ReturnType<ReturnType<typeof appsRepo>['findApp']>>>;

export type AppInstallDeps = {
  packages: PackageInstallDeps;
  apps: AppsService;
  clock?: Clock;
  /** Told when the install_failed event of a failed install or upgrade cannot be written. */
  onError?: (error: unknown) => void;
};

/** An upgrade still marked running after this long is taken as crashed and may be claimed again. */
const STALE_UPGRADE_MS = 10 * 60_000;

/** The graph package a template installs (every catalog version has one: a test holds the two lists together). */
const packageOf = (template: TemplateRow): GraphPackage => {
  const pkg = TEMPLATE_PACKAGES[`${template.package_key}@${template.package_version}`];
  if (!pkg) throw new Error(`template ${template.key} ${template.version} names no known package`);
  return pkg;
};

/** What an install_failed event says of the error: a domain error's code and message, nothing internal. */
const errorDetails = (error: unknown) =>
  isDomainError(error)
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL_ERROR', message: 'the install failed unexpectedly' };

/** A tenancy module and its installed module for one template module; a taken module name is a 409. */
const createModule = async (
  trx: Trx,
  ctx: RequestContext,
  app: AppRow,
  template: TemplateRow,
  m: TemplateModuleRow,
  now: Date,
) => {
  let module: { id: string };
  try {
    module = await modulesPort(trx, ctx.tenantId).insertModule({
      id: newId(),
      project_id: app.project_id,
      name: m.module_name,
      type: m.module_type,
      root_path: `apps/${template.key}/${m.module_name}`,
      version: template.version,
      capability_profile: m.default_capability_profile,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'modules_name_unique'))
      throw new DomainError(
        AppsErrorCodes.APP_MODULE_CONFLICT,
        `the project has a module named "${m.module_name}" already`,
        { moduleName: m.module_name },
      );
    throw error;
  }
  await appsRepo(trx, ctx.tenantId).insertInstalledModule({
    id: newId(),
    installed_app_id: app.id,
    module_id: module.id,
    template_module_id: m.id,
    capability_profile: m.default_capability_profile,
    created_at: now,
  });
};

const recordFailure = async (
  deps: AppInstallDeps,
  ctx: RequestContext,
  event: { installedAppId: string | null; templateId: string; projectId: string; details: object },
  error: unknown,
) => {
  const now = (deps.clock ?? systemClock).now();
  try {
    await inTransaction(deps.packages.db, async (trx) => {
      const repo = appsRepo(trx, ctx.tenantId);
      if (event.installedAppId)
        await repo.updateApp(event.installedAppId, {
          status: 'failed',
          upgrade_started_at: null,
          updated_at: now,
        });
      await repo.insertEvent({
        id: newId(),
        installed_app_id: event.installedAppId,
        template_id: event.templateId,
        project_id: event.projectId,
        event_type: 'install_failed',
        error_details: JSON.stringify(errorDetails(error)),
        details: JSON.stringify(event.details),
        actor: actorOf(ctx).actorId,
        created_at: now,
      });
    });
  } catch (recordError) {
    deps.onError?.(recordError);
  }
};

/**
 * Installs a template into a project in one transaction: the installed app (one per tenant and template,
 * 409 APP_ALREADY_INSTALLED), a tenancy module and an installed module per template module, the template's
 * graph package through the install engine, and the install_started / install_completed events. On any
 * failure nothing of it remains; an install_failed event naming the template, the project and the error is
 * written after the rollback (no app row is kept, so a failed install leaves no app in status failed).
 */
export const installTemplate = async (
  deps: AppInstallDeps,
  ctx: RequestContext,
  templateId: string,
  input: { projectId: string },
): Promise<InstalledAppDetail> => {
  const db = deps.packages.db;
  const template = await templatesRepo(db).findTemplate(templateId);
  if (!template) throw notFound('template', templateId);
  const pkg = packageOf(template);
  const modules = await templatesRepo(db).listTemplateModules([templateId]);
  const actor = actorOf(ctx).actorId;
  try {
    const appId = await inTransaction(db, async (trx) => {
      // The project's row lock orders installs into it (the install engine takes the same lock).
      if (!(await packageLedger(trx, ctx.tenantId).lockProject(input.projectId)))
        throw notFound('project', input.projectId);
      const repo = appsRepo(trx, ctx.tenantId);
      const now = (deps.clock ?? systemClock).now();
      let app: AppRow;
      try {
        app = await repo.insertApp({
          id: newId(),
          project_id: input.projectId,
          template_id: template.id,
          template_key: template.key,
          template_version: template.version,
          status: 'installed',
          installed_by: actor,
          installed_at: now,
          updated_at: now,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'installed_apps_template_unique'))
          throw new DomainError(
            AppsErrorCodes.APP_ALREADY_INSTALLED,
            `the tenant has the ${template.name} app installed already; upgrade it instead`,
            { templateKey: template.key },
          );
        throw error;
      }
      const event = (type: 'install_started' | 'install_completed', details: object) =>
        repo.insertEvent({
          id: newId(),
          installed_app_id: app.id,
          template_id: template.id,
          project_id: input.projectId,
          event_type: type,
          details: JSON.stringify(details),
          actor,
          created_at: (deps.clock ?? systemClock).now(),
        });
      await event('install_started', { kind: 'install', version: template.version });
      for (const m of modules) await createModule(trx as unknown as Trx, ctx, app, template, m, now);
      const result = await installPackage(
        deps.packages,
        ctx,
        { projectId: input.projectId, package: pkg },
        trx,
      );
      await repo.updateApp(app.id, { package_install_id: result.installId });
      await event('install_completed', {
        kind: 'install',
        version: template.version,
        packageKey: pkg.key,
        packageVersion: pkg.version,
        packageInstallId: result.installId,
        packageStatus: result.status,
        modules: modules.length,
      });
      return app.id;
    });
    return deps.apps.getInstalledApp(ctx, appId);
  } catch (error) {
    await recordFailure(
      deps,
      ctx,
      {
        installedAppId: null,
        templateId: template.id,
        projectId: input.projectId,
        details: { kind: 'install', version: template.version },
      },
      error,
    );
    throw error;
  }
};

const upgradeRefused = (message: string, details: object) =>
  new DomainError(AppsErrorCodes.APP_UPGRADE_INVALID, message, details);

/**
 * Upgrades an installed app to a newer version of its template. First the app is claimed (its row locked,
 * status upgrading; a running upgrade answers 409 APP_UPGRADE_IN_PROGRESS, a version that is not newer
 * 409 APP_UPGRADE_INVALID), then in one transaction the newer package goes through the install engine's
 * upgrade path, modules new in the version are created, and the app moves to the version, installed. A
 * failed upgrade leaves the app at its version with status failed and an install_failed event; it can be
 * upgraded again.
 */
export const upgradeApp = async (
  deps: AppInstallDeps,
  ctx: RequestContext,
  appId: string,
  input: { templateId?: string },
): Promise<InstalledAppDetail> => {
  const db = deps.packages.db;
  const clock = deps.clock ?? systemClock;
  const claim = await inTransaction(db, async (trx) => {
    const repo = appsRepo(trx, ctx.tenantId);
    const app = await repo.findApp(appId, true);
    if (!app) throw notFound('installed app', appId);
    const now = clock.now();
    if (
      app.status === 'upgrading' &&
      app.upgrade_started_at &&
      now.getTime() - app.upgrade_started_at.getTime() < STALE_UPGRADE_MS
    )
      throw new DomainError(AppsErrorCodes.APP_UPGRADE_IN_PROGRESS, 'an upgrade of the app is running', {
        installedAppId: appId,
        startedAt: app.upgrade_started_at.toISOString(),
      });
    const templates = templatesRepo(trx);
    const target = input.templateId
      ? await templates.findTemplate(input.templateId)
      : (await templates.listTemplates())
          .filter((t) => t.key === app.template_key)
          .sort((a, b) => compareVersions(b.version, a.version))[0];
    if (!target) throw notFound('template', input.templateId);
    if (target.key !== app.template_key)
      throw upgradeRefused(`template ${target.key} is not the app's template (${app.template_key})`, {
        templateKey: target.key,
      });
    if (compareVersions(target.version, app.template_version) <= 0)
      throw upgradeRefused(`the app is at ${app.template_version}; ${target.version} is not newer`, {
        currentVersion: app.template_version,
        targetVersion: target.version,
      });
    await repo.updateApp(appId, { status: 'upgrading', upgrade_started_at: now, updated_at: now });
    return { app, target, startedAt: now };
  });
  const { app: before, target } = claim;
  const details = { kind: 'upgrade', fromVersion: before.template_version, toVersion: target.version };
  try {
    await inTransaction(db, async (trx) => {
      const repo = appsRepo(trx, ctx.tenantId);
      const app = (await repo.findApp(appId, true))!;
      if (app.status !== 'upgrading' || app.upgrade_started_at?.getTime() !== claim.startedAt.getTime())
        throw new DomainError(AppsErrorCodes.APP_UPGRADE_IN_PROGRESS, 'another upgrade of the app took over');
      const now = clock.now();
      const actor = actorOf(ctx).actorId;
      const event = (type: 'install_started' | 'install_completed', more: object) =>
        repo.insertEvent({
          id: newId(),
          installed_app_id: appId,
          template_id: target.id,
          project_id: app.project_id,
          event_type: type,
          details: JSON.stringify({ ...details, ...more }),
          actor,
          created_at: clock.now(),
        });
      await event('install_started', {});
      const pkg = packageOf(target);
      const result = await installPackage(
        deps.packages,
        ctx,
        { projectId: app.project_id, package: pkg },
        trx,
      );
      const installed = await repo.listInstalledModules([appId]);
      const templates = templatesRepo(trx);
      const previous = await templates.findTemplateModules(installed.map((m) => m.template_module_id));
      const nameOf = new Map(previous.map((m) => [m.id, m.module_name]));
      const byName = new Map(installed.map((m) => [nameOf.get(m.template_module_id)!, m]));
      for (const m of await templates.listTemplateModules([target.id])) {
        const existing = byName.get(m.module_name);
        if (existing) await repo.updateInstalledModule(existing.id, { template_module_id: m.id });
        else await createModule(trx as unknown as Trx, ctx, app, target, m, now);
      }
      const modules = await repo.listInstalledModules([appId]);
      await modulesPort(trx, ctx.tenantId).setVersion(
        modules.map((m) => m.module_id),
        target.version,
      );
      await repo.updateApp(appId, {
        template_id: target.id,
        template_version: target.version,
        status: 'installed',
        upgrade_started_at: null,
        package_install_id: result.installId,
        updated_at: now,
      });
      await event('install_completed', {
        packageKey: pkg.key,
        packageVersion: pkg.version,
        packageInstallId: result.installId,
        packageStatus: result.status,
      });
    });
  } catch (error) {
    await recordFailure(
      deps,
      ctx,
      { installedAppId: appId, templateId: target.id, projectId: before.project_id, details },
      error,
    );
    throw error;
  }
  return deps.apps.getInstalledApp(ctx, appId);
};
