import { Identifier, Uuid } from '@ec3l/kernel';
import {
  ChoiceItemInputSchema,
  ChoiceItemSchema,
  ChoiceListSchema,
  type CreateChoiceListBody,
  CreateChoiceListBodySchema,
  type CreateRecordTypeBody,
  CreateRecordTypeBodySchema,
  type FieldInput,
  FieldInputSchema,
  FieldSchema,
  type RecordsService,
  RecordTypeSchema,
  type UpdateRecordTypeConfigBody,
  UpdateRecordTypeConfigBodySchema,
} from '@ec3l/records';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, readErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  ChoiceListParamsSchema,
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  RecordTypeParamsSchema,
  ref,
  sendPage,
} from '../schemas.js';

export const recordRoutes: FastifyPluginAsyncTypebox<{ records: RecordsService; guard: Guard }> = async (
  app,
  { records, guard },
) => {
  const tags = ['record-types'];
  const edit = guard('schema.edit');
  const needsEdit = requires('schema.edit');

  app.get(
    '/record-types',
    {
      schema: {
        operationId: 'listRecordTypes',
        summary: 'Record types with their effective schemas, by project and key',
        description: PAGE_DESCRIPTION,
        tags,
        querystring: Type.Composite([Type.Object({ projectId: Type.Optional(Uuid()) }), PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(RecordTypeSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await records.listRecordTypes(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.post(
    '/record-types',
    {
      ...edit,
      schema: {
        operationId: 'createRecordType',
        description: needsEdit,
        tags,
        summary: 'Create a draft record type (optionally inheriting from a base type of the same project)',
        body: ref(CreateRecordTypeBodySchema),
        response: { 201: ref(RecordTypeSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await records.createRecordType(request.ctx, request.body as CreateRecordTypeBody)),
  );

  app.get(
    '/projects/:projectId/record-types/:key',
    {
      schema: {
        operationId: 'getRecordTypeByKey',
        tags: ['projects', ...tags],
        summary: 'Read a record type by its key (keys are unique per project)',
        params: Type.Object({
          projectId: Uuid(),
          key: Identifier(),
        }),
        response: { 200: ref(RecordTypeSchema), ...readErrors },
      },
    },
    async (request) => records.getRecordTypeByKey(request.ctx, request.params.projectId, request.params.key),
  );

  app.get(
    '/record-types/:recordTypeId',
    {
      schema: {
        operationId: 'getRecordType',
        summary: 'Read a record type with its effective schema',
        tags,
        params: RecordTypeParamsSchema,
        response: { 200: ref(RecordTypeSchema), ...readErrors },
      },
    },
    async (request) => records.getRecordType(request.ctx, request.params.recordTypeId),
  );

  app.patch(
    '/record-types/:recordTypeId',
    {
      ...edit,
      schema: {
        operationId: 'updateRecordTypeConfig',
        summary: "Set or clear a draft record type's assignment and SLA configuration",
        description: `${needsEdit} Either or both; null clears one, an absent one stays. The fields a configuration names (field_match, pauseWhen, completeWhen) must be in the effective schema. An active type answers 409: its configuration changes only through a change record (set_assignment / set_sla ops).`,
        tags,
        params: RecordTypeParamsSchema,
        body: ref(UpdateRecordTypeConfigBodySchema),
        response: { 200: ref(RecordTypeSchema), ...writeErrors },
      },
    },
    async (request) =>
      records.updateConfig(
        request.ctx,
        request.params.recordTypeId,
        request.body as UpdateRecordTypeConfigBody,
      ),
  );

  for (const action of ['activate', 'retire'] as const) {
    app.post(
      `/record-types/:recordTypeId/${action}`,
      {
        ...edit,
        schema: {
          operationId: `${action}RecordType`,
          description: needsEdit,
          tags,
          summary: action === 'activate' ? 'draft → active' : 'draft or active → retired',
          params: RecordTypeParamsSchema,
          response: { 200: ref(RecordTypeSchema), ...writeErrors, ...errorResponses(409) },
        },
      },
      async (request) => records.setLifecycle(request.ctx, request.params.recordTypeId, action),
    );
  }

  app.get(
    '/record-types/:recordTypeId/fields',
    {
      schema: {
        operationId: 'listRecordTypeFields',
        tags,
        summary: 'The effective fields: inherited first, marked',
        params: RecordTypeParamsSchema,
        response: { 200: Type.Array(ref(FieldSchema)), ...readErrors },
      },
    },
    async (request) => records.listFields(request.ctx, request.params.recordTypeId),
  );

  app.post(
    '/record-types/:recordTypeId/fields',
    {
      ...edit,
      schema: {
        operationId: 'addRecordTypeField',
        description: needsEdit,
        tags,
        summary:
          'Add a field to a draft record type (active schemas change only through change records: 409)',
        params: RecordTypeParamsSchema,
        body: ref(FieldInputSchema),
        response: { 201: ref(RecordTypeSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.addField(request.ctx, request.params.recordTypeId, request.body as FieldInput)),
  );

  const listTags = ['choice-lists'];
  app.get(
    '/choice-lists',
    {
      schema: {
        operationId: 'listChoiceLists',
        summary: "The tenant's choice lists, by name",
        description: PAGE_DESCRIPTION,
        tags: listTags,
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(ChoiceListSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(reply, await records.listChoiceLists(request.ctx, pageRequestOf(request.query))),
  );

  app.post(
    '/choice-lists',
    {
      ...edit,
      schema: {
        operationId: 'createChoiceList',
        summary: 'Create a choice list, optionally with its first items',
        description: needsEdit,
        tags: listTags,
        body: ref(CreateChoiceListBodySchema),
        response: { 201: ref(ChoiceListSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await records.createChoiceList(request.ctx, request.body as CreateChoiceListBody)),
  );

  app.get(
    '/choice-lists/:choiceListId',
    {
      schema: {
        operationId: 'getChoiceList',
        summary: 'Read a choice list',
        tags: listTags,
        params: ChoiceListParamsSchema,
        response: { 200: ref(ChoiceListSchema), ...readErrors },
      },
    },
    async (request) => records.getChoiceList(request.ctx, request.params.choiceListId),
  );

  app.get(
    '/choice-lists/:choiceListId/items',
    {
      schema: {
        operationId: 'listChoiceItems',
        summary: 'The items of a choice list, in order',
        tags: listTags,
        params: ChoiceListParamsSchema,
        response: { 200: Type.Array(ref(ChoiceItemSchema)), ...readErrors },
      },
    },
    async (request) => records.listChoiceItems(request.ctx, request.params.choiceListId),
  );

  app.post(
    '/choice-lists/:choiceListId/items',
    {
      ...edit,
      schema: {
        operationId: 'addChoiceItem',
        summary: 'Add an item to a choice list (values are unique per list)',
        description: needsEdit,
        tags: listTags,
        params: ChoiceListParamsSchema,
        body: ref(ChoiceItemInputSchema),
        response: { 201: ref(ChoiceItemSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.addChoiceItem(request.ctx, request.params.choiceListId, request.body)),
  );
};
