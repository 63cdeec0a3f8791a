import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { isUuid, systemContext } from '@ec3l/kernel';
import { lockRecord } from '@ec3l/records';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../app.js';
import { provisionTenant } from '../runtime.js';
import { createSchemaArbitraries, type JsonSchema, nasty } from './arbitraries.js';
import { createHarness, type Harness, operationsOf, type Who } from './harness.js';

/**
 * Every operation of the published API, fuzzed from its own OpenAPI description: a new route is
 * covered the moment it is in /openapi.json. Each operation gets FUZZ_RUNS seeded inputs (valid and
 * invalid bodies, parameters and identities) through the real gateway on a real database; every
 * answer must be below 500, one of the statuses the operation declares, and match the declared
 * schema. Replay a failure with the FUZZ_SEED it prints.
 *
 * The operations are dealt round-robin to FUZZ_SHARDS test files (`src/fuzz-<n>.test.ts`), which the
 * test runner runs in parallel and first (vitest.config.ts).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  method: string;
  path: string;
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};

const document = await generateOpenApiDocument();
const operations = operationsOf(document) as unknown as Operation[];
const components = (document.components as { schemas: Record<string, JsonSchema> }).schemas;

/** A stable seed per operation, so adding a route does not change what the others are sent. */
const seedOf = (operationId: string) => {
  let hash = SEED | 0;
  for (const ch of operationId) hash = Math.imul(hash ^ ch.charCodeAt(0), 16_777_619);
  return hash | 0;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its function is the module itself at run time, `default` to the types.
const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;
addFormats(ajv);
ajv.addSchema({ $id: 'https://ec3l.example/openapi', components: document.components });
const validatorCache = new Map<string, ReturnType<typeof ajv.compile>>();
const responseValidator = (key: string, schema: JsonSchema) => {
  let validate = validatorCache.get(key);
  if (!validate) {
    const absolute = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"https://ec3l.example/openapi#/components/'),
    );
    validate = ajv.compile(absolute);
    validatorCache.set(key, validate);
  }
  return validate;
};

let h: Harness;

/** The real objects of one tenant, so generated inputs reach handlers beyond 404. */
type World = {
  who: Who;
  /** Ids of real objects by the path segment that names their collection (projects, changes, patch-ops …). */
  idsBySegment: Map<string, string[]>;
  /** Known non-UUID values by property name (key → task, userId → admin …), for path parameters. */
  valuesByName: Map<string, string[]>;
  allIds: Set<string>;
};

const segmentBefore = (path: string, param: string) => {
  const parts = path.split('/');
  const at = parts.indexOf(`{${param}}`);
  return at > 0 ? (parts[at - 1] ?? '') : '';
};

/** projectId → projects, choiceListId → choice-lists: the collection a property's id points into. */
const segmentOfProperty = (name: string) =>
  name.endsWith('Id') ? `${name.slice(0, -2).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}s` : '';

/** A camel-case name, then the same without its leading words: fromEnvironmentId, environmentId. */
const namesEndingLike = (name: string): string[] => {
  const words = name.split(/(?=[A-Z])/);
  return words.map((_, i) => {
    const rest = words.slice(i).join('');
    return rest.charAt(0).toLowerCase() + rest.slice(1);
  });
};

/** The first non-empty pool of `name` or of a shorter name it ends with (fromEnvironmentId → environments). */
const poolOf = (pools: Map<string, string[]>, name: string, keyOf: (name: string) => string) => {
  for (const candidate of namesEndingLike(name)) {
    const found = pools.get(keyOf(candidate));
    if (found && found.length > 0) return found;
  }
  return undefined;
};

let otherTenantIds: string[] = [];

/**
 * A fresh tenant for each operation, with one of everything: what one operation's inputs do (disable
 * the Admin role, delete a policy, merge the change) never starves the next operation.
 */
