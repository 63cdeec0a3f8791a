import type { FormsService } from '@ec3l/forms';
import { Name, Text, Uuid } from '@ec3l/kernel';
import {
  AdoptVariantBodySchema,
  CreateDraftBodySchema,
  DiffVariantsBodySchema,
  DiffVersionsBodySchema,
  DraftInstallResultSchema,
  FromVariantBodySchema,
  GenerateMultiBodySchema,
  GenerateMultiResultSchema,
  PatchDraftBodySchema,
  type PipelineEvent,
  PreviewBodySchema,
  PreviewResultSchema,
  RefineDraftBodySchema,
  RestoreDraftBodySchema,
  VariantDiffSchema,
  VersionDiffSchema,
  VibeDraftSchema,
  VibeDraftVersionSchema,
  VibeGenerationSchema,
  VibeInstallBodySchema,
  VibeInstallOutcomeSchema,
  type VibeService,
} from '@ec3l/vibe';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TString, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { proposeFormPatch } from '../flows/vibe-form-patch.js';
import { errorResponses, readErrors, toErrorReply, validatedWriteErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const FormVibePatchParams = Type.Object({
  recordTypeName: Name({ maxLength: 200, description: 'The record type’s name (unique in the tenant)' }),
  formName: Name({ maxLength: 100, description: 'The form’s name (unique per record type)' }),
});
const FormVibePatchBody = Type.Object(
  {
    prompt: Text({
      minLength: 1,
      maxLength: 2000,
      description: 'The change, in words ("make due date required")',
    }),
  },
  { additionalProperties: false },
);
const FormVibePatchResult = Type.Object(
  {
    ops: Type.Array(Type.Ref('FormPatchOp')),
    problems: Type.Array(Type.Ref('FormPatchProblem')),
    valid: Type.Boolean({ description: 'No problems: the ops apply to the form as it is' }),
    generationId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);
const DraftParams = Type.Object({ draftId: Uuid() } as Record<'draftId', TString>);
/** Generation routes can also answer 422 (refused output), 429 (the tenant's generation limit) and 503 (the provider). */
const generationErrors = { ...validatedWriteErrors, ...errorResponses(429) };
const SSE_RESPONSE = {
  200: {
    description:
      'Server-sent events: `stage` ({ stage, attempt, problems? }), `token` ({ attempt, text }, token streams only), then `complete` (the result) or `error` (an error body)',
    content: { 'text/event-stream': { schema: Type.String() } },
  },
};

/** Streams a generation's events over SSE; a closed connection aborts the generation (and frees its slot). */
const streamed = async <R>(
  request: FastifyRequest,
  reply: FastifyReply,
  run: (signal: AbortSignal, send: (event: string, data: unknown) => void) => Promise<R>,
) => {
  const controller = new AbortController();
  reply.raw.on('close', () => controller.abort());
  let queue: Promise<unknown> = Promise.resolve();
  let started = false;
  const send = (event: string, data: unknown) => {
    started = true;
    queue = queue
      .then(() => (reply.sse.isConnected ? reply.sse.send({ event, data }) : undefined))
      .catch(() => {});
  };
  try {
    const result = await run(controller.signal, send);
    send('complete', result);
  } catch (error) {
    if (!started) throw error;
    const { body } = toErrorReply(error);
    if (body.statusCode === 500) request.log.error({ err: error }, 'vibe stream failed');
    send('error', body);
  }
  await queue;
  reply.sse.close();
};

const stageOf = (event: PipelineEvent) =>
  event.type === 'stage'
    ? { stage: event.stage, attempt: event.attempt, ...(event.problems ? { problems: event.problems } : {}) }
    : { attempt: event.attempt, text: event.text };

/** Vibe authoring: generation, preview, streaming, variants, drafts and their versions. */
export const vibeRoutes: FastifyPluginAsyncTypebox<{
  vibe: VibeService;
  forms: FormsService;
  guard: Guard;
}> = async (app, { vibe, forms, guard }) => {
  const tags = ['vibe'];
  const author = guard('vibe.author');
  const installs = guard('package.install');

  app.post(
    '/vibe/preview',
    {
      ...author,
      schema: {
        operationId: 'previewVibePackage',
        summary: 'Generate (or refine) a package and preview it against the project',
        description: `The model's output passes the schema, the package validators and the namespace guard (\`vibe.\` key, \`vibe_\` record types), with up to the configured repairs, then an install preview (nothing written but the generation log). 422 VIBE_GENERATION_FAILED when every attempt is refused; 429 VIBE_GENERATION_LIMIT when the tenant runs its limit of generations. ${requires('vibe.author')}`,
        tags,
        body: ref(PreviewBodySchema),
        response: { 200: ref(PreviewResultSchema), ...generationErrors },
      },
    },
    async (request) => vibe.preview(request.ctx, request.body),
  );

  for (const [path, operationId, tokens] of [
    ['/vibe/preview/stream', 'streamVibePreview', false],
    ['/vibe/preview/stream-tokens', 'streamVibePreviewTokens', true],
  ] as const)
    app.post(
      path,
      {
        ...author,
        sse: 'only',
        schema: {
          operationId,
          summary: tokens
            ? "Preview with the model's tokens streamed (SSE)"
            : 'Preview with the pipeline stages streamed (SSE)',
          description: `Streams the stages generation → extract_json → validate_schema → repair → projection → diff${tokens ? ', the tokens as they arrive,' : ''} then complete with the preview result. Preview only: never creates a draft or installs. Closing the connection aborts the generation. ${requires('vibe.author')}`,
          tags,
          body: ref(PreviewBodySchema),
          response: { ...SSE_RESPONSE, ...generationErrors },
        },
      },
      async (request, reply) =>
        streamed(request, reply, (signal, send) =>
          vibe.preview(
            request.ctx,
            request.body,
            {
              signal,
              onEvent: (event) => {
                if (event.type === 'stage') send('stage', stageOf(event));
                else if (tokens) send('token', stageOf(event));
              },
            },
            'stream',
          ),
        ),
    );

  app.post(
    '/vibe/install',
    {
      ...installs,
      schema: {
        operationId: 'installVibePackage',
        summary: 'Install a vibe package through the install engine',
        description: `The package passes every check a model's output passes (400 VIBE_PACKAGE_INVALID, VIBE_NAMESPACE_VIOLATION), then installs as one merged change that revert undoes. ${requires('package.install')}`,
        tags,
        body: ref(VibeInstallBodySchema),
        response: { 200: ref(VibeInstallOutcomeSchema), ...validatedWriteErrors },
      },
    },
    async (request) => vibe.install(request.ctx, request.body),
  );

  app.post(
    '/vibe/generate-multi',
    {
      ...author,
      schema: {
        operationId: 'generateVibeVariants',
        summary: 'Generate 1–5 package variants at once',
        description: `Variants are generated concurrently and checked one by one; a failing variant is reported as failed and leaves the others. Ephemeral: no draft is made (adopt one, or make a draft from it). ${requires('vibe.author')}`,
        tags,
        body: ref(GenerateMultiBodySchema),
        response: { 200: ref(GenerateMultiResultSchema), ...generationErrors },
      },
    },
    async (request) => vibe.generateMulti(request.ctx, request.body),
  );

  app.post(
    '/vibe/generate-multi/stream',
    {
      ...author,
      sse: 'only',
      schema: {
        operationId: 'streamVibeVariants',
        summary: 'Generate variants with their stages streamed (SSE)',
        description: `\`stage\` events carry the variant's index; \`complete\` carries { variants }. Closing the connection aborts every variant. ${requires('vibe.author')}`,
        tags,
        body: ref(GenerateMultiBodySchema),
        response: { ...SSE_RESPONSE, ...generationErrors },
      },
    },
    async (request, reply) =>
      streamed(request, reply, (signal, send) =>
        vibe.generateMulti(request.ctx, request.body, {
          signal,
          onEvent: (index, event) => {
            if (event.type === 'stage') send('stage', { index, ...stageOf(event) });
          },
        }),
      ),
  );

  app.post(
    '/vibe/variants/diff',
    {
      ...author,
      schema: {
        operationId: 'diffVibeVariants',
        summary: 'Compare two variant packages',
        description: `Pure: the object-by-object diff from packageA to packageB; nothing is stored. ${requires('vibe.author')}`,
        tags,
        body: ref(DiffVariantsBodySchema),
        response: { 200: ref(VariantDiffSchema), ...validatedWriteErrors },
      },
    },
    async (request) => vibe.diffVariants(request.ctx, request.body),
  );

  app.get(
    '/vibe/drafts',
    {
      schema: {
        operationId: 'listVibeDrafts',
        summary: 'Vibe drafts, newest first',
        description: `Optionally of one project. ${PAGE_DESCRIPTION}`,
        tags,
        querystring: Type.Composite([Type.Object({ projectId: Type.Optional(Uuid()) }), PageQuerySchema]),
        response: { 200: { ...Type.Array(ref(VibeDraftSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await vibe.listDrafts(
          request.ctx,
          request.query.projectId ? { projectId: request.query.projectId } : {},
          pageRequestOf(request.query),
        ),
      ),
  );

  app.post(
    '/vibe/drafts',
    {
      ...author,
      schema: {
        operationId: 'createVibeDraft',
        summary: 'Create a draft from a prompt',
        description: `Generates a package (with repairs) and stores it as version 1 (reason create), status draft. Nothing is stored when every attempt is refused (422 VIBE_GENERATION_FAILED). ${requires('vibe.author')}`,
        tags,
        body: ref(CreateDraftBodySchema),
        response: { 201: ref(VibeDraftSchema), ...generationErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await vibe.createDraft(request.ctx, request.body)),
  );

  app.post(
    '/vibe/drafts/from-variant',
    {
      ...author,
      schema: {
        operationId: 'createVibeDraftFromVariant',
        summary: 'Create a draft from a variant',
        description: `The variant passes every check a model's output passes, then becomes version 1 (reason create). ${requires('vibe.author')}`,
        tags,
        body: ref(FromVariantBodySchema),
        response: { 201: ref(VibeDraftSchema), ...validatedWriteErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await vibe.createDraftFromVariant(request.ctx, request.body)),
  );

  app.get(
    '/vibe/drafts/:draftId',
    {
      schema: {
        operationId: 'getVibeDraft',
        summary: 'A vibe draft',
        description: 'The draft with its current package, status and last preview.',
        tags,
        params: DraftParams,
        response: { 200: ref(VibeDraftSchema), ...readErrors },
      },
    },
    async (request) => vibe.getDraft(request.ctx, request.params.draftId),
  );

  app.get(
    '/vibe/drafts/:draftId/generations',
    {
      schema: {
        operationId: 'listVibeDraftGenerations',
        summary: 'The generations behind a draft, oldest first',
        description:
          "Each generation's prompt, adapter and model, the model's raw answers (untrusted text, never stored as a package), the attempts with their problems, tokens, duration and outcome: what explains and replays a draft.",
        tags,
        params: DraftParams,
        response: { 200: Type.Array(ref(VibeGenerationSchema)), ...readErrors },
      },
    },
    async (request) => vibe.listGenerations(request.ctx, request.params.draftId),
  );

  app.post(
    '/vibe/drafts/:draftId/refine',
    {
      ...author,
      schema: {
        operationId: 'refineVibeDraft',
        summary: 'Refine a draft with a prompt',
        description: `A new version (reason refine), status draft. When the refinement fails every check the draft keeps its package and lastGeneration.outcome is fallback. 409 for an installed or discarded draft. ${requires('vibe.author')}`,
        tags,
        params: DraftParams,
        body: ref(RefineDraftBodySchema),
        response: { 200: ref(VibeDraftSchema), ...generationErrors },
      },
    },
    async (request) => vibe.refineDraft(request.ctx, request.params.draftId, request.body.prompt),
  );

  const action = (
    name: 'preview' | 'discard',
    summary: string,
    description: string,
    run: (ctx: FastifyRequest['ctx'], id: string) => Promise<unknown>,
  ) =>
    app.post(
      `/vibe/drafts/:draftId/${name}`,
      {
        ...author,
        schema: {
          operationId: `${name}VibeDraft`,
          summary,
          description: `${description} ${requires('vibe.author')}`,
          tags,
          params: DraftParams,
          response: { 200: ref(VibeDraftSchema), ...validatedWriteErrors },
        },
      },
      async (request) => run(request.ctx, request.params.draftId) as never,
    );
  action(
    'preview',
    'Preview a draft: the install diff against its project',
    'previewed with lastPreviewDiff, or draft with lastPreviewErrors when the install engine refuses it. Writes nothing to the graph.',
    vibe.previewDraft,
  );
  action(
    'discard',
    'Discard a draft (terminal)',
    'discarded: no further action is allowed (409).',
    vibe.discardDraft,
  );

  app.post(
    '/vibe/drafts/:draftId/install',
    {
      ...installs,
      schema: {
        operationId: 'installVibeDraft',
        summary: 'Install a previewed draft',
        description: `Only a previewed draft (409 VIBE_DRAFT_STATE_CONFLICT otherwise); through the install engine, as one merged change that revert undoes; the draft becomes installed (terminal). ${requires('package.install')}`,
        tags,
        params: DraftParams,
        response: { 200: ref(DraftInstallResultSchema), ...validatedWriteErrors },
      },
    },
    async (request) => vibe.installDraft(request.ctx, request.params.draftId),
  );

  app.post(
    '/vibe/drafts/:draftId/patch',
    {
      ...author,
      schema: {
        operationId: 'patchVibeDraft',
        summary: 'Apply patch ops to a draft',
        description: `add_field, rename_field, remove_field (never the last field), set_sla, set_assignment_group, in order; the result is checked again (400 VIBE_PATCH_INVALID) and becomes a new version (reason patch), status draft. ${requires('vibe.author')}`,
        tags,
        params: DraftParams,
        body: ref(PatchDraftBodySchema),
        response: { 200: ref(VibeDraftSchema), ...validatedWriteErrors },
      },
    },
    async (request) => vibe.patchDraft(request.ctx, request.params.draftId, request.body.ops as never),
  );

  app.get(
    '/vibe/drafts/:draftId/versions',
    {
      schema: {
        operationId: 'listVibeDraftVersions',
        summary: "A draft's versions, oldest first",
        description: `Each package mutation's version with its reason. ${PAGE_DESCRIPTION}`,
        tags,
        params: DraftParams,
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(VibeDraftVersionSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await vibe.listVersions(request.ctx, request.params.draftId, pageRequestOf(request.query)),
      ),
  );

  app.post(
    '/vibe/drafts/:draftId/restore',
    {
      ...author,
      schema: {
        operationId: 'restoreVibeDraftVersion',
        summary: 'Restore an earlier version of a draft',
        description: `The version's package becomes current as a new version (reason restore), status draft. ${requires('vibe.author')}`,
        tags,
        params: DraftParams,
        body: ref(RestoreDraftBodySchema),
        response: { 200: ref(VibeDraftSchema), ...validatedWriteErrors },
      },
    },
    async (request) => vibe.restoreVersion(request.ctx, request.params.draftId, request.body.versionNumber),
  );

  app.post(
    '/vibe/drafts/:draftId/versions/diff',
    {
      ...author,
      schema: {
        operationId: 'diffVibeDraftVersions',
        summary: 'Diff two versions of a draft',
        description: `Read-only: the object-by-object diff from one version to another. ${requires('vibe.author')}`,
        tags,
        params: DraftParams,
        body: ref(DiffVersionsBodySchema),
        response: { 200: ref(VersionDiffSchema), ...validatedWriteErrors },
      },
    },
    async (request) =>
      vibe.diffVersions(
        request.ctx,
        request.params.draftId,
        request.body.fromVersion,
        request.body.toVersion,
      ),
  );

  app.post(
    '/vibe/drafts/:draftId/adopt-variant',
    {
      ...author,
      schema: {
        operationId: 'adoptVibeVariant',
        summary: 'Adopt a variant as the draft package',
        description: `The variant passes every check, then becomes a new version (reason adopt_variant), status draft. ${requires('vibe.author')}`,
        tags,
        params: DraftParams,
        body: ref(AdoptVariantBodySchema),
        response: { 200: ref(VibeDraftSchema), ...validatedWriteErrors },
      },
    },
    async (request) => vibe.adoptVariant(request.ctx, request.params.draftId, request.body),
  );

  app.post(
    '/forms/:recordTypeName/:formName/vibePatch',
    {
      ...guard('form.edit'),
      schema: {
        operationId: 'proposeFormVibePatch',
        summary: 'Propose form patch ops from a prompt (never applied)',
        description: `The model sees the form's fields and sections and answers form patch ops; the answer passes a zod schema (422 VIBE_GENERATION_FAILED otherwise), then the forms service validates the ops against the form: \`problems\` lists what would not apply. Nothing is saved: save the ops as an override to apply them. ${requires('form.edit')}`,
        tags,
        params: FormVibePatchParams,
        body: FormVibePatchBody,
        response: { 200: FormVibePatchResult, ...generationErrors },
      },
    },
    async (request) =>
      proposeFormPatch({ forms, vibe }, request.ctx, { ...request.params, prompt: request.body.prompt }),
  );
};
