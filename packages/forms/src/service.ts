import { type Cursor, decodeCursor, inTransaction, isUniqueViolation, type Page, pageOf } from '@ec3l/db';
import {
  analyzeRules,
  type Condition,
  checkRecord,
  conditionFields,
  conditionProblems,
  evaluateForm,
  type FieldState,
  type FormRulesView,
  type FormViolation,
  type RuleProblem,
} from '@ec3l/form-rules';
import {
  actorOf,
  type Clock,
  DomainError,
  invalid,
  newId,
  normalizeName,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import type { RecordWriteHook } from '@ec3l/records';
import type { Kysely, Transaction } from 'kysely';
import { type CompiledForm, compileForm } from './core/compile.js';
import { applyPatch, type FormPatchOp, layoutOf, type PatchProblem } from './core/layout.js';
import { FormsErrorCodes } from './errors.js';
import { type FormRecordType, formLocks, forTenant, noActiveForm } from './repo/scoped.js';
import type {
  CreateFormDefinitionBody,
  CreateFormOverrideBody,
  FormDefinition,
  FormOverride,
  FormPlacement,
  FormRuleRecord,
  FormSection,
} from './schemas.js';
import type { DefinitionRow, FormsTables, OverrideRow, PlacementRow, RuleRow, SectionRow } from './tables.js';

/** Most sections, placements and rules one form may hold. */
const LIMITS = { sections: 50, placements: 500, rules: 200 } as const;

export type FormsServiceDeps = { db: Kysely<FormsTables>; clock?: Clock };

type Trx = Transaction<FormsTables>;
type Db = Kysely<FormsTables> | Trx;

const iso = (d: Date) => d.toISOString();

const toDefinition = (r: DefinitionRow): FormDefinition => ({
  id: r.id,
  recordTypeId: r.record_type_id,
  name: r.name,
  description: r.description,
  version: r.version,
  status: r.status,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const toSection = (r: SectionRow): FormSection => ({
  id: r.id,
  formDefinitionId: r.form_definition_id,
  title: r.title,
  orderIndex: r.order_index,
});
const toPlacement = (r: PlacementRow): FormPlacement => ({
  id: r.id,
  formDefinitionId: r.form_definition_id,
  formSectionId: r.form_section_id,
  field: r.field_name,
  column: r.column,
  orderIndex: r.order_index,
});
const toRule = (r: RuleRow): FormRuleRecord => ({
  id: r.id,
  formDefinitionId: r.form_definition_id,
  ruleType: r.rule_type,
  targetField: r.target_field,
  condition: (r.condition as Condition | null) ?? null,
  value: r.value,
  orderIndex: r.order_index,
  status: r.status,
  createdAt: iso(r.created_at),
});
const toOverride = (r: OverrideRow): FormOverride => ({
  id: r.id,
  formDefinitionId: r.form_definition_id,
  version: r.version,
  ops: r.ops as FormPatchOp[],
  summary: r.summary,
  status: r.status,
  source: { kind: r.source_kind, id: r.source_id },
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  activatedAt: r.activated_at ? iso(r.activated_at) : null,
  retiredAt: r.retired_at ? iso(r.retired_at) : null,
});

const stateConflict = (message: string, details: Record<string, unknown>) =>
  new DomainError(FormsErrorCodes.FORM_STATE_CONFLICT, message, details);

const unknownFields = (type: FormRecordType, names: readonly string[]) => {
  const known = new Set(type.fields.map((f) => f.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0)
    throw new DomainError(
      FormsErrorCodes.FORM_FIELD_UNKNOWN,
      `record type ${type.name} has no field ${unknown.map((n) => `"${n}"`).join(', ')}`,
      { fields: unknown, recordTypeId: type.id },
    );
};

const checkCondition = (condition: Condition | null) => {
  const problems = conditionProblems(condition);
  if (problems.length > 0)
    throw new DomainError(FormsErrorCodes.FORM_CONDITION_INVALID, problems.join('; '), { problems });
};

/** The compiled form of a record type's forms that the record-write check uses, per process. */
type CachedViews = { stamp: string; views: FormRulesView[] };
const MAX_CACHED_TYPES = 1_000;

/** Forms: definitions, sections, placements, rules, overrides, the compiler and the record-write check. */
export const createFormsService = ({ db, clock = systemClock }: FormsServiceDeps) => {
  const repo = (handle: Db, ctx: RequestContext) => forTenant(handle, ctx.tenantId);

  const requireRecordType = async (handle: Db, ctx: RequestContext, id: string) => {
    const type = await repo(handle, ctx).recordTypeById(id);
    if (!type) throw notFound('record type', id);
    return type;
  };

  /** Runs an edit of a form under its definition's row lock; retired forms refuse edits; bumps the version. */
  const editForm = <T>(
    ctx: RequestContext,
    definitionId: string,
    fn: (trx: Trx, definition: DefinitionRow) => Promise<T>,
  ): Promise<T> =>
    inTransaction(db, async (trx) => {
      const definition = await formLocks(trx, ctx.tenantId).lockDefinition(definitionId);
      if (!definition) throw notFound('form definition', definitionId);
      if (definition.status === 'retired')
        throw stateConflict(`form ${definition.name} is retired and cannot be edited`, { status: 'retired' });
      const result = await fn(trx, definition);
      await repo(trx, ctx).touchDefinition(definitionId, clock.now());
      return result;
    });

  const definitionOfSection = async (ctx: RequestContext, sectionId: string) => {
    const section = await repo(db, ctx).findSection(sectionId);
    if (!section) throw notFound('form section', sectionId);
    return section;
  };

  const compileRow = async (
    handle: Db,
    ctx: RequestContext,
    definition: DefinitionRow,
    type?: FormRecordType,
  ) => {
    const r = repo(handle, ctx);
    const recordType = type ?? (await requireRecordType(handle, ctx, definition.record_type_id));
    const [sections, placements, rules, override] = [
      await r.listSections(definition.id),
      await r.listPlacements({ definitionId: definition.id }),
      await r.listRules(definition.id),
      await r.activeOverride(definition.id),
    ];
    return compileForm({
      recordType,
      definition: {
        id: definition.id,
        name: definition.name,
        version: definition.version,
        status: definition.status,
      },
      sections: sections.map((s) => ({ id: s.id, title: s.title, orderIndex: s.order_index })),
      placements: placements.map((p) => ({
        id: p.id,
        sectionId: p.form_section_id,
        field: p.field_name,
        column: p.column,
        orderIndex: p.order_index,
      })),
      rules: rules.map(toRule),
      override: override
        ? { id: override.id, version: override.version, ops: override.ops as FormPatchOp[] }
        : null,
    });
  };

  const formByNames = async (handle: Db, ctx: RequestContext, recordTypeName: string, formName: string) => {
    const type = await repo(handle, ctx).recordTypeByName(recordTypeName);
    if (!type) throw notFound('record type', recordTypeName);
    const definition = await repo(handle, ctx).findDefinitionByName(type.id, formName);
    if (!definition) throw notFound('form', `${recordTypeName}/${formName}`);
    return { type, definition };
  };

  const patchProblemsOf = async (
    handle: Db,
    ctx: RequestContext,
    definition: DefinitionRow,
    type: FormRecordType,
    ops: readonly FormPatchOp[],
  ) => {
    const r = repo(handle, ctx);
    const fields = new Set(type.fields.map((f) => f.name));
    const layout = layoutOf(
      (await r.listSections(definition.id)).map((s) => ({
        id: s.id,
        title: s.title,
        orderIndex: s.order_index,
      })),
      (await r.listPlacements({ definitionId: definition.id }))
        .filter((p) => fields.has(p.field_name))
        .map((p) => ({
          id: p.id,
          sectionId: p.form_section_id,
          field: p.field_name,
          column: p.column,
          orderIndex: p.order_index,
        })),
    );
    const required = new Set(type.fields.filter((f) => f.required).map((f) => f.name));
    return applyPatch(layout, ops, required, () => {}).problems;
  };

  const refusePatch = (problems: PatchProblem[]) => {
    if (problems.length === 0) return;
    const required = problems.find((p) => p.code === 'REQUIRED_FIELD');
    if (required) throw new DomainError(FormsErrorCodes.FORM_REQUIRED_FIELD, required.message, { problems });
    throw new DomainError(
      FormsErrorCodes.FORM_PATCH_INVALID,
      problems.map((p) => `op ${p.index}: ${p.message}`).join('; '),
      { problems },
    );
  };

  const cache = new Map<string, CachedViews>();

  /** The views of a record type's active forms, from the cache while their versions are unchanged. */
  const activeViews = async (
    trx: Trx,
    ctx: RequestContext,
    recordTypeId: string,
  ): Promise<FormRulesView[]> => {
    const stampRows = await repo(trx, ctx).activeStamp(recordTypeId);
    if (stampRows.length === 0) return [];
    const stamp = `${stampRows[0]?.typeVersion}|${stampRows.map((s) => `${s.id}:${s.version}`).join(',')}`;
    const key = `${ctx.tenantId}:${recordTypeId}`;
    const hit = cache.get(key);
    if (hit && hit.stamp === stamp) return hit.views;
    const type = await requireRecordType(trx, ctx, recordTypeId);
    const views: FormRulesView[] = [];
    for (const { id } of stampRows) {
      const definition = await repo(trx, ctx).findDefinition(id);
      if (definition) views.push((await compileRow(trx, ctx, definition, type)).view);
    }
    if (cache.size >= MAX_CACHED_TYPES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { stamp, views });
    return views;
  };

  const withOverrideLock = (
    ctx: RequestContext,
    overrideId: string,
    fn: (trx: Trx, override: OverrideRow, definition: DefinitionRow) => Promise<OverrideRow>,
  ) =>
    inTransaction(db, async (trx) => {
      const found = await repo(trx, ctx).findOverride(overrideId);
      if (!found) throw notFound('form override', overrideId);
      const definition = await formLocks(trx, ctx.tenantId).lockDefinition(found.form_definition_id);
      if (!definition) throw notFound('form override', overrideId);
      // Read again under the definition's lock: the status may have moved while it was awaited.
      const override = (await repo(trx, ctx).findOverride(overrideId)) as OverrideRow;
      const row = await fn(trx, override, definition);
      await repo(trx, ctx).touchDefinition(definition.id, clock.now());
      return toOverride(row);
    });

  const createOverride = async (
    ctx: RequestContext,
    input: {
      recordTypeName: string;
      formName: string;
      ops: FormPatchOp[];
      summary?: string | null;
      source: { kind: 'human' | 'proposal' | 'vibe'; id?: string | null };
      activate?: boolean;
    },
  ): Promise<FormOverride> =>
    inTransaction(db, async (trx) => {
      const { type, definition: found } = await formByNames(trx, ctx, input.recordTypeName, input.formName);
      const definition = (await formLocks(trx, ctx.tenantId).lockDefinition(found.id)) as DefinitionRow;
      if (definition.status === 'retired')
        throw stateConflict(`form ${definition.name} is retired`, { status: 'retired' });
      refusePatch(await patchProblemsOf(trx, ctx, definition, type, input.ops));
      const r = repo(trx, ctx);
      const now = clock.now();
      if (input.activate) {
        const active = await r.activeOverride(definition.id);
        if (active) await r.updateOverride(active.id, { status: 'retired', retired_at: now });
      }
      const row = await r.insertOverride({
        id: newId(),
        form_definition_id: definition.id,
        version: await r.nextOverrideVersion(definition.id),
        ops: JSON.stringify(input.ops),
        summary: input.summary ?? null,
        status: input.activate ? 'active' : 'draft',
        source_kind: input.source.kind,
        source_id: input.source.id ?? null,
        created_by: actorOf(ctx).actorId,
        created_at: now,
        activated_at: input.activate ? now : null,
      });
      await r.touchDefinition(definition.id, now);
      return toOverride(row);
    });

  const checkRecordWrite: RecordWriteHook = async (trx, write) => {
    const views = await activeViews(trx as unknown as Trx, write.ctx, write.recordType.id);
    if (views.length === 0) return;
    const seen = new Set<string>();
    const violations: FormViolation[] = [];
    for (const view of views)
      for (const v of checkRecord(view, {
        data: write.record.data,
        ...(write.previous ? { previous: write.previous.data } : {}),
      })) {
        const key = `${v.field}\u0000${v.rule}`;
        if (!seen.has(key)) {
          seen.add(key);
          violations.push(v);
        }
      }
    if (violations.length > 0)
      throw new DomainError(
        FormsErrorCodes.FORM_RULE_VIOLATION,
        violations.map((v) => v.message).join('; '),
        { violations },
      );
  };

  // Without an active form of the type there is no rule to check.
  checkRecordWrite.idleOnCreate = (tenantId, recordType) => noActiveForm(tenantId, recordType.id);

  return {
    /** The tenant's form definitions, oldest first, optionally of one record type; paged. */
    listDefinitions: async (
      ctx: RequestContext,
      query: { recordTypeId?: string; limit: number; cursor?: string },
    ): Promise<Page<FormDefinition>> => {
      const after: Cursor | undefined = query.cursor ? decodeCursor(query.cursor) : undefined;
      const rows = await repo(db, ctx).listDefinitions(
        query.recordTypeId ? { recordTypeId: query.recordTypeId } : {},
        { limit: query.limit + 1, ...(after ? { after } : {}) },
      );
      return pageOf(rows.map(toDefinition), query.limit, (d) => ({ createdAt: d.createdAt, id: d.id }));
    },

    getDefinition: async (ctx: RequestContext, id: string): Promise<FormDefinition> => {
      const row = await repo(db, ctx).findDefinition(id);
      if (!row) throw notFound('form definition', id);
      return toDefinition(row);
    },

    /** Creates a draft form for a record type; 409 FORM_NAME_TAKEN when the type has one of this name. */
    createDefinition: async (
      ctx: RequestContext,
      body: CreateFormDefinitionBody,
    ): Promise<FormDefinition> => {
      const name = normalizeName(body.name);
      await requireRecordType(db, ctx, body.recordTypeId);
      try {
        const now = clock.now();
        return toDefinition(
          await repo(db, ctx).insertDefinition({
            id: newId(),
            record_type_id: body.recordTypeId,
            name,
            description: body.description ?? null,
            created_by: actorOf(ctx).actorId,
            created_at: now,
            updated_at: now,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error, 'form_definitions_name_unique'))
          throw new DomainError(
            FormsErrorCodes.FORM_NAME_TAKEN,
            `the record type already has a form named "${name}"`,
            {
              name,
            },
          );
        throw error;
      }
    },

    /** draft → active, or active → retired, under the definition's lock; any other move is 409. */
    moveDefinition: (ctx: RequestContext, id: string, to: 'active' | 'retired'): Promise<FormDefinition> =>
      inTransaction(db, async (trx) => {
        const row = await formLocks(trx, ctx.tenantId).lockDefinition(id);
        if (!row) throw notFound('form definition', id);
        const from = to === 'active' ? 'draft' : 'active';
        if (row.status !== from)
          throw stateConflict(`form ${row.name} is ${row.status}; only a ${from} form can become ${to}`, {
            status: row.status,
          });
        return toDefinition(await repo(trx, ctx).touchDefinition(id, clock.now(), { status: to }));
      }),

    listSections: async (ctx: RequestContext, definitionId: string): Promise<FormSection[]> => {
      if (!(await repo(db, ctx).findDefinition(definitionId)))
        throw notFound('form definition', definitionId);
      return (await repo(db, ctx).listSections(definitionId)).map(toSection);
    },

    addSection: (ctx: RequestContext, definitionId: string, body: { title: string; orderIndex?: number }) =>
      editForm(ctx, definitionId, async (trx) => {
        const r = repo(trx, ctx);
        const sections = await r.listSections(definitionId);
        if (sections.length >= LIMITS.sections)
          throw new DomainError(
            FormsErrorCodes.FORM_LIMIT_REACHED,
            `a form holds at most ${LIMITS.sections} sections`,
            {},
          );
        const title = normalizeName(body.title, 'title');
        if (sections.some((s) => s.title === title))
          throw new DomainError(
            FormsErrorCodes.FORM_SECTION_TITLE_TAKEN,
            `the form already has a section "${title}"`,
            { title },
          );
        const orderIndex = body.orderIndex ?? (sections.at(-1)?.order_index ?? -1) + 1;
        return toSection(
          await r.insertSection({
            id: newId(),
            form_definition_id: definitionId,
            title,
            order_index: orderIndex,
          }),
        );
      }),

    updateSection: async (
      ctx: RequestContext,
      sectionId: string,
      body: { title?: string; orderIndex?: number },
    ) => {
      const section = await definitionOfSection(ctx, sectionId);
      return editForm(ctx, section.form_definition_id, async (trx) => {
        const r = repo(trx, ctx);
        if (!(await r.findSection(sectionId))) throw notFound('form section', sectionId);
        const title = body.title === undefined ? undefined : normalizeName(body.title, 'title');
        if (
          title !== undefined &&
          (await r.listSections(section.form_definition_id)).some(
            (s) => s.title === title && s.id !== sectionId,
          )
        )
          throw new DomainError(
            FormsErrorCodes.FORM_SECTION_TITLE_TAKEN,
            `the form already has a section "${title}"`,
            { title },
          );
        return toSection(
          await r.updateSection(sectionId, {
            ...(title !== undefined ? { title } : {}),
            ...(body.orderIndex !== undefined ? { order_index: body.orderIndex } : {}),
          }),
        );
      });
    },

    /** Deletes a section and the placements in it. */
    deleteSection: async (ctx: RequestContext, sectionId: string): Promise<void> => {
      const section = await definitionOfSection(ctx, sectionId);
      await editForm(ctx, section.form_definition_id, async (trx) => {
        if (!(await repo(trx, ctx).findSection(sectionId))) throw notFound('form section', sectionId);
        await repo(trx, ctx).deleteSection(sectionId);
      });
    },

    listPlacements: async (ctx: RequestContext, sectionId: string): Promise<FormPlacement[]> => {
      await definitionOfSection(ctx, sectionId);
      return (await repo(db, ctx).listPlacements({ sectionId })).map(toPlacement);
    },

    /** Places a field of the record type (own or inherited) in a section; once per form. */
    addPlacement: async (
      ctx: RequestContext,
      sectionId: string,
      body: { field: string; column?: number; orderIndex?: number },
    ) => {
      const section = await definitionOfSection(ctx, sectionId);
      return editForm(ctx, section.form_definition_id, async (trx, definition) => {
        const r = repo(trx, ctx);
        if (!(await r.findSection(sectionId))) throw notFound('form section', sectionId);
        unknownFields(await requireRecordType(trx, ctx, definition.record_type_id), [body.field]);
        const placed = await r.listPlacements({ definitionId: definition.id });
        if (placed.some((p) => p.field_name === body.field))
          throw new DomainError(FormsErrorCodes.FORM_FIELD_PLACED, `${body.field} is already on the form`, {
            field: body.field,
          });
        if (placed.length >= LIMITS.placements)
          throw new DomainError(
            FormsErrorCodes.FORM_LIMIT_REACHED,
            `a form holds at most ${LIMITS.placements} fields`,
            {},
          );
        const inSection = placed.filter((p) => p.form_section_id === sectionId);
        return toPlacement(
          await r.insertPlacement({
            id: newId(),
            form_definition_id: definition.id,
            form_section_id: sectionId,
            field_name: body.field,
            column: body.column ?? 1,
            order_index: body.orderIndex ?? (inSection.at(-1)?.order_index ?? -1) + 1,
          }),
        );
      });
    },

    updatePlacement: async (
      ctx: RequestContext,
      placementId: string,
      body: { formSectionId?: string; column?: number; orderIndex?: number },
    ) => {
      const found = await repo(db, ctx).findPlacement(placementId);
      if (!found) throw notFound('form placement', placementId);
      return editForm(ctx, found.form_definition_id, async (trx) => {
        const r = repo(trx, ctx);
        if (!(await r.findPlacement(placementId))) throw notFound('form placement', placementId);
        if (body.formSectionId !== undefined) {
          const target = await r.findSection(body.formSectionId);
          if (!target || target.form_definition_id !== found.form_definition_id)
            throw invalid('formSectionId must name a section of the same form', { field: 'formSectionId' });
        }
        return toPlacement(
          await r.updatePlacement(placementId, {
            ...(body.formSectionId !== undefined ? { form_section_id: body.formSectionId } : {}),
            ...(body.column !== undefined ? { column: body.column } : {}),
            ...(body.orderIndex !== undefined ? { order_index: body.orderIndex } : {}),
          }),
        );
      });
    },

    deletePlacement: async (ctx: RequestContext, placementId: string): Promise<void> => {
      const found = await repo(db, ctx).findPlacement(placementId);
      if (!found) throw notFound('form placement', placementId);
      await editForm(ctx, found.form_definition_id, async (trx) => {
        if (!(await repo(trx, ctx).findPlacement(placementId))) throw notFound('form placement', placementId);
        await repo(trx, ctx).deletePlacement(placementId);
      });
    },

    listRules: async (ctx: RequestContext, definitionId: string): Promise<FormRuleRecord[]> => {
      if (!(await repo(db, ctx).findDefinition(definitionId)))
        throw notFound('form definition', definitionId);
      return (await repo(db, ctx).listRules(definitionId)).map(toRule);
    },

    /** Adds a behaviour rule; its target and every field its condition reads must be on the record type. */
    addRule: (
      ctx: RequestContext,
      definitionId: string,
      body: {
        ruleType: RuleRow['rule_type'];
        targetField: string;
        condition: Condition | null;
        value: boolean;
        orderIndex?: number;
        status?: RuleRow['status'];
      },
    ) =>
      editForm(ctx, definitionId, async (trx, definition) => {
        checkCondition(body.condition);
        unknownFields(await requireRecordType(trx, ctx, definition.record_type_id), [
          body.targetField,
          ...conditionFields(body.condition).filter((f) => f !== body.targetField),
        ]);
        const r = repo(trx, ctx);
        const rules = await r.listRules(definitionId);
        if (rules.length >= LIMITS.rules)
          throw new DomainError(
            FormsErrorCodes.FORM_LIMIT_REACHED,
            `a form holds at most ${LIMITS.rules} rules`,
            {},
          );
        return toRule(
          await r.insertRule({
            id: newId(),
            form_definition_id: definitionId,
            rule_type: body.ruleType,
            target_field: body.targetField,
            condition: body.condition === null ? null : JSON.stringify(body.condition),
            value: body.value,
            order_index: body.orderIndex ?? Math.max(-1, ...rules.map((x) => x.order_index)) + 1,
            status: body.status ?? 'active',
            created_at: clock.now(),
          }),
        );
      }),

    updateRule: async (
      ctx: RequestContext,
      ruleId: string,
      body: Partial<{
        ruleType: RuleRow['rule_type'];
        targetField: string;
        condition: Condition | null;
        value: boolean;
        orderIndex: number;
        status: RuleRow['status'];
      }>,
    ) => {
      const found = await repo(db, ctx).findRule(ruleId);
      if (!found) throw notFound('form rule', ruleId);
      return editForm(ctx, found.form_definition_id, async (trx, definition) => {
        const r = repo(trx, ctx);
        const current = await r.findRule(ruleId);
        if (!current) throw notFound('form rule', ruleId);
        const condition =
          body.condition === undefined ? ((current.condition as Condition | null) ?? null) : body.condition;
        const target = body.targetField ?? current.target_field;
        checkCondition(condition);
        unknownFields(await requireRecordType(trx, ctx, definition.record_type_id), [
          target,
          ...conditionFields(condition).filter((f) => f !== target),
        ]);
        return toRule(
          await r.updateRule(ruleId, {
            ...(body.ruleType !== undefined ? { rule_type: body.ruleType } : {}),
            ...(body.targetField !== undefined ? { target_field: body.targetField } : {}),
            ...(body.condition !== undefined
              ? { condition: body.condition === null ? null : JSON.stringify(body.condition) }
              : {}),
            ...(body.value !== undefined ? { value: body.value } : {}),
            ...(body.orderIndex !== undefined ? { order_index: body.orderIndex } : {}),
            ...(body.status !== undefined ? { status: body.status } : {}),
          }),
        );
      });
    },

    deleteRule: async (ctx: RequestContext, ruleId: string): Promise<void> => {
      const found = await repo(db, ctx).findRule(ruleId);
      if (!found) throw notFound('form rule', ruleId);
      await editForm(ctx, found.form_definition_id, async (trx) => {
        if (!(await repo(trx, ctx).findRule(ruleId))) throw notFound('form rule', ruleId);
        await repo(trx, ctx).deleteRule(ruleId);
      });
    },

    /** The rule problems of a form as compiled (hidden-but-required, cycles, unknown fields, contradictions). */
    analyze: async (ctx: RequestContext, definitionId: string): Promise<RuleProblem[]> => {
      const definition = await repo(db, ctx).findDefinition(definitionId);
      if (!definition) throw notFound('form definition', definitionId);
      return analyzeRules((await compileRow(db, ctx, definition)).view);
    },

    /** The compiled form: layout, effective flags with their provenance, and the evaluator's view. */
    compile: async (ctx: RequestContext, recordTypeName: string, formName: string): Promise<CompiledForm> => {
      const { type, definition } = await formByNames(db, ctx, recordTypeName, formName);
      const { patchProblems: _ignored, ...compiled } = await compileRow(db, ctx, definition, type);
      return compiled;
    },

    /** Field states and violations of data on the compiled form; writes nothing. */
    evaluate: async (
      ctx: RequestContext,
      recordTypeName: string,
      formName: string,
      body: { data: Record<string, unknown>; previous?: Record<string, unknown> },
    ): Promise<{ states: Record<string, FieldState>; violations: FormViolation[] }> => {
      const { type, definition } = await formByNames(db, ctx, recordTypeName, formName);
      const { view } = await compileRow(db, ctx, definition, type);
      return {
        states: evaluateForm(view, body.data),
        violations: checkRecord(view, {
          data: body.data,
          ...(body.previous ? { previous: body.previous } : {}),
        }),
      };
    },

    listOverrides: async (
      ctx: RequestContext,
      recordTypeName: string,
      formName: string,
    ): Promise<FormOverride[]> => {
      const { definition } = await formByNames(db, ctx, recordTypeName, formName);
      return (await repo(db, ctx).listOverrides(definition.id)).map(toOverride);
    },

    /**
     * What is wrong with patch ops on a form (fields not on it, unknown sections, a definition-required
     * field made optional), in op order; empty when they all apply. Writes nothing.
     */
    validateFormPatch: async (
      ctx: RequestContext,
      input: { recordTypeName: string; formName: string; ops: readonly FormPatchOp[] },
    ): Promise<PatchProblem[]> => {
      const { type, definition } = await formByNames(db, ctx, input.recordTypeName, input.formName);
      return patchProblemsOf(db, ctx, definition, type, input.ops);
    },

    /**
     * Saves patch ops as the form's next override version, a draft (or active at once, retiring the
     * previous active one). 409 FORM_REQUIRED_FIELD when an op makes a definition-required field
     * optional, 400 FORM_PATCH_INVALID for any other op that does not apply.
     */
    createFormOverride: createOverride,

    /** Saves a human's override draft (the API's POST …/overrides). */
    saveOverride: (
      ctx: RequestContext,
      recordTypeName: string,
      formName: string,
      body: CreateFormOverrideBody,
    ) =>
      createOverride(ctx, {
        recordTypeName,
        formName,
        ops: body.ops,
        summary: body.summary ?? null,
        source: { kind: 'human' },
      }),

    /** draft → active; the form's previous active override is retired in the same transaction. */
    activateOverride: (ctx: RequestContext, overrideId: string): Promise<FormOverride> =>
      withOverrideLock(ctx, overrideId, async (trx, override, definition) => {
        if (override.status !== 'draft')
          throw stateConflict(
            `override version ${override.version} is ${override.status}; only a draft can be activated`,
            {
              status: override.status,
            },
          );
        if (definition.status === 'retired')
          throw stateConflict(`form ${definition.name} is retired`, { status: 'retired' });
        const type = await requireRecordType(trx, ctx, definition.record_type_id);
        refusePatch(await patchProblemsOf(trx, ctx, definition, type, override.ops as FormPatchOp[]));
        const r = repo(trx, ctx);
        const now = clock.now();
        const active = await r.activeOverride(definition.id);
        if (active) await r.updateOverride(active.id, { status: 'retired', retired_at: now });
        return r.updateOverride(override.id, { status: 'active', activated_at: now });
      }),

    /** draft or active → retired. */
    retireOverride: (ctx: RequestContext, overrideId: string): Promise<FormOverride> =>
      withOverrideLock(ctx, overrideId, async (trx, override) => {
        if (override.status === 'retired')
          throw stateConflict(`override version ${override.version} is already retired`, {
            status: 'retired',
          });
        return repo(trx, ctx).updateOverride(override.id, { status: 'retired', retired_at: clock.now() });
      }),

    /**
     * The record-write hook: inside the write's transaction, the record's data after the write must
     * satisfy the rules of every active form of its record type (400 FORM_RULE_VIOLATION with
     * details.violations otherwise, which rolls the write back). One query when no form changed; a
     * create of a type without an active form is idle (checked in the create's own statement).
     */
    checkRecordWrite,
  };
};

export type FormsService = ReturnType<typeof createFormsService>;