const createWorld = async (slug: string): Promise<World> => {
  await provisionTenant(h, { slug, admins: ['admin'] });
  const who = { tenant: slug, user: 'admin' };
  const world: World = {
    who,
    idsBySegment: new Map(),
    valuesByName: new Map(),
    allIds: new Set(otherTenantIds),
  };
  const remember = (segment: string, body: unknown) => {
    for (const item of Array.isArray(body) ? body : [body]) {
      if (typeof item !== 'object' || item === null) continue;
      for (const [name, value] of Object.entries(item)) {
        if (typeof value !== 'string') continue;
        if (isUuid(value)) {
          world.allIds.add(value);
          if (name === 'id')
            world.idsBySegment.set(segment, [
              ...new Set([...(world.idsBySegment.get(segment) ?? []), value]),
            ]);
        } else if (value.length <= 100) {
          world.valuesByName.set(
            name,
            [...new Set([...(world.valuesByName.get(name) ?? []), value])].slice(0, 10),
          );
        }
      }
    }
  };
  const create = async (url: string, body: unknown) => {
    const res = await h.call('POST', url, { ...who, body });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as { id: string };
  };
  const project = await create('/api/projects', { name: 'Fuzzed project' });
  const list = await create('/api/choice-lists', {
    name: 'Fuzz levels',
    items: [{ value: 'low' }, { value: 'high' }],
  });
  await create('/api/record-types', {
    projectId: project.id,
    key: 'task',
    name: 'Task',
    fields: [{ name: 'number', type: 'string', required: true }],
  });
  const incident = await create('/api/record-types', {
    projectId: project.id,
    key: 'incident',
    name: 'Incident',
    baseType: 'task',
    fields: [{ name: 'level', type: 'choice', choiceListId: list.id }],
    slaConfig: {
      durationMinutes: 60,
      warningPercent: 80,
      completeWhen: { field: 'level', values: ['high'] },
    },
  });
  await h.call('POST', `/api/record-types/${incident.id}/activate`, who);
  // Records are listed per record type only, so the harvest below cannot find this one by itself.
  remember(
    'record-instances',
    await create('/api/record-instances', {
      recordTypeId: incident.id,
      data: { number: 'INC-1', level: 'low' },
    }),
  );
  // A second record, held by a workflow execution (locks are taken by workflow steps, not by a route).
  const held = await create('/api/record-instances', {
    recordTypeId: incident.id,
    data: { number: 'INC-2' },
  });
  remember('record-instances', held);
  const tenant = (await h.database.ownerDb
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow()) as { id: string };
  await h.database.ownerDb.transaction().execute((trx) =>
    lockRecord(trx, systemContext(tenant.id, slug), held.id, {
      workflowExecutionId: randomUUID(),
      lockedBy: 'fuzz-workflow',
    }),
  );
  const change = await create('/api/changes', { projectId: project.id, title: 'Fuzz change' });
  const target = await create(`/api/changes/${change.id}/targets`, {
    type: 'record_type',
    selector: { recordTypeKey: 'incident' },
  });
  await create(`/api/changes/${change.id}/patch-ops`, {
    targetId: target.id,
    opType: 'add_field',
    payload: { field: { name: 'impact', type: 'number' } },
  });
  const workflow = await create('/api/workflow-definitions', {
    projectId: project.id,
    name: 'Fuzz workflow',
  });
  await create(`/api/workflow-definitions/${workflow.id}/steps`, {
    stepType: 'notification',
    config: { channel: 'email', template: 'Hello {{input.name}}' },
  });
  await create(`/api/workflow-definitions/${workflow.id}/steps`, {
    stepType: 'approval',
    config: { approvers: { users: ['admin'] }, rule: { type: 'any' } },
  });
  await h.call('POST', `/api/workflow-definitions/${workflow.id}/activate`, who);
  await create(`/api/workflow-definitions/${workflow.id}/execute`, { input: { name: 'fuzz' } });
  await create(`/api/workflow-definitions/${workflow.id}/execute`, { input: { name: 'fuzz again' } });
  await create('/api/workflow-definitions', { projectId: project.id, name: 'Fuzz draft workflow' });
  const trigger = await create('/api/workflow-triggers', {
    workflowDefinitionId: workflow.id,
    triggerType: 'record_event',
    triggerConfig: { event: 'record.created', recordTypeId: incident.id },
  });
  await create(`/api/workflow-triggers/${trigger.id}/fire`, {});
  const envs = (await h.call('GET', `/api/projects/${project.id}/environments`, who)).json() as {
    id: string;
    name: string;
  }[];
  const envId = (name: string) => envs.find((e) => e.name === name)!.id;
  const intent = await create('/api/admin/environments/promotions', {
    projectId: project.id,
    fromEnvironmentId: envId('dev'),
    toEnvironmentId: envId('test'),
  });
  await h.call('POST', `/api/admin/environments/promotions/${intent.id}/preview`, who);
  await create('/api/admin/environments/promotions', {
    projectId: project.id,
    fromEnvironmentId: envId('dev'),
    toEnvironmentId: envId('prod'),
  });
  await create(`/api/environments/${envId('dev')}/release`, undefined);
  // A draft form on Incident (drafts do not hold on record writes), with a section, a placement, a
  // rule and an override draft; its names feed the /forms/{recordTypeName}/{formName} routes.
  const formDefinition = await create('/api/form-definitions', {
    recordTypeId: incident.id,
    name: 'Fuzz form',
  });
  remember('form-definitions', formDefinition);
  const formSection = await create(`/api/form-definitions/${formDefinition.id}/sections`, { title: 'Main' });
  remember('form-sections', formSection);
  remember(
    'form-placements',
    await create(`/api/form-sections/${formSection.id}/placements`, { field: 'level' }),
  );
  remember(
    'form-rules',
    await create(`/api/form-definitions/${formDefinition.id}/rules`, {
      ruleType: 'required',
      targetField: 'level',
      condition: { field: 'number', op: 'notEmpty' },
      value: true,
    }),
  );
  remember(
    'form-overrides',
    await create('/api/forms/Incident/Fuzz%20form/overrides', {
      ops: [{ op: 'toggleReadOnly', field: 'level', value: true }],
    }),
  );
  world.valuesByName.set('recordTypeName', ['Incident']);
  world.valuesByName.set('packageKey', ['hr.lite', 'itsm.lite']);
  world.valuesByName.set('formName', ['Fuzz form']);
  // Agents: a skill, a draft and a submitted proposal, and an ended run (its log stream ends at once).
  await create('/api/agent-skills', { name: 'fuzz skill', inputSchema: { type: 'object' } });
  const proposal = {
    proposalType: 'workflow_change',
    summary: 'Fuzz proposal',
    payload: {
      projectId: project.id,
      title: 'Proposed by fuzz',
      ops: [
        { recordTypeKey: 'task', opType: 'add_field', payload: { field: { name: 'p', type: 'string' } } },
      ],
    },
  };
  await create('/api/agent-proposals', proposal);
  const toSubmit = await create('/api/agent-proposals', proposal);
  await h.call('POST', `/api/agent-proposals/${toSubmit.id}/submit`, who);
  const run = await create(`/api/changes/${change.id}/agent-run`, {
    intent: 'fuzz run',
    skillsUsed: ['fuzz skill'],
  });
  await h.call('POST', `/api/agent-runs/${run.id}/logs`, { ...who, body: { lines: [{ message: 'hello' }] } });
  await h.call('POST', `/api/agent-runs/${run.id}/status`, { ...who, body: { status: 'Failed' } });
  const role = await create('/api/rbac/roles', { name: 'Fuzz viewer', permissions: ['form.view'] });
  await h.call('POST', '/api/rbac/users/viewer/roles', { ...who, body: { roleId: role.id } });
  await create('/api/rbac/policies', { roleId: role.id, resourceType: 'form', effect: 'allow' });
  // An installed app (HR 1.0.0, so it can be upgraded) with a draft override of one of its modules;
  // installed modules are listed under apps and admin/modules only, so remember them by their own segment.
  const hrApp = (await create('/api/templates/0b5f8a6e-1f3c-4e55-9a51-000000000101/install', {
    projectId: project.id,
  })) as { id: string; modules: { id: string }[] };
  remember('installed-modules', hrApp.modules);
  await create('/api/overrides', {
    installedModuleId: hrApp.modules[0]!.id,
    overrideType: 'config',
    targetRef: 'probationDays',
    patch: { value: 30 },
  });
  // A vibe draft (found by the harvest below through GET /api/vibe/drafts), so its routes get past 404.
  await create('/api/vibe/drafts', { projectId: project.id, prompt: 'A fuzzed asset register' });

  // Harvest ids from every list the API publishes: first the top-level ones, then those under a known id.
  const gets = operations.filter((op) => op.method === 'GET');
  for (const round of [0, 1]) {
    for (const op of gets) {
      const params = op.path.match(/\{(\w+)\}/g) ?? [];
      if (params.length !== round) continue;
      let url = op.path;
      if (round === 1) {
        const name = (params[0] ?? '').slice(1, -1);
        const id = world.idsBySegment.get(segmentBefore(op.path, name))?.[0];
        if (!id) continue;
        url = url.replace(`{${name}}`, id);
      }
      const res = await h.call('GET', url, who);
      if (res.statusCode === 200) remember(op.path.split('/').pop() ?? '', res.json());
    }
  }
  return world;
};

