import { decodeCursor, pageOf } from '@ec3l/db';
import {
  diffPackages,
  type GraphPackage,
  GraphPackageSchema,
  GraphPackagesErrorCodes,
  PACKAGE_KEY_PATTERN,
  PackageAssignmentRuleSchema,
  PackageChoiceListSchema,
  PackageDiffSchema,
  PackageFieldSchema,
  PackageObjectDiffSchema,
  PackageRecordTypeSchema,
  PackageSlaPolicySchema,
  PackageWorkflowSchema,
  PackageWorkflowStepSchema,
  PackageWorkflowTriggerSchema,
  packageChecksum,
  packageLedger,
  SEMVER_PATTERN,
} from '@ec3l/graph-packages';
import { DomainError, Uuid } from '@ec3l/kernel';
import { triggerVariantSchemas, workflowVariantSchemas } from '@ec3l/workflow';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import {
  type InstallResult,
  installPackage,
  type PackageInstallDeps,
  revertInstall,
  toPackageInstall,
  toPackageInstallDetail,
} from '../flows/package-install.js';
import { guardedReadErrors, validatedWriteErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import { nextCursorHeader, PAGE_DESCRIPTION, PageQuerySchema, pageRequestOf, ref } from '../schemas.js';

const PackageKey = Type.String({ pattern: PACKAGE_KEY_PATTERN, maxLength: 100 });
const Version = Type.String({ pattern: SEMVER_PATTERN, maxLength: 64 });

const CreatedObjectSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('record_type'), Type.Literal('choice_list'), Type.Literal('workflow')]),
    key: Type.String(),
    id: Type.String(),
  },
  { additionalProperties: false },
);

const PackageInstallSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    projectId: Type.String({ format: 'uuid' }),
    environmentId: Type.String({ format: 'uuid' }),
    packageKey: Type.String(),
    version: Type.String(),
    checksum: Type.String(),
    status: Type.Union([Type.Literal('installed'), Type.Literal('reverted')]),
    installedBy: Type.Union([Type.String(), Type.Null()]),
    installedAt: Type.String({ format: 'date-time' }),
    changeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The merged change carrying the edits of record types the package owned already',
    }),
    previousInstallId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    createdObjects: Type.Array(CreatedObjectSchema, {
      description:
        'Record types, choice lists and workflows the install created (an uninstall removes or retires them)',
    }),
    revertedBy: Type.Union([Type.String(), Type.Null()]),
    revertedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'PackageInstall', additionalProperties: false },
);

const PackageInstallDetailSchema = Type.Composite(
  [
    Type.Omit(PackageInstallSchema, []),
    Type.Object({ package: Type.Ref('GraphPackage'), diff: Type.Ref('PackageDiff') }),
  ],
  { $id: 'PackageInstallDetail', additionalProperties: false },
);

const InstallResultSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('previewed'), Type.Literal('installed'), Type.Literal('noop')]),
    packageKey: Type.String(),
    version: Type.String(),
    checksum: Type.String(),
    environmentId: Type.String({ format: 'uuid' }),
    installId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The new install (installed), the install already in place (noop), null for a preview',
    }),
    diff: Type.Ref('PackageDiff'),
  },
  { $id: 'PackageInstallResult', additionalProperties: false },
);

