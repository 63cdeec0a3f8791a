import { createTestDatabase, type TestDatabase, walkPages } from '@ec3l/db/testing';
import { createEventBus, type DomainEvent, type RequestContext } from '@ec3l/kernel';
import { createRecordsService, recordsMigrations } from '@ec3l/records';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeEngineMigrations } from './migrations/index.js';
import { forTenant } from './repo/scoped.js';
import { createChangeService } from './service.js';

let database: TestDatabase;
let changes: ReturnType<typeof createChangeService>;
let records: ReturnType<typeof createRecordsService>;
let tenancy: ReturnType<typeof createTenancyService>;
const seen: DomainEvent[] = [];
const events = createEventBus();
events.subscribe('*', (_ctx, e) => {
  seen.push(e);
});
let acme: RequestContext;
let globex: RequestContext;
let project: string;
let otherProject: string;
let n = 0;

const ctxOf = async (slug: string): Promise<RequestContext> => {
  await tenancy.ensureTenant({ slug });
  const t = (await tenancy.resolveTenant(slug))!;
  return { tenantId: t.id, tenantSlug: slug, userId: 'alice', agentId: null };
};

/** An active record type with fields a, b. */
const recordType = async (key: string, baseType?: string, projectId = project) => {
  const rt = await records.createRecordType(acme, {
    projectId,
    key,
    name: `${key} ${++n}`,
    ...(baseType ? { baseType } : {}),
    fields: [
      { name: `${key}_a`, type: 'string' },
      { name: `${key}_b`, type: 'number', required: true },
    ],
  });
  await records.setLifecycle(acme, rt.id, 'activate');
  return rt;
};

const changeWith = async (
  key: string,
  ops: {
    opType: 'add_field' | 'set_field' | 'remove_field' | 'rename_field' | 'set_assignment' | 'set_sla';
    payload: Record<string, unknown>;
  }[],
) => {
  const change = await changes.createChange(acme, { projectId: project, title: `Change ${++n}` });
  const target = await changes.addTarget(acme, change.id, {
    type: 'record_type',
    selector: { recordTypeKey: key },
  });
  const added = [];
  for (const op of ops) added.push(await changes.addOp(acme, change.id, { targetId: target.id, ...op }));
  return { change, target, ops: added };
};

const schemaOf = async (key: string) =>
  (await records.getRecordTypeByKey(acme, project, key)).schema.fields
    .filter((f) => !f.inherited)
    .map((f) => f.name);

const countRows = async () => {
  const counts = await sql<{ t: string; n: string }>`
    select 'snapshots' as t, count(*)::text as n from record_type_snapshots
    union all select 'executed', count(*)::text from change_patch_ops where executed_at is not null
    union all select 'versions', sum(version)::text from record_types`.execute(database.ownerDb);
  return Object.fromEntries(counts.rows.map((r) => [r.t, r.n]));
};

/** Every row a merge of `changeId` on record type `key` writes or updates, read raw. */
const persistedState = async (changeId: string, key: string) => {
  const db = database.ownerDb;
  const recordTypeRow = await db
    .selectFrom('record_types')
    .selectAll()
    .where('tenant_id', '=', acme.tenantId)
    .where('project_id', '=', project)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return {
    recordType: recordTypeRow,
    fields: await db
      .selectFrom('field_definitions')
      .selectAll()
      .where('record_type_id', '=', recordTypeRow.id)
      .orderBy('name')
      .execute(),
    snapshots: await db
      .selectFrom('record_type_snapshots')
      .selectAll()
      .where('change_id', '=', changeId)
      .execute(),
    ops: await db
      .selectFrom('change_patch_ops')
      .selectAll()
      .where('change_id', '=', changeId)
      .orderBy('seq')
      .execute(),
    change: await db
      .selectFrom('change_records')
      .selectAll()
      .where('id', '=', changeId)
      .executeTakeFirstOrThrow(),
    events: await db
      .selectFrom('change_events')
      .selectAll()
      .where('change_id', '=', changeId)
      .orderBy('seq')
      .execute(),
  };
};

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations, changeEngineMigrations]);
  tenancy = createTenancyService({ db: database.ownerDb, events });
  records = createRecordsService({ db: database.ownerDb, requireProject: tenancy.requireProject });
  changes = createChangeService({
    db: database.ownerDb,
    events,
    requireProject: tenancy.requireProject,
    projectParts: async (ctx, projectId) => ({
      moduleIds: (await tenancy.listModules(ctx, projectId)).map((m) => m.id),
      environmentIds: (await tenancy.listEnvironments(ctx, projectId)).map((e) => e.id),
    }),
  });
  acme = await ctxOf('acme');
  globex = await ctxOf('globex');
  project = (await tenancy.createProject(acme, { name: 'Service desk' })).id;
  otherProject = (await tenancy.createProject(acme, { name: 'Other' })).id;
});
afterAll(() => database.destroy());
beforeEach(() => {
  seen.length = 0;
});