/** Mostly the tenant's admin; also a viewer, a stranger, an agent, another tenant and broken identities. */
const identities = (tenant: string): fc.Arbitrary<Who> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constant({ tenant, user: 'admin' }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<Who>(
        { tenant, user: 'viewer' },
        { tenant, user: 'nobody' },
        { tenant, agent: 'agent-7' },
        { tenant },
        { tenant: 'globex', user: 'admin' },
        { tenant: 'no-such-tenant', user: 'admin' },
        { tenant: tenant.toUpperCase(), user: 'admin' },
        { tenant, user: 'admin', agent: 'agent-7' },
        { tenant, user: 'has spaces' },
        { tenant, user: 'x'.repeat(300) },
        { user: 'admin' },
        {},
      ),
    },
  );

/** A path parameter: a real object's id, a random UUID, a known value, one drawn from its schema, or junk. */
const pathValue = (
  world: World,
  op: Operation,
  param: Parameter,
  schemas: ReturnType<typeof createSchemaArbitraries>,
) => {
  const real = world.idsBySegment.get(segmentBefore(op.path, param.name)) ?? [];
  const known = world.valuesByName.get(param.name) ?? [];
  const allIds = world.allIds;
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: 3, arbitrary: schemas.valid(param.schema) },
    { weight: 1, arbitrary: nasty },
  ];
  if (real.length > 0) choices.push({ weight: 6, arbitrary: fc.constantFrom(...real) });
  if (known.length > 0) choices.push({ weight: 4, arbitrary: fc.constantFrom(...known) });
  if (allIds.size > 0) choices.push({ weight: 1, arbitrary: fc.constantFrom(...allIds) });
  return fc.oneof(...choices).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
};

