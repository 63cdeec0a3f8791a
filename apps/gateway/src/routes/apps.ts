import {
  type AppsService,
  CreateOverrideBodySchema,
  InstallEventSchema,
  InstallEventTypeSchema,
  InstalledAppDetailSchema,
  InstalledAppSchema,
  InstalledModuleSchema,
  InstallTemplateBodySchema,
  ModuleOverrideSchema,
  OverrideStatusSchema,
  OverrideTypeSchema,
  ResolvedModuleSchema,
  TemplateDetailSchema,
  TemplateModuleSchema,
  TemplateSchema,
  UpgradeAppBodySchema,
} from '@ec3l/apps';
import { CHANGE_STATUSES, ChangeSchema, type ChangeService } from '@ec3l/change-engine';
import { decodeCursor } from '@ec3l/db';
import { Uuid } from '@ec3l/kernel';
import type { TenancyService } from '@ec3l/tenancy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type AppInstallDeps, installTemplate, upgradeApp } from '../flows/app-install.js';
import { errorResponses, guardedReadErrors, readErrors, validatedWriteErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const TemplateParams = Type.Object({ templateId: Uuid() });
const AppParams = Type.Object({ installedAppId: Uuid() });
const ModuleParams = Type.Object({ installedModuleId: Uuid() });
const OverrideParams = Type.Object({ overrideId: Uuid() });

const pageOf = (query: { limit?: number; cursor?: string }) => {
  const page = pageRequestOf(query);
  return { limit: page.limit, ...(page.cursor ? { after: decodeCursor(page.cursor) } : {}) };
};

const OverrideFilter = Type.Object({
  status: Type.Optional(OverrideStatusSchema),
  overrideType: Type.Optional(OverrideTypeSchema),
  installedModuleId: Type.Optional(Uuid()),
});

/** Templates and their installation, installed apps and their upgrade, module overrides, the admin panels of apps. */
export const appRoutes: FastifyPluginAsyncTypebox<{
  apps: AppsService;
  install: AppInstallDeps;
  changes: ChangeService;
  tenancy: TenancyService;
  guard: Guard;
}> = async (app, { apps, install, changes, tenancy, guard }) => {
  const tags = ['apps'];
  const overrideTags = ['overrides'];
  const admin = guard('admin.view');
  const theOverride = (request: { params: unknown }) => ({
    type: 'override' as const,
    id: (request.params as { overrideId: string }).overrideId,
  });

  app.get(
    '/templates',
    {
      schema: {
        operationId: 'listTemplates',
        tags,
        summary: 'The template catalog: every version of every template',
        description:
          'Global templates (HR, ITSM, Finance, Legal, Facilities, Custom); isLatest marks the newest version of each.',
        response: { 200: Type.Array(ref(TemplateSchema)), ...readErrors },
      },
    },
    async () => apps.listTemplates(),
  );

  app.get(
    '/templates/:templateId',
    {
      schema: {
        operationId: 'getTemplate',
        tags,
        summary: 'One template version with the modules it installs',
        params: TemplateParams,
        response: { 200: ref(TemplateDetailSchema), ...readErrors },
      },
    },
    async (request) => apps.getTemplate(request.params.templateId),
  );

  app.get(
    '/templates/:templateId/modules',
    {
      schema: {
        operationId: 'listTemplateModules',
        tags,
        summary: 'The modules a template version installs, in order, with their default configuration',
        params: TemplateParams,
        response: { 200: Type.Array(ref(TemplateModuleSchema)), ...readErrors },
      },
    },
    async (request) => apps.listTemplateModules(request.params.templateId),
  );

  app.post(
    '/templates/:templateId/install',
    {
      ...guard('package.install'),
      schema: {
        operationId: 'installTemplate',
        tags,
        summary: 'Install a template into a project',
        description:
          "In one transaction: the installed app, a module of the project per template module, the template's graph package " +
          'through the install engine, and the install_started / install_completed events. One app per tenant and template ' +
          '(409 APP_ALREADY_INSTALLED); a template module named like a module of the project is 409 APP_MODULE_CONFLICT; the ' +
          "install engine's refusals pass through (409/422). On failure nothing remains but an install_failed event. " +
          requires('package.install'),
        params: TemplateParams,
        body: ref(InstallTemplateBodySchema),
        response: { 201: ref(InstalledAppDetailSchema), ...validatedWriteErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await installTemplate(install, request.ctx, request.params.templateId, request.body)),
  );

  app.get(
    '/installed-apps',
    {
      schema: {
        operationId: 'listInstalledApps',
        tags,
        summary: "The tenant's installed apps, oldest first",
        description: 'One per template at most, so the list is short and not paged.',
        response: { 200: Type.Array(ref(InstalledAppSchema)), ...readErrors },
      },
    },
    async (request) => apps.listInstalledApps(request.ctx),
  );

  app.get(
    '/installed-apps/:installedAppId',
    {
      schema: {
        operationId: 'getInstalledApp',
        tags,
        summary: 'One installed app with its modules and install events',
        params: AppParams,
        response: { 200: ref(InstalledAppDetailSchema), ...readErrors },
      },
    },
    async (request) => apps.getInstalledApp(request.ctx, request.params.installedAppId),
  );

  app.post(
    '/installed-apps/:installedAppId/upgrade',
    {
      ...guard('package.install'),
      schema: {
        operationId: 'upgradeInstalledApp',
        tags,
        summary: 'Upgrade an installed app to a newer version of its template',
        description:
          "The newer version's graph package goes through the install engine's upgrade path and its new modules are created, " +
          'all or nothing. 409 APP_UPGRADE_IN_PROGRESS while another upgrade runs, 409 APP_UPGRADE_INVALID for a version that ' +
          'is not newer or of another template. A failed upgrade leaves the app at its version with status failed. ' +
          requires('package.install'),
        params: AppParams,
        body: ref(UpgradeAppBodySchema),
        response: { 200: ref(InstalledAppDetailSchema), ...validatedWriteErrors },
      },
    },
    async (request) => upgradeApp(install, request.ctx, request.params.installedAppId, request.body),
  );

  app.get(
    '/overrides',
    {
      schema: {
        operationId: 'listOverrides',
        tags: overrideTags,
        summary: 'Module overrides, newest first',
        description: PAGE_DESCRIPTION,
        querystring: Type.Composite([OverrideFilter, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(ModuleOverrideSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(reply, await apps.listOverrides(request.ctx, filter, pageOf({ limit, cursor })));
    },
  );

  app.post(
    '/overrides',
    {
      ...guard('override.edit'),
      schema: {
        operationId: 'createOverride',
        tags: overrideTags,
        summary: 'Create a draft override of one target of an installed module',
        description:
          'The version is the next of the overrides of the same module, type and target. The target must be one the module has: ' +
          'a key of its default configuration (the value keeps the JSON type of the default), a workflow or rule of its package, ' +
          'a record type whose form it governs; otherwise 400 OVERRIDE_TARGET_INVALID or OVERRIDE_PATCH_INVALID. ' +
          requires('override.edit'),
        body: ref(CreateOverrideBodySchema),
        response: { 201: ref(ModuleOverrideSchema), ...guardedReadErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await apps.createOverride(request.ctx, request.body)),
  );

  app.get(
    '/overrides/:overrideId',
    {
      schema: {
        operationId: 'getOverride',
        tags: overrideTags,
        summary: 'One module override',
        params: OverrideParams,
        response: { 200: ref(ModuleOverrideSchema), ...readErrors },
      },
    },
    async (request) => apps.getOverride(request.ctx, request.params.overrideId),
  );

  app.post(
    '/overrides/:overrideId/activate',
    {
      ...guard('override.activate', theOverride),
      schema: {
        operationId: 'activateOverride',
        tags: overrideTags,
        summary: 'Activate a draft override; the active one of its target is retired',
        description: `At most one override per target is active (OV1). 409 OVERRIDE_STATE_CONFLICT unless the override is a draft. ${requires('override.activate')}`,
        params: OverrideParams,
        response: { 200: ref(ModuleOverrideSchema), ...readErrors, ...errorResponses(403, 409) },
      },
    },
    async (request) => apps.activateOverride(request.ctx, request.params.overrideId),
  );

  app.post(
    '/overrides/:overrideId/retire',
    {
      ...guard('override.edit', theOverride),
      schema: {
        operationId: 'retireOverride',
        tags: overrideTags,
        summary: 'Retire a draft or active override (final)',
        description: `A retired active override gives its target back to the template default. 409 OVERRIDE_STATE_CONFLICT when retired already. ${requires('override.edit')}`,
        params: OverrideParams,
        response: { 200: ref(ModuleOverrideSchema), ...readErrors, ...errorResponses(403, 409) },
      },
    },
    async (request) => apps.retireOverride(request.ctx, request.params.overrideId),
  );

  app.get(
    '/installed-modules/:installedModuleId/overrides',
    {
      schema: {
        operationId: 'listInstalledModuleOverrides',
        tags: overrideTags,
        summary: "An installed module's overrides by target, newest version first",
        params: ModuleParams,
        response: { 200: Type.Array(ref(ModuleOverrideSchema)), ...readErrors },
      },
    },
    async (request) => apps.listModuleOverrides(request.ctx, request.params.installedModuleId),
  );

  app.get(
    '/installed-modules/:installedModuleId/resolve',
    {
      schema: {
        operationId: 'resolveInstalledModule',
        tags: overrideTags,
        summary: "An installed module's effective configuration, with the provenance of each value",
        description:
          'Each key of the template default, valued by the active config override of that key where there is one (its id and ' +
          'version), else by the template; and the active workflow, form and rule overrides.',
        params: ModuleParams,
        response: { 200: ref(ResolvedModuleSchema), ...readErrors },
      },
    },
    async (request) => apps.resolveModule(request.ctx, request.params.installedModuleId),
  );

  app.get(
    '/admin/apps',
    {
      ...admin,
      schema: {
        operationId: 'listAdminApps',
        tags: ['admin', 'apps'],
        summary: 'Installed apps with their modules, versions, status and events',
        description: requires('admin.view'),
        response: { 200: Type.Array(ref(InstalledAppDetailSchema)), ...guardedReadErrors },
      },
    },
    async (request) => apps.listInstalledAppDetails(request.ctx),
  );

  app.get(
    '/admin/app-events',
    {
      ...admin,
      schema: {
        operationId: 'listAdminAppEvents',
        tags: ['admin', 'apps'],
        summary: 'Install events newest first, failed installs included',
        description: `A failed install keeps no app: its install_failed event is found here. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        querystring: Type.Composite([
          Type.Object({
            eventType: Type.Optional(InstallEventTypeSchema),
            templateId: Type.Optional(Uuid()),
          }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(InstallEventSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(reply, await apps.listInstallEvents(request.ctx, filter, pageOf({ limit, cursor })));
    },
  );

  app.get(
    '/admin/modules',
    {
      ...admin,
      schema: {
        operationId: 'listAdminModules',
        tags: ['admin', 'apps'],
        summary: 'Every installed module of the tenant',
        description: requires('admin.view'),
        response: { 200: Type.Array(ref(InstalledModuleSchema)), ...guardedReadErrors },
      },
    },
    async (request) => apps.listInstalledModules(request.ctx),
  );

  app.get(
    '/admin/overrides',
    {
      ...admin,
      schema: {
        operationId: 'listAdminOverrides',
        tags: ['admin', 'overrides'],
        summary: 'Module overrides newest first, by status, type or module',
        description: `${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        querystring: Type.Composite([OverrideFilter, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(ModuleOverrideSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(reply, await apps.listOverrides(request.ctx, filter, pageOf({ limit, cursor })));
    },
  );

  app.get(
    '/admin/changes',
    {
      ...admin,
      schema: {
        operationId: 'listAdminChanges',
        tags: ['admin', 'changes'],
        summary: 'Change records newest first, by status, creation date range and project',
        description: `from is inclusive, to exclusive. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        querystring: Type.Composite([
          Type.Object({
            status: Type.Optional(Type.Union(CHANGE_STATUSES.map((s) => Type.Literal(s)))),
            projectId: Type.Optional(Uuid()),
            from: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or after' })),
            to: Type.Optional(Type.String({ format: 'date-time', description: 'Created before' })),
          }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(ChangeSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, from, to, projectId, status } = request.query;
      if (projectId) await tenancy.requireProject(request.ctx, projectId);
      const page = await changes.listChanges(
        request.ctx,
        {
          ...(projectId ? { projectId } : {}),
          ...(status ? { status } : {}),
          ...(from ? { from: new Date(from) } : {}),
          ...(to ? { to: new Date(to) } : {}),
        },
        pageOf({ limit, cursor }),
      );
      return sendPage(reply, page);
    },
  );
};