const BuiltInPackageSchema = Type.Object(
  {
    key: Type.String(),
    version: Type.String(),
    name: Type.String(),
    description: Type.Optional(Type.String()),
    checksum: Type.String(),
    counts: Type.Object(
      {
        recordTypes: Type.Integer(),
        choiceLists: Type.Integer(),
        slaPolicies: Type.Integer(),
        assignmentRules: Type.Integer(),
        workflows: Type.Integer(),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'BuiltInPackage', additionalProperties: false },
);

const InstallOptions = {
  projectId: Uuid(),
  environmentId: Type.Optional(
    Uuid({ description: "The environment the install is recorded for; the project's default when absent" }),
  ),
  preview: Type.Optional(Type.Boolean({ description: 'Answer the diff and write nothing (default false)' })),
};

const InstallBodySchema = Type.Object(
  {
    ...InstallOptions,
    package: Type.Ref('GraphPackage'),
    allowDowngrade: Type.Optional(
      Type.Boolean({ description: 'Install a version lower than the installed one (default false)' }),
    ),
    allowDataLoss: Type.Optional(
      Type.Boolean({
        description: 'Remove fields that hold data (default false); records are never deleted',
      }),
    ),
  },
  { $id: 'InstallPackageBody', additionalProperties: false },
);

const InstallBuiltInBodySchema = Type.Object(
  { ...InstallOptions, packageKey: PackageKey },
  { $id: 'InstallBuiltInBody', additionalProperties: false },
);

const HrLiteBodySchema = Type.Object(InstallOptions, {
  $id: 'InstallHrLiteBody',
  additionalProperties: false,
});

/**
 * The package format and the install shapes, published as components. The step and trigger variants of
 * the package format join the workflow package's variant lists when the format's module loads.
 */
export const packageSchemas = (): TSchema[] => [
  ...workflowVariantSchemas.filter((s) => s.$id?.startsWith('PackageWorkflowStep')),
  ...triggerVariantSchemas.filter((s) => s.$id?.startsWith('PackageWorkflowTrigger')),
  PackageFieldSchema,
  PackageRecordTypeSchema,
  PackageChoiceListSchema,
  PackageSlaPolicySchema,
  PackageAssignmentRuleSchema,
  PackageWorkflowStepSchema,
  PackageWorkflowTriggerSchema,
  PackageWorkflowSchema,
  GraphPackageSchema,
  PackageObjectDiffSchema,
  PackageDiffSchema,
  PackageInstallSchema,
  PackageInstallDetailSchema,
  InstallResultSchema,
  BuiltInPackageSchema,
  InstallBodySchema,
  InstallBuiltInBodySchema,
  HrLiteBodySchema,
];

const installNotFound = (what: string) =>
  new DomainError(GraphPackagesErrorCodes.PACKAGE_INSTALL_NOT_FOUND, `no install of ${what} in this project`);

const INSTALL_DESCRIPTION =
  'The seven phases, all or nothing: the checksum of the installed version → noop; a lower version → 409 ' +
  'PACKAGE_DOWNGRADE unless allowDowngrade; objects of another package → 409 PACKAGE_OWNERSHIP_CONFLICT ' +
  'naming the owner; fields holding data dropped → 409 PACKAGE_DATA_LOSS unless allowDataLoss; the ' +
  "project's graph with the package applied must pass every graph validator (422 PACKAGE_GRAPH_INVALID). " +
  'preview answers the diff and writes nothing; otherwise new record types are created base types first, ' +
  'edits of owned record types are one merged change (so the install can be reverted exactly), and the ' +
  'install is recorded for the environment. Installs of one project run one at a time.';

/** Graph packages: install (preview or apply), install history, diffs, uninstall, built-in packages. */
export const packageRoutes: FastifyPluginAsyncTypebox<{
  deps: PackageInstallDeps;
  builtIns: readonly GraphPackage[];
  guard: Guard;
}> = async (app, { deps, builtIns, guard }) => {
  const tags = ['packages'];
  const view = guard('admin.view');
  const builtIn = (key: string) => {
    const pkg = builtIns.find((p) => p.key === key);
    if (!pkg) throw new DomainError('NOT_FOUND', `no built-in package ${key}`);
    return pkg;
  };
  // Previews read; applying needs package.install (refused to agents).
  const installGuard = guard('package.install', undefined, {
    permissionOf: (request) =>
      (request.body as { preview?: boolean } | undefined)?.preview ? 'admin.view' : 'package.install',
  });
  const previewNote = `A preview requires \`admin.view\`; applying: ${requires('package.install')}`;
  const ledgerOf = (tenantId: string) => packageLedger(deps.db, tenantId);

  app.post(
    '/admin/graph/install',
    {
      ...installGuard,
      schema: {
        operationId: 'installGraphPackage',
        summary: 'Install a graph package into a project (preview or apply)',
        description: `${INSTALL_DESCRIPTION} ${previewNote}`,
        tags,
        body: ref(InstallBodySchema),
        response: { 200: ref(InstallResultSchema), ...validatedWriteErrors },
      },
    },
    async (request): Promise<InstallResult> =>
      installPackage(deps, request.ctx, { ...request.body, package: request.body.package as GraphPackage }),
  );

  app.get(
    '/admin/graph/packages',
    {
      ...view,
      schema: {
        operationId: 'listGraphPackageInstalls',
        summary: "A project's package installs, newest first",
        description: `Installed and reverted installs, optionally of one package. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        tags,
        querystring: Type.Composite([
          Type.Object({ projectId: Uuid(), packageKey: Type.Optional(PackageKey) }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(PackageInstallSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { projectId, packageKey, ...query } = request.query;
      await deps.tenancy.requireProject(request.ctx, projectId);
      const page = pageRequestOf(query);
      const rows = await ledgerOf(request.ctx.tenantId).listInstalls(
        { projectId, ...(packageKey ? { packageKey } : {}) },
        { limit: page.limit + 1, ...(page.cursor ? { after: decodeCursor(page.cursor) } : {}) },
      );
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: r.installed_at.toISOString(),
        id: r.id,
      }));
      if (nextCursor) void reply.header('x-next-cursor', nextCursor);
      return items.map(toPackageInstall);
    },
  );

  app.get(
    '/admin/graph/packages/diff',
    {
      ...view,
      schema: {
        operationId: 'diffGraphPackageVersions',
        summary: 'The diff between two installed versions of a package',
        description: `Compares the contents of the latest installs of fromVersion and toVersion of the package in the project (installed or reverted). 404 PACKAGE_INSTALL_NOT_FOUND when either was never installed there. ${requires('admin.view')}`,
        tags,
        querystring: Type.Object({
          projectId: Uuid(),
          packageKey: PackageKey,
          fromVersion: Version,
          toVersion: Version,
        }),
        response: { 200: ref(PackageDiffSchema), ...guardedReadErrors },
      },
    },
    async (request) => {
      const { projectId, packageKey, fromVersion, toVersion } = request.query;
      await deps.tenancy.requireProject(request.ctx, projectId);
      const ledger = ledgerOf(request.ctx.tenantId);
      const [from, to] = await Promise.all([
        ledger.findVersion(projectId, packageKey, fromVersion),
        ledger.findVersion(projectId, packageKey, toVersion),
      ]);
      if (!from) throw installNotFound(`${packageKey} ${fromVersion}`);
      if (!to) throw installNotFound(`${packageKey} ${toVersion}`);
      return diffPackages(from.package_contents as GraphPackage, to.package_contents as GraphPackage);
    },
  );

  app.get(
    '/admin/graph/packages/:installId',
    {
      ...view,
      schema: {
        operationId: 'getGraphPackageInstall',
        summary: 'One package install with the package as installed and its diff',
        description: `404 PACKAGE_INSTALL_NOT_FOUND for an id of no install of the caller's tenant. ${requires('admin.view')}`,
        tags,
        params: Type.Object({ installId: Uuid() }),
        response: { 200: ref(PackageInstallDetailSchema), ...guardedReadErrors },
      },
    },
    async (request) => {
      const row = await ledgerOf(request.ctx.tenantId).findInstall(request.params.installId);
      if (!row)
        throw new DomainError(
          GraphPackagesErrorCodes.PACKAGE_INSTALL_NOT_FOUND,
          `no package install ${request.params.installId} in this tenant`,
        );
      return toPackageInstallDetail(row);
    },
  );

  app.post(
    '/admin/graph/packages/:installId/revert',
    {
      ...guard('package.install'),
      schema: {
        operationId: 'revertGraphPackageInstall',
        summary: 'Uninstall: revert the latest install of a package exactly',
        description:
          "Reverts the install's merged change through the change engine (every touched record type gets its snapshot back), " +
          'deletes the record types and choice lists it created, retires the workflows it created, and hands ownership back to the ' +
          'previous install; the environment records an uninstall. Only the latest installed install of the package can be reverted ' +
          '(409 PACKAGE_ALREADY_REVERTED otherwise); 409 PACKAGE_REVERT_BLOCKED while a created record type holds records (data is ' +
          `never dropped). ${requires('package.install')}`,
        tags,
        params: Type.Object({ installId: Uuid() }),
        response: { 200: ref(PackageInstallSchema), ...validatedWriteErrors },
      },
    },
    async (request) => revertInstall(deps, request.ctx, request.params.installId),
  );

  app.get(
    '/admin/graph/built-in',
    {
      ...view,
      schema: {
        operationId: 'listBuiltInGraphPackages',
        summary: 'The built-in packages',
        description: `Every package that ships with EC3L, with its checksum and what it holds. ${requires('admin.view')}`,
        tags,
        response: { 200: Type.Array(ref(BuiltInPackageSchema)), ...guardedReadErrors },
      },
    },
    async () =>
      builtIns.map((p) => ({
        key: p.key,
        version: p.version,
        name: p.name,
        ...(p.description === undefined ? {} : { description: p.description }),
        checksum: packageChecksum(p),
        counts: {
          recordTypes: p.recordTypes.length,
          choiceLists: p.choiceLists?.length ?? 0,
          slaPolicies: p.slaPolicies?.length ?? 0,
          assignmentRules: p.assignmentRules?.length ?? 0,
          workflows: p.workflows?.length ?? 0,
        },
      })),
  );

  app.post(
    '/admin/graph/install-built-in',
    {
      ...installGuard,
      schema: {
        operationId: 'installBuiltInGraphPackage',
        summary: 'Install a built-in package into a project (preview or apply)',
        description: `Installs the built-in package named by packageKey (404 for a key no built-in has) as POST /admin/graph/install does. ${previewNote}`,
        tags,
        body: ref(InstallBuiltInBodySchema),
        response: { 200: ref(InstallResultSchema), ...validatedWriteErrors },
      },
    },
    async (request) => {
      const { packageKey, ...options } = request.body;
      return installPackage(deps, request.ctx, { ...options, package: builtIn(packageKey) });
    },
  );

  app.post(
    '/hr-lite/install',
    {
      ...installGuard,
      schema: {
        operationId: 'installHrLite',
        summary: 'Install HR Lite into a project (preview or apply)',
        description: `Installs the built-in package hr.lite (employee, department, position and their workflows) as POST /admin/graph/install does. ${previewNote}`,
        tags,
        body: ref(HrLiteBodySchema),
        response: { 200: ref(InstallResultSchema), ...validatedWriteErrors },
      },
    },
    async (request) => installPackage(deps, request.ctx, { ...request.body, package: builtIn('hr.lite') }),
  );
};