const wire = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const requestFor = (op: Operation, world: World) => {
  const schemas = createSchemaArbitraries(components, {
    uuidsFor: (name) => {
      const real = name ? poolOf(world.idsBySegment, name, segmentOfProperty) : undefined;
      return real ? [...real, ...otherTenantIds] : [...world.allIds];
    },
    stringsFor: (name) => (name ? (poolOf(world.valuesByName, name, (n) => n) ?? []) : []),
  });
  const params = op.parameters ?? [];
  const path = fc.record(
    Object.fromEntries(
      params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(world, op, p, schemas)]),
    ),
  );
  const queryParams = params.filter((p) => p.in === 'query');
  const query = fc.oneof(
    fc.record(
      Object.fromEntries(queryParams.map((p) => [p.name, schemas.valid(p.schema, p.name).map(wire)])),
      {
        requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
      },
    ),
    fc.record(
      Object.fromEntries(
        queryParams.map((p) => [p.name, fc.oneof(schemas.valid(p.schema, p.name), nasty).map(wire)]),
      ),
      {
        requiredKeys: [],
      },
    ),
  );
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const body: fc.Arbitrary<{ text?: string }> = bodySchema
    ? fc.oneof(
        { weight: 5, arbitrary: schemas.valid(bodySchema).map((v) => ({ text: JSON.stringify(v) })) },
        { weight: 4, arbitrary: schemas.mixed(bodySchema).map((v) => ({ text: JSON.stringify(v) })) },
        { weight: 1, arbitrary: nasty.map((v) => ({ text: JSON.stringify(v) })) },
        { weight: 1, arbitrary: fc.constantFrom({}, { text: '' }, { text: '{"a":' }, { text: '{"a":1}{' }) },
      )
    : fc.constantFrom({}, { text: '' }, { text: '{}' }, { text: '{"unexpected":true}' });
  return fc.record({ path, query, body, who: identities(world.who.tenant ?? '') });
};

/** Statuses each operation answered, to show the fuzzer gets past validation and 404 into handlers. */
const answered = new Map<string, Set<number>>();

