import { RuleProblemSchema } from '@ec3l/form-rules';
import {
  CompiledFormSchema,
  CreateFormDefinitionBodySchema,
  CreateFormOverrideBodySchema,
  CreateFormPlacementBodySchema,
  CreateFormRuleBodySchema,
  CreateFormSectionBodySchema,
  EvaluateFormBodySchema,
  FormDefinitionSchema,
  FormEvaluationSchema,
  FormOverrideSchema,
  FormPlacementSchema,
  FormRuleSchema,
  FormSectionSchema,
  type FormsService,
  UpdateFormPlacementBodySchema,
  UpdateFormRuleBodySchema,
  UpdateFormSectionBodySchema,
} from '@ec3l/forms';
import { Name, Uuid } from '@ec3l/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TString, Type } from '@sinclair/typebox';
import { guardedReadErrors, readErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const uuidParams = <K extends string>(name: K) => Type.Object({ [name]: Uuid() } as Record<K, TString>);
const DefinitionParams = uuidParams('formDefinitionId');
const SectionParams = uuidParams('formSectionId');
const PlacementParams = uuidParams('formPlacementId');
const RuleParams = uuidParams('formRuleId');
const OverrideParams = uuidParams('formOverrideId');
const FormNameParams = Type.Object({
  recordTypeName: Name({ maxLength: 200, description: 'The record type’s name (unique in the tenant)' }),
  formName: Name({ maxLength: 100, description: 'The form’s name (unique per record type)' }),
});

type Body<T> = T extends { static: infer S } ? S : never;

/** Form definitions, their sections, placements and rules, compiled forms, overrides and evaluation. */
export const formRoutes: FastifyPluginAsyncTypebox<{ forms: FormsService; guard: Guard }> = async (
  app,
  { forms, guard },
) => {
  const tags = ['forms'];
  const edit = guard('form.edit');
  const view = guard('form.view');
  const needsEdit = requires('form.edit');

  app.get(
    '/form-definitions',
    {
      schema: {
        operationId: 'listFormDefinitions',
        summary: 'Form definitions, oldest first, optionally of one record type',
        description: PAGE_DESCRIPTION,
        tags,
        querystring: Type.Composite([Type.Object({ recordTypeId: Type.Optional(Uuid()) }), PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(FormDefinitionSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { recordTypeId, ...page } = request.query;
      return sendPage(
        reply,
        await forms.listDefinitions(request.ctx, {
          ...(recordTypeId ? { recordTypeId } : {}),
          ...pageRequestOf(page),
        }),
      );
    },
  );

  app.post(
    '/form-definitions',
    {
      ...edit,
      schema: {
        operationId: 'createFormDefinition',
        summary: 'Create a draft form for a record type',
        description: `Names are unique per record type (409 FORM_NAME_TAKEN). ${needsEdit}`,
        tags,
        body: ref(CreateFormDefinitionBodySchema),
        response: { 201: ref(FormDefinitionSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forms.createDefinition(
            request.ctx,
            request.body as Body<typeof CreateFormDefinitionBodySchema>,
          ),
        ),
  );

  app.get(
    '/form-definitions/:formDefinitionId',
    {
      schema: {
        operationId: 'getFormDefinition',
        summary: 'Read a form definition',
        tags,
        params: DefinitionParams,
        response: { 200: ref(FormDefinitionSchema), ...readErrors },
      },
    },
    async (request) => forms.getDefinition(request.ctx, request.params.formDefinitionId),
  );

  for (const action of ['activate', 'retire'] as const) {
    app.post(
      `/form-definitions/:formDefinitionId/${action}`,
      {
        ...edit,
        schema: {
          operationId: `${action}FormDefinition`,
          summary:
            action === 'activate' ? 'Activate a form: draft → active' : 'Retire a form: active → retired',
          description: `${
            action === 'activate'
              ? "An active form's rules hold on every record write of its record type."
              : 'A retired form no longer holds on record writes and refuses edits.'
          } Any other move answers 409 FORM_STATE_CONFLICT. ${needsEdit}`,
          tags,
          params: DefinitionParams,
          response: { 200: ref(FormDefinitionSchema), ...writeErrors },
        },
      },
      async (request) =>
        forms.moveDefinition(
          request.ctx,
          request.params.formDefinitionId,
          action === 'activate' ? 'active' : 'retired',
        ),
    );
  }

  app.get(
    '/form-definitions/:formDefinitionId/sections',
    {
      schema: {
        operationId: 'listFormSections',
        summary: "A form's sections in display order",
        tags,
        params: DefinitionParams,
        response: { 200: Type.Array(ref(FormSectionSchema)), ...readErrors },
      },
    },
    async (request) => forms.listSections(request.ctx, request.params.formDefinitionId),
  );

  app.post(
    '/form-definitions/:formDefinitionId/sections',
    {
      ...edit,
      schema: {
        operationId: 'createFormSection',
        summary: 'Add a section to a form',
        description: `Titles are unique within the form (409 FORM_SECTION_TITLE_TAKEN); at most 50 sections (409 FORM_LIMIT_REACHED); a retired form answers 409 FORM_STATE_CONFLICT. ${needsEdit}`,
        tags,
        params: DefinitionParams,
        body: ref(CreateFormSectionBodySchema),
        response: { 201: ref(FormSectionSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forms.addSection(
            request.ctx,
            request.params.formDefinitionId,
            request.body as Body<typeof CreateFormSectionBodySchema>,
          ),
        ),
  );

  app.patch(
    '/form-sections/:formSectionId',
    {
      ...edit,
      schema: {
        operationId: 'updateFormSection',
        summary: "Rename or reorder a form's section",
        description: `409 FORM_SECTION_TITLE_TAKEN when another section has the title. ${needsEdit}`,
        tags,
        params: SectionParams,
        body: ref(UpdateFormSectionBodySchema),
        response: { 200: ref(FormSectionSchema), ...writeErrors },
      },
    },
    async (request) =>
      forms.updateSection(
        request.ctx,
        request.params.formSectionId,
        request.body as Body<typeof UpdateFormSectionBodySchema>,
      ),
  );

  app.delete(
    '/form-sections/:formSectionId',
    {
      ...edit,
      schema: {
        operationId: 'deleteFormSection',
        summary: 'Delete a section and the field placements in it',
        description: needsEdit,
        tags,
        params: SectionParams,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await forms.deleteSection(request.ctx, request.params.formSectionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/form-sections/:formSectionId/placements',
    {
      schema: {
        operationId: 'listFormPlacements',
        summary: "A section's field placements in display order",
        tags,
        params: SectionParams,
        response: { 200: Type.Array(ref(FormPlacementSchema)), ...readErrors },
      },
    },
    async (request) => forms.listPlacements(request.ctx, request.params.formSectionId),
  );

  app.post(
    '/form-sections/:formSectionId/placements',
    {
      ...edit,
      schema: {
        operationId: 'createFormPlacement',
        summary: 'Place a field of the record type in a section',
        description: `The field must be one of the record type's fields, own or inherited (400 FORM_FIELD_UNKNOWN); a field is placed once per form (409 FORM_FIELD_PLACED). ${needsEdit}`,
        tags,
        params: SectionParams,
        body: ref(CreateFormPlacementBodySchema),
        response: { 201: ref(FormPlacementSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forms.addPlacement(
            request.ctx,
            request.params.formSectionId,
            request.body as Body<typeof CreateFormPlacementBodySchema>,
          ),
        ),
  );

  app.patch(
    '/form-placements/:formPlacementId',
    {
      ...edit,
      schema: {
        operationId: 'updateFormPlacement',
        summary: 'Move a field placement: another section of the form, column or position',
        description: needsEdit,
        tags,
        params: PlacementParams,
        body: ref(UpdateFormPlacementBodySchema),
        response: { 200: ref(FormPlacementSchema), ...writeErrors },
      },
    },
    async (request) =>
      forms.updatePlacement(
        request.ctx,
        request.params.formPlacementId,
        request.body as Body<typeof UpdateFormPlacementBodySchema>,
      ),
  );

  app.delete(
    '/form-placements/:formPlacementId',
    {
      ...edit,
      schema: {
        operationId: 'deleteFormPlacement',
        summary: 'Take a field off the form',
        description: needsEdit,
        tags,
        params: PlacementParams,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await forms.deletePlacement(request.ctx, request.params.formPlacementId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/form-definitions/:formDefinitionId/rules',
    {
      schema: {
        operationId: 'listFormRules',
        summary: "A form's behaviour rules in application order",
        tags,
        params: DefinitionParams,
        response: { 200: Type.Array(ref(FormRuleSchema)), ...readErrors },
      },
    },
    async (request) => forms.listRules(request.ctx, request.params.formDefinitionId),
  );

  app.post(
    '/form-definitions/:formDefinitionId/rules',
    {
      ...edit,
      schema: {
        operationId: 'createFormRule',
        summary: 'Add a behaviour rule (visible, required or read-only when a condition holds)',
        description: `The target and every field the condition reads must be fields of the record type (400 FORM_FIELD_UNKNOWN); a condition of more than 100 nodes or a comparison without a value is 400 FORM_CONDITION_INVALID; at most 200 rules (409 FORM_LIMIT_REACHED). ${needsEdit}`,
        tags,
        params: DefinitionParams,
        body: ref(CreateFormRuleBodySchema),
        response: { 201: ref(FormRuleSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forms.addRule(
            request.ctx,
            request.params.formDefinitionId,
            request.body as Parameters<FormsService['addRule']>[2],
          ),
        ),
  );

  app.patch(
    '/form-rules/:formRuleId',
    {
      ...edit,
      schema: {
        operationId: 'updateFormRule',
        summary: 'Change a behaviour rule',
        description: `Checked as on create. ${needsEdit}`,
        tags,
        params: RuleParams,
        body: ref(UpdateFormRuleBodySchema),
        response: { 200: ref(FormRuleSchema), ...writeErrors },
      },
    },
    async (request) =>
      forms.updateRule(
        request.ctx,
        request.params.formRuleId,
        request.body as Parameters<FormsService['updateRule']>[2],
      ),
  );

  app.delete(
    '/form-rules/:formRuleId',
    {
      ...edit,
      schema: {
        operationId: 'deleteFormRule',
        summary: 'Delete a behaviour rule',
        description: needsEdit,
        tags,
        params: RuleParams,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await forms.deleteRule(request.ctx, request.params.formRuleId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/form-definitions/:formDefinitionId/analysis',
    {
      schema: {
        operationId: 'analyzeFormRules',
        summary: "Problems of a form's rules: hidden but required, cycles, unknown fields, contradictions",
        description:
          'Analyses the active rules of the compiled form (the active override applied). Writes nothing.',
        tags,
        params: DefinitionParams,
        response: { 200: Type.Array(ref(RuleProblemSchema)), ...readErrors },
      },
    },
    async (request) => forms.analyze(request.ctx, request.params.formDefinitionId),
  );

  app.get(
    '/forms/:recordTypeName/:formName/compiled',
    {
      schema: {
        operationId: 'getCompiledForm',
        summary: 'The compiled form: layout, effective flags and the layer that set each',
        description:
          'Record type fields, then the definition (sections, placements), then the active override, then unconditional rules; a field required by its definition is always required. `view` is the input of @ec3l/form-rules for evaluating conditional rules on data.',
        tags,
        params: FormNameParams,
        response: { 200: ref(CompiledFormSchema), ...readErrors },
      },
    },
    async (request) => forms.compile(request.ctx, request.params.recordTypeName, request.params.formName),
  );

  app.post(
    '/forms/:recordTypeName/:formName/evaluate',
    {
      ...view,
      schema: {
        operationId: 'evaluateForm',
        summary: 'Field states and violations of record data on a form (writes nothing)',
        description: `\`data\` is the record's whole data after a write, \`previous\` its data before (absent for a create): the verdict is the one a record write would get from this form. ${requires('form.view')}`,
        tags,
        params: FormNameParams,
        body: ref(EvaluateFormBodySchema),
        response: { 200: ref(FormEvaluationSchema), ...guardedReadErrors },
      },
    },
    async (request) =>
      forms.evaluate(
        request.ctx,
        request.params.recordTypeName,
        request.params.formName,
        request.body as Body<typeof EvaluateFormBodySchema>,
      ),
  );

  app.get(
    '/forms/:recordTypeName/:formName/overrides',
    {
      schema: {
        operationId: 'listFormOverrides',
        summary: "A form's overrides, newest version first",
        tags,
        params: FormNameParams,
        response: { 200: Type.Array(ref(FormOverrideSchema)), ...readErrors },
      },
    },
    async (request) =>
      forms.listOverrides(request.ctx, request.params.recordTypeName, request.params.formName),
  );

  app.post(
    '/forms/:recordTypeName/:formName/overrides',
    {
      ...edit,
      schema: {
        operationId: 'createFormOverride',
        summary: "Save form patch ops as the form's next override version (a draft)",
        description: `Ops must apply to the form: 400 FORM_PATCH_INVALID with details.problems otherwise; making a field its definition requires optional is 409 FORM_REQUIRED_FIELD. ${needsEdit}`,
        tags,
        params: FormNameParams,
        body: ref(CreateFormOverrideBodySchema),
        response: { 201: ref(FormOverrideSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await forms.saveOverride(
            request.ctx,
            request.params.recordTypeName,
            request.params.formName,
            request.body as Parameters<FormsService['saveOverride']>[3],
          ),
        ),
  );

  for (const action of ['activate', 'retire'] as const) {
    app.post(
      `/form-overrides/:formOverrideId/${action}`,
      {
        ...edit,
        schema: {
          operationId: `${action}FormOverride`,
          summary:
            action === 'activate'
              ? "Activate a draft override (the form's previous active one is retired)"
              : 'Retire a draft or active override',
          description: `Any other move answers 409 FORM_STATE_CONFLICT. ${needsEdit}`,
          tags,
          params: OverrideParams,
          response: { 200: ref(FormOverrideSchema), ...writeErrors },
        },
      },
      async (request) =>
        action === 'activate'
          ? forms.activateOverride(request.ctx, request.params.formOverrideId)
          : forms.retireOverride(request.ctx, request.params.formOverrideId),
    );
  }
};
