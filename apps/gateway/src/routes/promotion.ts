import { Uuid } from '@ec3l/kernel';
import {
  EnvironmentDeploymentSchema,
  EnvironmentDiffSchema,
  EnvironmentPackageSchema,
  EnvironmentReleaseSchema,
  INTENT_STATUSES,
  ProcessDeliveriesResultSchema,
  type PromoteBody,
  PromoteBodySchema,
  PromotionIntentSchema,
  PromotionResultSchema,
  type PromotionService,
  RejectIntentBodySchema,
  type UpdateEnvironmentBody,
  UpdateEnvironmentBodySchema,
  WebhookDeliverySchema,
  type WebhookOutbox,
} from '@ec3l/promotion';
import { EnvironmentSchema, type TenancyService } from '@ec3l/tenancy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TString, Type } from '@sinclair/typebox';
import { errorResponses, guardedReadErrors, readErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  EnvironmentParamsSchema,
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  ProjectParamsSchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const IntentParams = Type.Object({ promotionIntentId: Uuid() } as Record<'promotionIntentId', TString>);
const enumOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const IntentFilterSchema = Type.Object({
  projectId: Type.Optional(Uuid()),
  status: Type.Optional(enumOf(INTENT_STATUSES)),
});
const DiffQuerySchema = Type.Object({ fromEnvironmentId: Uuid(), toEnvironmentId: Uuid() });

const ACTION_DOCS = {
  preview: {
    summary: 'Preview a promotion intent: draft, previewed or approved → previewed',
    description:
      "Computes the diff and records the hashes of both environments' package state (a re-preview clears the approval). When the target requires approval and has a webhook, promotion.approval_required is queued and sent best-effort.",
  },
  approve: {
    summary: 'Approve a previewed promotion intent (a human only)',
    description: 'previewed → approved. Only a human user approves (403 PROMOTION_HUMAN_REQUIRED otherwise).',
  },
  execute: {
    summary: 'Execute an approved promotion intent',
    description:
      "approved → executed: applies the source's missing and outdated packages to the target in one transaction (a failure writes nothing). 409 PROMOTION_DRIFT when either environment's package state changed since the preview: preview again. Executing an executed intent answers it unchanged.",
  },
  reject: {
    summary: 'Reject a promotion intent (terminal)',
    description: 'draft, previewed or approved → rejected, with an optional reason.',
  },
} as const;

/** Environment package state and diff, direct and governed promotion, releases, deployments, webhooks. */
export const promotionRoutes: FastifyPluginAsyncTypebox<{
  promotion: PromotionService;
  outbox: WebhookOutbox;
  tenancy: TenancyService;
  guard: Guard;
}> = async (app, { promotion, outbox, tenancy, guard }) => {
  const tags = ['promotion'];
  const view = guard('admin.view');
  const promote = guard('environment.promote');

  app.get(
    '/environments/:environmentId/packages',
    {
      ...view,
      schema: {
        operationId: 'listEnvironmentPackages',
        summary: 'The packages an environment holds',
        description: `The newest state of each package in the environment (installed or promoted; uninstalled ones are left out), by key. ${requires('admin.view')}`,
        tags,
        params: EnvironmentParamsSchema,
        response: { 200: Type.Array(ref(EnvironmentPackageSchema)), ...guardedReadErrors },
      },
    },
    async (request) => promotion.listEnvironmentPackages(request.ctx, request.params.environmentId),
  );

  app.get(
    '/admin/environments/diff',
    {
      ...view,
      schema: {
        operationId: 'diffEnvironments',
        summary: 'Diff two environments, package by package and object by object',
        description: `Each package of the source is missing, outdated or same in the target (extra: only the target holds it); missing and outdated ones carry the per-object diff with each object's disposition. ${requires('admin.view')}`,
        tags,
        querystring: DiffQuerySchema,
        response: { 200: ref(EnvironmentDiffSchema), ...guardedReadErrors },
      },
    },
    async (request) => promotion.diffEnvironments(request.ctx, request.query),
  );

  app.post(
    '/admin/environments/promote',
    {
      ...promote,
      schema: {
        operationId: 'promoteEnvironment',
        summary: 'Promote directly from one environment to another',
        description: `Applies the source's missing and outdated packages to the target in one transaction and records a deployment between releases of both. 409 PROMOTION_APPROVAL_REQUIRED when the target requires approval (use a promotion intent). ${requires('environment.promote')}`,
        tags,
        body: ref(PromoteBodySchema),
        response: { 200: ref(PromotionResultSchema), ...writeErrors, ...errorResponses(422) },
      },
    },
    async (request) => promotion.promote(request.ctx, request.body as PromoteBody),
  );

  app.get(
    '/admin/environments/promotions',
    {
      ...view,
      schema: {
        operationId: 'listPromotionIntents',
        summary: 'Promotion intents, newest first',
        description: `Filter by project or status. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        tags,
        querystring: Type.Composite([IntentFilterSchema, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(PromotionIntentSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await promotion.listIntents(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.post(
    '/admin/environments/promotions',
    {
      ...promote,
      schema: {
        operationId: 'createPromotionIntent',
        summary: 'Create a draft promotion intent',
        description: `Between two environments of the project. ${requires('environment.promote')}`,
        tags,
        body: ref(PromoteBodySchema),
        response: { 201: ref(PromotionIntentSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await promotion.createIntent(request.ctx, request.body as PromoteBody)),
  );

  app.get(
    '/admin/environments/promotions/:promotionIntentId',
    {
      ...view,
      schema: {
        operationId: 'getPromotionIntent',
        summary: 'Read a promotion intent',
        description: `With its diff, result and notification state. ${requires('admin.view')}`,
        tags,
        params: IntentParams,
        response: { 200: ref(PromotionIntentSchema), ...guardedReadErrors },
      },
    },
    async (request) => promotion.getIntent(request.ctx, request.params.promotionIntentId),
  );

  for (const action of ['preview', 'approve', 'execute'] as const) {
    app.post(
      `/admin/environments/promotions/:promotionIntentId/${action}`,
      {
        ...promote,
        schema: {
          operationId: `${action}PromotionIntent`,
          summary: ACTION_DOCS[action].summary,
          description: `${ACTION_DOCS[action].description} ${requires('environment.promote')}`,
          tags,
          params: IntentParams,
          response: {
            200: ref(PromotionIntentSchema),
            ...writeErrors,
            ...(action === 'execute' ? errorResponses(422) : {}),
          },
        },
      },
      async (request) => {
        const id = request.params.promotionIntentId;
        if (action === 'preview') return promotion.previewIntent(request.ctx, id);
        if (action === 'approve') return promotion.approveIntent(request.ctx, id);
        return promotion.executeIntent(request.ctx, id);
      },
    );
  }

  app.post(
    '/admin/environments/promotions/:promotionIntentId/reject',
    {
      ...promote,
      schema: {
        operationId: 'rejectPromotionIntent',
        summary: ACTION_DOCS.reject.summary,
        description: `${ACTION_DOCS.reject.description} ${requires('environment.promote')}`,
        tags,
        params: IntentParams,
        body: ref(RejectIntentBodySchema),
        response: { 200: ref(PromotionIntentSchema), ...writeErrors },
      },
    },
    async (request) =>
      promotion.rejectIntent(
        request.ctx,
        request.params.promotionIntentId,
        (request.body as { reason?: string }).reason,
      ),
  );

  app.get(
    '/admin/environments/promotions/:promotionIntentId/deliveries',
    {
      ...view,
      schema: {
        operationId: 'listPromotionDeliveries',
        summary: 'The webhook deliveries of a promotion intent, oldest first',
        description: `Each delivery with its webhook id, attempts, last status code and error. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        tags,
        params: IntentParams,
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(WebhookDeliverySchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await promotion.listDeliveries(
          request.ctx,
          request.params.promotionIntentId,
          pageRequestOf(request.query),
        ),
      ),
  );

  app.post(
    '/admin/webhooks/deliveries/process',
    {
      ...guard('automation.run'),
      schema: {
        operationId: 'processWebhookDeliveries',
        summary: 'Attempt the due webhook deliveries now',
        description: `The scheduler does this on every tick; this runs the same pass on demand for the caller's tenant. ${requires('automation.run')}`,
        tags,
        response: { 200: ref(ProcessDeliveriesResultSchema), ...writeErrors },
      },
    },
    async (request) => outbox.processDue(request.ctx),
  );

  app.patch(
    '/environments/:environmentId',
    {
      ...guard('environment.manage'),
      schema: {
        operationId: 'updateEnvironment',
        summary: "Edit an environment's promotion settings",
        description: `requiresPromotionApproval forces promotions into the environment through approved intents; promotionWebhookUrl (https, or plain http to a host of EC3L_WEBHOOK_ALLOWLIST; null removes it) receives signed promotion notifications. A URL naming a loopback, private, link-local or metadata address is refused (400 WEBHOOK_URL_REFUSED) unless allowlisted. ${requires('environment.manage')}`,
        tags: ['environments'],
        params: EnvironmentParamsSchema,
        body: ref(UpdateEnvironmentBodySchema),
        response: { 200: ref(EnvironmentSchema), ...writeErrors },
      },
    },
    async (request) => {
      const { environmentId } = request.params;
      await promotion.updateEnvironmentSettings(
        request.ctx,
        environmentId,
        request.body as UpdateEnvironmentBody,
      );
      return tenancy.getEnvironment(request.ctx, environmentId);
    },
  );

  app.post(
    '/environments/:environmentId/release',
    {
      ...guard('environment.release_create'),
      schema: {
        operationId: 'createEnvironmentRelease',
        summary: "Create a release freezing the environment's package state",
        description: `The release lists every package version the environment holds now, with the state's hash. ${requires('environment.release_create')}`,
        tags: ['environments'],
        params: EnvironmentParamsSchema,
        response: { 201: ref(EnvironmentReleaseSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await promotion.createRelease(request.ctx, request.params.environmentId)),
  );

  app.get(
    '/environments/:environmentId/releases',
    {
      schema: {
        operationId: 'listEnvironmentReleases',
        summary: "An environment's releases, newest first",
        description: `Each with the package state it froze. ${PAGE_DESCRIPTION}`,
        tags: ['environments'],
        params: EnvironmentParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(EnvironmentReleaseSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await promotion.listReleases(request.ctx, request.params.environmentId, pageRequestOf(request.query)),
      ),
  );

  app.get(
    '/projects/:projectId/deployments',
    {
      schema: {
        operationId: 'listProjectDeployments',
        summary: "A project's deployments, newest first",
        description: `Every promotion into one of the project's environments, from a release of the source to the target's release after it. ${PAGE_DESCRIPTION}`,
        tags: ['environments'],
        params: ProjectParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(EnvironmentDeploymentSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await promotion.listDeployments(request.ctx, request.params.projectId, pageRequestOf(request.query)),
      ),
  );
};