const describeRequest = (method: string, url: string, who: Who, text?: string) =>
  `${method} ${url} as ${JSON.stringify(who)}${text === undefined ? '' : ` body ${text.slice(0, 300)}`}`;

/** How many test files share the operations; each runs `fuzzShard(n)` for its n in 1..FUZZ_SHARDS. */
const FUZZ_SHARDS = 3;

/** The fuzz tests of shard `shard` (1..FUZZ_SHARDS): the operations whose index leaves that remainder. */
export const fuzzShard = (shard: number) => {
  const mine = operations.flatMap((op, index) =>
    (index % FUZZ_SHARDS) + 1 === shard ? [{ op, index }] : [],
  );

  beforeAll(async () => {
    h = await createHarness(['globex']);
    const elsewhere = await h.call('POST', '/api/projects', {
      tenant: 'globex',
      user: 'admin',
      body: { name: 'Elsewhere' },
    });
    otherTenantIds = [(elsewhere.json() as { id: string }).id];
  });
  afterAll(() => h.close());

  describe('OpenAPI-driven fuzzing: no 5xx, only declared statuses, only declared shapes', () => {
    it(`covers its share of the operations of /openapi.json (shard ${shard} of ${FUZZ_SHARDS})`, () => {
      expect(operations.length).toBeGreaterThanOrEqual(60);
      expect(mine.length).toBeGreaterThanOrEqual(Math.floor(operations.length / FUZZ_SHARDS));
      // Every shard has its file, so no operation goes unfuzzed.
      const files = readdirSync(new URL('..', import.meta.url)).filter((f) => /^fuzz-\d+\.test\.ts$/.test(f));
      expect(files.sort()).toEqual(Array.from({ length: FUZZ_SHARDS }, (_, i) => `fuzz-${i + 1}.test.ts`));
    });

    for (const { op, index } of mine) {
      const name = op.operationId ?? `${op.method} ${op.path}`;
      it(`${name}: ${op.method} ${op.path}`, { timeout: 120_000 }, async () => {
        const declared = Object.keys(op.responses);
        const seed = seedOf(name);
        const world = await createWorld(`fuzz-${index}`);
        try {
          await fc.assert(
            fc.asyncProperty(requestFor(op, world), async ({ path, query, body, who }) => {
              let url = op.path;
              for (const [key, value] of Object.entries(path))
                url = url.replace(`{${key}}`, encodeURIComponent(value));
              const search = new URLSearchParams(query as Record<string, string>).toString();
              if (search) url += `?${search}`;
              const res = await h.call(op.method as 'GET', url, {
                ...who,
                ...(body.text === undefined
                  ? {}
                  : { body: body.text, headers: { 'content-type': 'application/json' } }),
              });
              const context = `${describeRequest(op.method, url, who, body.text)} → ${res.statusCode} ${res.body.slice(0, 500)}`;
              answered.set(name, (answered.get(name) ?? new Set()).add(res.statusCode));
              expect(res.statusCode, context).toBeLessThan(500);
              expect(declared, context).toContain(String(res.statusCode));
              const schema = op.responses[String(res.statusCode)]?.content?.['application/json']?.schema;
              if (schema && res.body !== '') {
                const validate = responseValidator(`${name} ${res.statusCode}`, schema);
                const ok = validate(res.json());
                expect(ok, `${context}\n${ajv.errorsText(validate.errors)}`).toBe(true);
              }
            }),
            { seed, numRuns: RUNS },
          );
        } catch (error) {
          const cause = (error as { cause?: unknown }).cause;
          throw new Error(
            `replay with FUZZ_SEED=${SEED} (operation ${name}, fast-check seed ${seed})\n${String(error)}\n${cause instanceof Error ? cause.message : ''}`,
          );
        }
      });
    }

    it('reaches the handlers: most operations answered a 2xx to some generated input', () => {
      const reached = mine.filter(({ op }) =>
        [...(answered.get(op.operationId ?? '') ?? [])].some((status) => status < 300),
      );
      const missed = mine
        .filter((m) => !reached.includes(m))
        .map(({ op }) => `${op.operationId} ${[...(answered.get(op.operationId ?? '') ?? [])].join('/')}`);
      expect(reached.length / mine.length, `never a 2xx: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.8);
    });
  });
};