const approve = async (id: string) => {
  const checked = await changes.checkin(acme, id);
  expect(checked.status).toBe('Ready');
  return changes.merge(acme, id);
};

describe('changes', () => {
  it('D4/P4: a change needs a project of the tenant and is listed by project', async () => {
    await expect(changes.createChange(globex, { projectId: project, title: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const c = await changes.createChange(acme, { projectId: otherProject, title: 'Listed' });
    expect((await changes.listChanges(acme, { projectId: otherProject })).items.map((x) => x.id)).toEqual([
      c.id,
    ]);
    expect(c.status).toBe('Draft');
  });

  it("D9: selectors must fit their target type; P1/P7: record types must be in the change's project", async () => {
    await recordType('ticket');
    await recordType('elsewhere', undefined, otherProject);
    const change = await changes.createChange(acme, { projectId: project, title: 'Targets' });
    await expect(
      changes.addTarget(acme, change.id, { type: 'record_type', selector: { formName: 'x' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await expect(
      changes.addTarget(acme, change.id, { type: 'workflow', selector: { workflowDefinitionId: 'nope' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await expect(
      changes.addTarget(acme, change.id, { type: 'record_type', selector: { recordTypeKey: 'elsewhere' } }),
    ).rejects.toMatchObject({ code: 'RECORD_TYPE_NOT_IN_PROJECT' });
    const target = await changes.addTarget(acme, change.id, {
      type: 'record_type',
      selector: { recordTypeKey: 'ticket' },
    });
    expect(target.projectId).toBe(project); // P5
    await expect(
      changes.addTarget(acme, change.id, { type: 'file', selector: { path: 'README.md' } }),
    ).resolves.toMatchObject({ changeId: change.id, type: 'file', selector: { path: 'README.md' } });
  });

  it('a duplicate op is a conflict; targets only while Draft', async () => {
    const { change, target } = await changeWith('ticket', [
      { opType: 'add_field', payload: { field: { name: 'dup', type: 'text' } } },
    ]);
    await expect(
      changes.addOp(acme, change.id, {
        targetId: target.id,
        opType: 'add_field',
        payload: { field: { name: 'dup', type: 'text' } },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await changes.setStatus(acme, change.id, 'Implementing');
    await expect(
      changes.addTarget(acme, change.id, { type: 'file', selector: { path: 'x' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('the status route cannot reach Ready or Merged', async () => {
    const { change } = await changeWith('ticket', [
      { opType: 'add_field', payload: { field: { name: 'st', type: 'text' } } },
    ]);
    await expect(changes.setStatus(acme, change.id, 'Ready')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changes.setStatus(acme, change.id, 'Merged')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('targets', () => {
  it('P5: a target inherits the project of its change', async () => {
    const change = await changes.createChange(acme, { projectId: otherProject, title: 'P5' });
    const target = await changes.addTarget(acme, change.id, {
      type: 'file',
      selector: { path: 'docs/x.md' },
    });
    expect(target.projectId).toBe(otherProject);
    const [row] = await database.ownerDb
      .selectFrom('change_targets')
      .select('project_id')
      .where('id', '=', target.id)
      .execute();
    expect(row!.project_id).toBe(otherProject);
  });
});

describe('execution', () => {
  it('D7: a merge applies all ops at once and stamps every op with its previous snapshot and execution time', async () => {
    await recordType('incident');
    const { change, ops } = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 'priority', type: 'number' } } },
      { opType: 'rename_field', payload: { from: 'incident_a', to: 'summary' } },
      { opType: 'set_field', payload: { field: { name: 'incident_b', type: 'text' } } },
    ]);
    const dry = await changes.execute(acme, change.id);
    expect(dry.diff.modifiedRecordTypes[0]).toMatchObject({ key: 'incident' });
    expect((await changes.getChange(acme, change.id)).status).toBe('Draft');
    const { change: merged } = await approve(change.id);
    expect(merged.status).toBe('Merged');
    expect(await schemaOf('incident')).toEqual(['summary', 'incident_b', 'priority']);
    expect((await records.getRecordTypeByKey(acme, project, 'incident')).version).toBe(2);
    const stamped = (await changes.listOps(acme, change.id)).items;
    expect(stamped.map((o) => o.id)).toEqual(ops.map((o) => o.id));
    expect(stamped.length).toBeGreaterThan(0);
    // D7: every executed op carries both, stamped in the merge itself with the schema it changed.
    for (const op of stamped) {
      expect(op.executedAt).toBe(merged.mergedAt);
      expect((op.previousSnapshot as { fields: { name: string }[] }).fields.map((f) => f.name)).toEqual([
        'incident_a',
        'incident_b',
      ]);
    }
    expect(seen.map((e) => e.type)).toEqual(
      expect.arrayContaining(['execution_started', 'graph.validation_succeeded', 'execution_completed']),
    );
  });

  it("E6/D5/D6/P2: the snapshot holds the schema before the change, in the change's project, once per record type", async () => {
    const { change } = await changeWith('incident', [
      { opType: 'remove_field', payload: { fieldName: 'priority' } },
    ]);
    await approve(change.id);
    const snapshots = await changes.listSnapshots(acme, change.id);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ recordTypeKey: 'incident', projectId: project });
    expect((snapshots[0]!.schema as { fields: { name: string }[] }).fields.map((f) => f.name)).toEqual([
      'summary',
      'incident_b',
      'priority',
    ]);
    await expect(
      sql`insert into record_type_snapshots (tenant_id, id, project_id, record_type_key, change_id, schema)
          values (${acme.tenantId}, gen_random_uuid(), ${project}, 'incident', ${change.id}, '{}')`.execute(
        database.ownerDb,
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it("D7: an op's previous snapshot and execution time are set together or not at all", async () => {
    const { ops } = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 'd7', type: 'text' } } },
    ]);
    await expect(
      sql`update change_patch_ops set executed_at = now() where id = ${ops[0]!.id}`.execute(database.ownerDb),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      sql`update change_patch_ops set previous_snapshot = '{}' where id = ${ops[0]!.id}`.execute(
        database.ownerDb,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    const [pending] = (await changes.listOps(acme, ops[0]!.changeId)).items;
    expect(pending).toMatchObject({ executedAt: null, previousSnapshot: null });
  });

  it('E1/E2: a merged change cannot be executed, merged or changed again', async () => {
    const { change, target } = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 'e2', type: 'text' } } },
    ]);
    await approve(change.id);
    await expect(changes.merge(acme, change.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changes.execute(acme, change.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changes.setStatus(acme, change.id, 'Implementing')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      changes.addOp(acme, change.id, {
        targetId: target.id,
        opType: 'remove_field',
        payload: { fieldName: 'e2' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('E3: an executed op cannot be deleted; a pending one can', async () => {
    const { change, ops } = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 'e3', type: 'text' } } },
    ]);
    await approve(change.id);
    await expect(changes.deleteOp(acme, change.id, ops[0]!.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const pending = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 'e3b', type: 'text' } } },
    ]);
    await changes.deleteOp(acme, pending.change.id, pending.ops[0]!.id);
    expect((await changes.listOps(acme, pending.change.id)).items).toEqual([]);
  });

  it('T5: deleting an op checks the tenant', async () => {
    const pending = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 't5', type: 'text' } } },
    ]);
    await expect(changes.deleteOp(globex, pending.change.id, pending.ops[0]!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await changes.listOps(acme, pending.change.id)).items).toHaveLength(1);
  });

  it('E4: a change whose op fails its transform is refused before any write', async () => {
    const { change } = await changeWith('incident', [
      { opType: 'add_field', payload: { field: { name: 'ok_field', type: 'text' } } },
      { opType: 'remove_field', payload: { fieldName: 'no_such_field' } },
    ]);
    const before = await countRows();
    const schemaBefore = await schemaOf('incident');
    const checked = await changes.checkin(acme, change.id);
    expect(checked.status).toBe('ValidationFailed');
    expect(checked.validationErrors).toEqual([
      expect.objectContaining({ phase: 'transform', code: 'FIELD_NOT_FOUND' }),
    ]);
    await expect(changes.execute(acme, change.id)).rejects.toMatchObject({ code: 'EXECUTION_FAILED' });
    expect(await countRows()).toEqual(before);
    expect(await schemaOf('incident')).toEqual(schemaBefore);
  });

  it('E4: a merge that fails as it commits leaves none of its writes', async () => {
    await recordType('ledger');
    const { change } = await changeWith('ledger', [
      { opType: 'add_field', payload: { field: { name: 'amount', type: 'number' } } },
      { opType: 'rename_field', payload: { from: 'ledger_a', to: 'memo' } },
      { opType: 'set_field', payload: { field: { name: 'ledger_b', type: 'text' } } },
    ]);
    expect((await changes.checkin(acme, change.id)).status).toBe('Ready');
    const before = await persistedState(change.id, 'ledger');
    // Refuse the merge when it commits, and say what the transaction had written by then: the merge got
    // through validation and transforms, and its snapshots, stamps and schemas were in place.
    await sql`create function refuse_merge() returns trigger language plpgsql as $$
      begin
        if new.id <> ${sql.lit(change.id)}::uuid or new.status <> 'Merged' then return new; end if;
        raise exception 'merge refused after % snapshots, % stamped ops, schema version %, field %',
          (select count(*) from record_type_snapshots where change_id = new.id),
          (select count(*) from change_patch_ops
            where change_id = new.id and executed_at is not null and previous_snapshot is not null),
          (select version from record_types where id = ${sql.lit(before.recordType.id)}::uuid),
          (select string_agg(name, ',' order by name) from field_definitions
            where record_type_id = ${sql.lit(before.recordType.id)}::uuid);
      end $$`.execute(database.ownerDb);
    await sql`create constraint trigger refuse_merge after update on change_records
      deferrable initially deferred for each row execute function refuse_merge()`.execute(database.ownerDb);
    try {
      await expect(changes.merge(acme, change.id)).rejects.toMatchObject({
        code: 'P0001',
        message:
          'merge refused after 1 snapshots, 3 stamped ops, schema version 2, field amount,ledger_b,memo',
      });
    } finally {
      await sql`drop trigger refuse_merge on change_records`.execute(database.ownerDb);
      await sql`drop function refuse_merge()`.execute(database.ownerDb);
    }
    expect(await persistedState(change.id, 'ledger')).toEqual(before);
    expect(before.recordType.version).toBe(1);
    expect(before.snapshots).toEqual([]);
    expect(before.ops.map((o) => [o.executed_at, o.previous_snapshot])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(before.change).toMatchObject({ status: 'Ready', merged_at: null, merge_diff: null });
    expect(seen.map((e) => e.type)).toEqual(expect.arrayContaining(['execution_failed']));
    expect(seen.map((e) => e.type)).not.toContain('execution_completed');
    // Without the refusal the same change merges: the failure was the trigger's alone.
    const { change: merged } = await changes.merge(acme, change.id);
    expect(merged.status).toBe('Merged');
    expect(await schemaOf('ledger')).toEqual(['memo', 'ledger_b', 'amount']);
  });

  it('E4: a merge that fails at merge time (the graph moved since checkin) writes nothing', async () => {
    await recordType('base_x');
    const { change } = await changeWith('base_x', [
      { opType: 'add_field', payload: { field: { name: 'clash', type: 'text' } } },
    ]);
    expect((await changes.checkin(acme, change.id)).status).toBe('Ready');
    // Meanwhile a derived draft type gets an own field with the same name.
    const child = await records.createRecordType(acme, {
      projectId: project,
      key: 'child_x',
      name: `child ${++n}`,
      baseType: 'base_x',
    });
    await records.addField(acme, child.id, { name: 'clash', type: 'text' });
    const before = await countRows();
    await expect(changes.merge(acme, change.id)).rejects.toMatchObject({
      code: 'EXECUTION_FAILED',
      details: {
        errors: [
          expect.objectContaining({ phase: 'graph', code: 'DUPLICATE_FIELD', recordTypeKey: 'child_x' }),
        ],
      },
    });
    expect(await countRows()).toEqual(before);
    expect((await changes.getChange(acme, change.id)).status).toBe('Ready');
    expect(seen.map((e) => e.type)).toEqual(
      expect.arrayContaining(['graph.validation_failed', 'execution_failed']),
    );
  });

  it('E5: the same change on the same schema gives the same result', async () => {
    const ops = [
      { opType: 'add_field' as const, payload: { field: { name: 'det', type: 'text' } } },
      { opType: 'rename_field' as const, payload: { from: 'det', to: 'det2' } },
    ];
    await recordType('twin_a');
    const a = await changeWith('twin_a', ops);
    const first = await changes.execute(acme, a.change.id);
    const second = await changes.execute(acme, a.change.id);
    expect(second).toEqual(first);
  });

  it('E7: inherited fields cannot be removed, renamed or weakened through a derived type', async () => {
    await recordType('parent_t');
    await recordType('kid_t', 'parent_t');
    for (const op of [
      { opType: 'remove_field' as const, payload: { fieldName: 'parent_t_a' } },
      { opType: 'rename_field' as const, payload: { from: 'parent_t_a', to: 'zz' } },
      {
        opType: 'set_field' as const,
        payload: { field: { name: 'parent_t_b', type: 'number', required: false } },
      },
    ]) {
      const { change } = await changeWith('kid_t', [op]);
      await expect(changes.execute(acme, change.id)).rejects.toMatchObject({
        details: { errors: [expect.objectContaining({ code: 'BASE_TYPE_PROTECTED_FIELD' })] },
      });
    }
  });
});

describe('bindings', () => {
  it('a new reference field must point at a record type of the project, loaded or not', async () => {
    await recordType('far_away');
    await recordType('linker');
    const ok = await changeWith('linker', [
      {
        opType: 'add_field',
        payload: { field: { name: 'far', type: 'reference', referenceRecordTypeKey: 'far_away' } },
      },
    ]);
    await expect(changes.execute(acme, ok.change.id)).resolves.toMatchObject({ valid: true });
    const broken = await changeWith('linker', [
      {
        opType: 'add_field',
        payload: { field: { name: 'ghost', type: 'reference', referenceRecordTypeKey: 'no_such_type' } },
      },
    ]);
    await expect(changes.execute(acme, broken.change.id)).rejects.toMatchObject({
      details: {
        errors: [
          expect.objectContaining({
            phase: 'graph',
            code: 'BINDING_TARGET_MISSING',
            recordTypeKey: 'linker',
          }),
        ],
      },
    });
  });
});

describe('exact revert', () => {
  it('brings every touched record type back to exactly its pre-change schema', async () => {
    await recordType('asset');
    await recordType('asset_kind', 'asset');
    const original = { asset: await schemaOf('asset'), kind: await schemaOf('asset_kind') };
    const change = await changes.createChange(acme, { projectId: project, title: 'Reshape assets' });
    const t1 = await changes.addTarget(acme, change.id, {
      type: 'record_type',
      selector: { recordTypeKey: 'asset' },
    });
    const t2 = await changes.addTarget(acme, change.id, {
      type: 'record_type',
      selector: { recordTypeKey: 'asset_kind' },
    });
    await changes.addOp(acme, change.id, {
      targetId: t1.id,
      opType: 'remove_field',
      payload: { fieldName: 'asset_a' },
    });
    await changes.addOp(acme, change.id, {
      targetId: t1.id,
      opType: 'add_field',
      payload: { field: { name: 'serial', type: 'string' } },
    });
    await changes.addOp(acme, change.id, {
      targetId: t2.id,
      opType: 'rename_field',
      payload: { from: 'asset_kind_a', to: 'label' },
    });
    await changes.addOp(acme, change.id, {
      targetId: t2.id,
      opType: 'set_field',
      payload: { field: { name: 'asset_kind_b', type: 'text' } },
    });
    await approve(change.id);
    const fullBefore = await changes.listSnapshots(acme, change.id);

    const revert = await changes.revert(acme, change.id);
    expect(revert).toMatchObject({
      status: 'Draft',
      revertsChangeId: change.id,
      title: 'Revert: Reshape assets',
    });
    await expect(changes.revert(acme, change.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { changeId: revert.id },
    });
    await approve(revert.id);
    expect(await schemaOf('asset')).toEqual(original.asset);
    expect(await schemaOf('asset_kind')).toEqual(original.kind);
    for (const snap of fullBefore) {
      const [rt] = await database.ownerDb
        .selectFrom('record_types')
        .select(['schema', 'assignment_config', 'sla_config'])
        .where('key', '=', snap.recordTypeKey)
        .where('project_id', '=', project)
        .execute();
      expect({ ...rt!.schema, assignmentConfig: rt!.assignment_config, slaConfig: rt!.sla_config }).toEqual(
        snap.schema,
      );
    }
  });

  it('shows a rename as old → new in the diff, and reverts it with the inverse rename', async () => {
    await recordType('device');
    const { change } = await changeWith('device', [
      { opType: 'rename_field', payload: { from: 'device_a', to: 'serial' } },
      { opType: 'rename_field', payload: { from: 'serial', to: 'serial_no' } },
    ]);
    const [dry] = (await changes.execute(acme, change.id)).diff.modifiedRecordTypes;
    expect(dry).toMatchObject({
      key: 'device',
      renamedFields: [{ from: 'device_a', to: 'serial_no', changes: [] }],
      addedFields: [],
      removedFields: [],
    });
    const merged = await approve(change.id);
    expect(merged.diff.summary).toMatchObject({ fieldsRenamed: 1, fieldsAdded: 0, fieldsRemoved: 0 });
    expect((await changes.diff(acme, change.id)).modifiedRecordTypes[0]?.renamedFields).toHaveLength(1);

    const revert = await changes.revert(acme, change.id);
    expect((await changes.listOps(acme, revert.id)).items.map((o) => [o.opType, o.payload])).toEqual([
      ['rename_field', { from: 'serial_no', to: 'device_a' }],
    ]);
    await approve(revert.id);
    expect(await schemaOf('device')).toEqual(['device_a', 'device_b']);
  });

  it('is refused, naming the record types, when a later merge touched them', async () => {
    await recordType('gadget');
    const first = await changeWith('gadget', [
      { opType: 'add_field', payload: { field: { name: 'g1', type: 'text' } } },
    ]);
    await approve(first.change.id);
    const second = await changeWith('gadget', [
      { opType: 'add_field', payload: { field: { name: 'g2', type: 'text' } } },
    ]);
    await approve(second.change.id);
    await expect(changes.revert(acme, first.change.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('gadget'),
    });
    await expect(changes.revert(acme, second.change.id)).resolves.toMatchObject({ status: 'Draft' });
  });

  it("finds a change's open revert with one indexed lookup, not a read of every change of the tenant", async () => {
    await recordType('lookup');
    const { change } = await changeWith('lookup', [
      { opType: 'add_field', payload: { field: { name: 'l1', type: 'text' } } },
    ]);
    await approve(change.id);
    const revert = await changes.revert(acme, change.id);
    // The repository's own query, captured as it runs, then planned again with sequential scans off (the
    // test tenant is too small for the planner to choose an index otherwise).
    let query: CompiledQuery | undefined;
    const capture: KyselyPlugin = {
      transformQuery: ({ node, queryId }) => {
        query = database.ownerDb.getExecutor().compileQuery(node, queryId);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const found = await forTenant(database.ownerDb.withPlugin(capture), acme.tenantId).findOpenRevert(
      change.id,
    );
    expect(found).toEqual({ id: revert.id, title: revert.title });
    const plan = await database.ownerDb.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const explained = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${query!.sql}`, [...query!.parameters]),
      );
      return JSON.stringify(explained.rows[0]!['QUERY PLAN']);
    });
    expect(plan).toContain('"Index Name":"change_records_reverts_idx"');
    expect(plan).toMatch(/"Index Cond":"[^"]*reverts_change_id = /);
  });
});

describe('dry runs on the timeline', () => {
  const dryRunsOf = async (id: string) =>
    (await changes.listEvents(acme, id, { limit: 200 })).items.filter(
      (e) => e.eventType === 'change_dry_run',
    );

  it('E4: a valid dry run writes nothing to any schema; its outcome, who and when go on the timeline', async () => {
    await recordType('printer');
    const { change } = await changeWith('printer', [
      { opType: 'add_field', payload: { field: { name: 'toner', type: 'text' } } },
      { opType: 'remove_field', payload: { fieldName: 'printer_a' } },
    ]);
    const before = await countRows();
    const schemaBefore = await schemaOf('printer');
    const eventsBefore = (await changes.listEvents(acme, change.id, { limit: 200 })).items.length;
    const result = await changes.execute(acme, change.id);

    expect(await countRows()).toEqual(before);
    expect(await schemaOf('printer')).toEqual(schemaBefore);
    expect((await changes.getChange(acme, change.id)).status).toBe('Draft');
    const timeline = (await changes.listEvents(acme, change.id, { limit: 200 })).items;
    expect(timeline).toHaveLength(eventsBefore + 1);
    expect(timeline.at(-1)).toMatchObject({
      eventType: 'change_dry_run',
      payload: { valid: true, summary: result.diff.summary },
      actorType: 'user',
      actorId: 'alice',
    });
    expect(result.diff.summary).toMatchObject({ fieldsAdded: 1, fieldsRemoved: 1 });
    expect(Date.parse(timeline.at(-1)!.createdAt)).not.toBeNaN();
  });

  it('an invalid dry run is recorded with its errors, and still answers them', async () => {
    const { change } = await changeWith('printer', [
      { opType: 'remove_field', payload: { fieldName: 'no_such_field' } },
    ]);
    const refusal = await changes.execute(acme, change.id).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'EXECUTION_FAILED' });
    const errors = (refusal as { details: { errors: unknown[] } }).details.errors;
    expect(errors).toEqual([expect.objectContaining({ code: 'FIELD_NOT_FOUND' })]);
    expect(await dryRunsOf(change.id)).toEqual([
      expect.objectContaining({ payload: { valid: false, errors }, actorId: 'alice' }),
    ]);
  });

  it('a change without ops records an invalid dry run naming NO_OPS', async () => {
    const change = await changes.createChange(acme, { projectId: project, title: `Empty ${++n}` });
    await expect(changes.execute(acme, change.id)).rejects.toMatchObject({ code: 'NO_OPS' });
    expect((await dryRunsOf(change.id)).map((e) => e.payload)).toEqual([
      { valid: false, errors: [expect.objectContaining({ code: 'NO_OPS' })] },
    ]);
  });

  it('reading the diff of an unmerged change plans it but records no dry run', async () => {
    const { change } = await changeWith('printer', [
      { opType: 'add_field', payload: { field: { name: 'tray', type: 'text' } } },
    ]);
    expect((await changes.diff(acme, change.id)).summary.fieldsAdded).toBe(1);
    expect(await dryRunsOf(change.id)).toEqual([]);
  });

  it("another tenant's dry run of the change is a 404 and records nothing", async () => {
    const { change } = await changeWith('printer', [
      { opType: 'add_field', payload: { field: { name: 'duplex', type: 'boolean' } } },
    ]);
    await expect(changes.execute(globex, change.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await dryRunsOf(change.id)).toEqual([]);
  });
});

describe('paged ops and timeline', () => {
  it('a walk with limit 2 returns every op and every event exactly once, in order', async () => {
    await recordType('scanner');
    const { change } = await changeWith(
      'scanner',
      Array.from({ length: 7 }, (_, i) => ({
        opType: 'add_field' as const,
        payload: { field: { name: `scan_${i}`, type: 'text' } },
      })),
    );
    await changes.execute(acme, change.id);
    const ops = await walkPages((page) => changes.listOps(acme, change.id, page), 2);
    expect(ops.map((o) => o.payload)).toEqual(
      Array.from({ length: 7 }, (_, i) =>
        expect.objectContaining({ field: expect.objectContaining({ name: `scan_${i}` }) }),
      ),
    );
    expect(new Set(ops.map((o) => o.id)).size).toBe(7);

    const events = await walkPages((page) => changes.listEvents(acme, change.id, page), 2);
    const all = (await changes.listEvents(acme, change.id, { limit: 200 })).items;
    expect(all.map((e) => e.eventType)).toEqual([
      'change_status_changed',
      'change_target_added',
      ...Array.from({ length: 7 }, () => 'patch_op_added'),
      'change_dry_run',
    ]);
    expect(events).toEqual(all);

    const one = await changes.listOps(acme, change.id, { limit: 1 });
    expect(one.items).toEqual([ops[0]]);
    expect(one.nextCursor).toEqual(expect.any(String));
  });

  it('a forged cursor is a validation error; another tenant gets NOT_FOUND', async () => {
    const { change } = await changeWith('scanner', [
      { opType: 'add_field', payload: { field: { name: 'dpi', type: 'number' } } },
    ]);
    const forged = Buffer.from(JSON.stringify(['1; drop table change_events'])).toString('base64url');
    for (const cursor of [forged, 'garbage', Buffer.from('[-1]').toString('base64url')]) {
      await expect(changes.listOps(acme, change.id, { limit: 5, cursor })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(changes.listEvents(acme, change.id, { limit: 5, cursor })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    }
    await expect(changes.listOps(globex, change.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(changes.listEvents(globex, change.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('assignment and SLA configuration ops', () => {
  const sla = { durationMinutes: 480, warningPercent: 80 };
  const configOf = (key: string) =>
    database.ownerDb
      .selectFrom('record_types')
      .select(['assignment_config', 'sla_config', 'version'])
      .where('tenant_id', '=', acme.tenantId)
      .where('project_id', '=', project)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();

  /** An active type with fields `<key>_a`, `<key>_b` and an SLA, and no assignment. */
  const timedType = async (key: string) => {
    const rt = await records.createRecordType(acme, {
      projectId: project,
      key,
      name: `${key} ${++n}`,
      fields: [
        { name: `${key}_a`, type: 'string' },
        { name: `${key}_b`, type: 'number' },
      ],
      slaConfig: sla,
    });
    await records.setLifecycle(acme, rt.id, 'activate');
    return rt;
  };

  it('a merge sets both configurations, the dry run and the merge diff show them, the snapshot keeps the old ones', async () => {
    await timedType('cfg_merge');
    const assignment = {
      type: 'field_match',
      field: 'cfg_merge_a',
      rules: [{ equals: 'vip', assignTo: { type: 'group', value: 'tier2' } }],
      default: { type: 'group', value: 'tier1' },
    };
    const nextSla = { durationMinutes: 60, pauseWhen: { field: 'cfg_merge_a', values: ['waiting'] } };
    const { change } = await changeWith('cfg_merge', [
      { opType: 'set_assignment', payload: { config: assignment } },
      { opType: 'set_sla', payload: { config: nextSla } },
    ]);
    const dry = await changes.execute(acme, change.id);
    expect(dry.diff.modifiedRecordTypes).toEqual([
      expect.objectContaining({
        key: 'cfg_merge',
        assignmentConfigChanged: { before: null, after: assignment },
        slaConfigChanged: { before: sla, after: nextSla },
        addedFields: [],
      }),
    ]);
    expect(await configOf('cfg_merge')).toMatchObject({ assignment_config: null, sla_config: sla });
    const { diff } = await approve(change.id);
    expect(diff).toEqual(dry.diff);
    expect(await configOf('cfg_merge')).toEqual({
      assignment_config: assignment,
      sla_config: nextSla,
      version: 2,
    });
    const [snapshot] = await changes.listSnapshots(acme, change.id);
    expect(snapshot!.schema).toMatchObject({ assignmentConfig: null, slaConfig: sla });
    expect((await changes.diff(acme, change.id)).modifiedRecordTypes[0]?.slaConfigChanged).toEqual({
      before: sla,
      after: nextSla,
    });
  });

  it('a revert of a merged change brings back the previous configurations exactly, null included', async () => {
    await timedType('cfg_revert');
    const { change } = await changeWith('cfg_revert', [
      { opType: 'add_field', payload: { field: { name: 'queue', type: 'string' } } },
      {
        opType: 'set_assignment',
        payload: { config: { type: 'field_match', field: 'queue', rules: [] } },
      },
      { opType: 'set_sla', payload: { config: null } },
    ]);
    await approve(change.id);
    expect(await configOf('cfg_revert')).toMatchObject({
      assignment_config: { field: 'queue' },
      sla_config: null,
    });
    const revert = await changes.revert(acme, change.id);
    const ops = (await changes.listOps(acme, revert.id)).items;
    expect(ops.map((o) => o.opType).sort()).toEqual(['remove_field', 'set_assignment', 'set_sla']);
    await approve(revert.id);
    expect(await configOf('cfg_revert')).toMatchObject({ assignment_config: null, sla_config: sla });
    expect(await schemaOf('cfg_revert')).toEqual(['cfg_revert_a', 'cfg_revert_b']);
  });

  it('a set_sla naming a field the type lacks fails execution with the field; added in the same change, it passes', async () => {
    await timedType('cfg_missing');
    const pause = { durationMinutes: 30, pauseWhen: { field: 'hold_reason', values: ['parts'] } };
    const { change, target } = await changeWith('cfg_missing', [
      { opType: 'set_sla', payload: { config: pause } },
    ]);
    await expect(changes.execute(acme, change.id)).rejects.toMatchObject({
      code: 'EXECUTION_FAILED',
      details: {
        errors: [
          expect.objectContaining({
            phase: 'transform',
            code: 'CONFIG_FIELD_MISSING',
            field: 'hold_reason',
            recordTypeKey: 'cfg_missing',
          }),
        ],
      },
    });
    await changes.addOp(acme, change.id, {
      targetId: target.id,
      opType: 'add_field',
      payload: { field: { name: 'hold_reason', type: 'string' } },
    });
    await approve(change.id);
    expect((await configOf('cfg_missing')).sla_config).toEqual(pause);
  });

  it('removing or renaming a field a configuration uses is refused; a blank static assignee is a 400 at once', async () => {
    const rt = await records.createRecordType(acme, {
      projectId: project,
      key: 'cfg_used',
      name: `cfg_used ${++n}`,
      fields: [{ name: 'tier', type: 'string' }],
      assignmentConfig: { type: 'field_match', field: 'tier', rules: [] },
    });
    await records.setLifecycle(acme, rt.id, 'activate');
    for (const op of [
      { opType: 'remove_field' as const, payload: { fieldName: 'tier' } },
      { opType: 'rename_field' as const, payload: { from: 'tier', to: 'level' } },
    ]) {
      const { change } = await changeWith('cfg_used', [op]);
      const checked = await changes.checkin(acme, change.id);
      expect(checked.status).toBe('ValidationFailed');
      expect(checked.validationErrors).toEqual([
        expect.objectContaining({ code: 'CONFIG_FIELD_MISSING', field: 'tier', recordTypeKey: 'cfg_used' }),
      ]);
    }
    const { change, target } = await changeWith('cfg_used', []);
    await expect(
      changes.addOp(acme, change.id, {
        targetId: target.id,
        opType: 'set_assignment',
        payload: { config: { type: 'static_user', value: '  ' } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'payload.config.value' } });
    await expect(
      changes.addOp(acme, change.id, {
        targetId: target.id,
        opType: 'set_sla',
        payload: { config: { durationMinutes: 0 } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'payload.config' } });
  });

  it('E4: a merge whose last write fails leaves the configurations as they were', async () => {
    await timedType('cfg_e4');
    const { change } = await changeWith('cfg_e4', [
      { opType: 'set_sla', payload: { config: { durationMinutes: 15 } } },
      { opType: 'set_assignment', payload: { config: { type: 'static_group', value: 'night' } } },
      { opType: 'add_field', payload: { field: { name: 'shift', type: 'string' } } },
    ]);
    expect((await changes.checkin(acme, change.id)).status).toBe('Ready');
    const before = await persistedState(change.id, 'cfg_e4');
    await sql`create function refuse_config_merge() returns trigger language plpgsql as $$
      begin
        if new.id <> ${sql.lit(change.id)}::uuid or new.status <> 'Merged' then return new; end if;
        raise exception 'merge refused after sla %, assignment %, snapshot sla %',
          (select sla_config->>'durationMinutes' from record_types where id = ${sql.lit(before.recordType.id)}::uuid),
          (select assignment_config->>'value' from record_types where id = ${sql.lit(before.recordType.id)}::uuid),
          (select schema->'slaConfig'->>'durationMinutes' from record_type_snapshots where change_id = new.id);
      end $$`.execute(database.ownerDb);
    // At commit, after every write of the merge (the configurations are the last statement).
    await sql`create constraint trigger refuse_config_merge after update on change_records
      deferrable initially deferred for each row execute function refuse_config_merge()`.execute(
      database.ownerDb,
    );
    try {
      await expect(changes.merge(acme, change.id)).rejects.toMatchObject({
        code: 'P0001',
        message: 'merge refused after sla 15, assignment night, snapshot sla 480',
      });
    } finally {
      await sql`drop trigger refuse_config_merge on change_records`.execute(database.ownerDb);
      await sql`drop function refuse_config_merge()`.execute(database.ownerDb);
    }
    expect(await persistedState(change.id, 'cfg_e4')).toEqual(before);
    expect(before.recordType).toMatchObject({ sla_config: sla, assignment_config: null, version: 1 });
  });
});
