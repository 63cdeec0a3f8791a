import { STATUS_CODES } from 'node:http';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyContextConfig,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { errorSchemasByStatus } from './errors.js';
import { requires } from './guard.js';

const OPENAPI_INFO = {
  title: 'EC3L API',
  description:
    'EC3L is a stateless, multi-tenant control plane for enterprise configuration. Every /api route except ' +
    'GET /api/tenants needs the x-tenant-id header (a tenant slug); x-user-id or x-agent-id name the actor.',
  version: '0.1.0',
  contact: { name: 'EC3L maintainers', url: 'https://github.com/ec3l/ec3l' },
  license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
};

// Hop-by-hop and length headers of the docs app's answer: the gateway's own reply sets them.
const UNFORWARDED = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * The API reference page under /docs, served by @fastify/swagger-ui from an app of its own that is built
 * on the first request: the UI and its static file server (a good share of a start's module loading)
 * are not needed to serve the API.
 */
const registerDocs = (app: FastifyInstance): void => {
  let docs: Promise<FastifyInstance> | undefined;
  const build = async (): Promise<FastifyInstance> => {
    const { default: swaggerUi } = await import('@fastify/swagger-ui');
    const ui = Fastify();
    await ui.register(swagger, { mode: 'static', specification: { document: app.swagger() as never } });
    await ui.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });
    await ui.ready();
    return ui;
  };
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    docs ??= build().catch((error: unknown) => {
      docs = undefined;
      throw error;
    });
    const answer = await (await docs).inject({
      method: 'GET',
      url: request.url,
      headers: request.headers as Record<string, string>,
    });
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined && !UNFORWARDED.has(name)) void reply.header(name, value);
    return reply.code(answer.statusCode).send(answer.rawPayload);
  };
  for (const url of ['/docs', '/docs/*']) app.get(url, { schema: { hide: true } }, forward);
};

const OPENAPI_SERVERS = [{ url: 'http://127.0.0.1:3000', description: 'Local gateway (pnpm start)' }];

/**
 * Every /api operation except the tenant list: the tenant header and one actor header (header mode,
 * behind a trusted proxy), or the tenant header and a bearer token (JWT mode).
 */
const ACTOR_SECURITY: Record<string, string[]>[] = [
  { tenant: [], user: [] },
  { tenant: [], agent: [] },
  { tenant: [], bearer: [] },
];

/** The tenant list: open in header mode, the bearer token in JWT mode. */
const TENANT_LIST_SECURITY: Record<string, string[]>[] = [{}, { bearer: [] }];

const REQUEST_ID_HEADER = {
  'x-request-id': {
    description: "The request's id (the caller's x-request-id when it was sane), for tracing",
    schema: { type: 'string' },
  },
};

const ERROR_RESPONSE_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Unprocessable',
  429: 'TooManyRequests',
  503: 'Unavailable',
};

const ERROR_RESPONSE_TEXT: Record<number, string> = {
  400: 'The request is malformed: the schema refused it (details lists each issue) or a domain check did',
  401: 'x-tenant-id is missing',
  403: "The actor lacks the operation's permission, or is an agent where agents are refused",
  404: "The resource (or the tenant) does not exist in the caller's tenant",
  409: 'The request conflicts with the current state (duplicate, lifecycle state, concurrent change)',
  413: 'The body is larger than the configured limit',
  415: 'The body is not application/json',
  422: 'The change cannot be executed (details.errors lists every error), or the model output was refused (details.problems)',
  429: 'The tenant runs as many generations as it may at once; retry when one ends',
  503: 'The database is unavailable or still starting; retry later',
};

const errorResponseComponents = () =>
  Object.fromEntries(
    Object.entries(ERROR_RESPONSE_NAMES).map(([status, name]) => {
      const schemaId = (errorSchemasByStatus[Number(status)]?.$id as string | undefined) ?? 'ErrorResponse';
      return [
        name,
        {
          description: ERROR_RESPONSE_TEXT[Number(status)] ?? STATUS_CODES[Number(status)],
          headers: REQUEST_ID_HEADER,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaId}` } } },
        },
      ];
    }),
  );

type Operation = {
  summary?: string;
  description?: string;
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, Record<string, unknown>>;
  'x-permission'?: string;
  [key: string]: unknown;
};

type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  [key: string]: unknown;
};

const firstSentence = (text: string) => {
  const end = text.search(/\.(\s|$)/);
  return (end === -1 ? text : text.slice(0, end)).trim();
};

/** The 4xx (and 503) an operation can answer, beside the ones its route declares. */
const commonStatuses = (method: string, op: Operation): number[] => {
  const open = Array.isArray(op.security) && op.security.length === 0;
  // Every request's path, query string and headers pass the input guards (input.ts), so any operation
  // can answer 400; under /api the identity headers are checked too.
  const statuses = [400, 503];
  if (!open) statuses.push(401, 404);
  if (op['x-permission']) statuses.push(403);
  if (op.requestBody || ['post', 'put', 'patch'].includes(method)) statuses.push(413, 415);
  // Any tenant write can lose to a concurrent transaction (a deadlock or serialization failure: 409, retry).
  if (!open && ['post', 'put', 'patch', 'delete'].includes(method)) statuses.push(409);
  return statuses;
};

/** The value of a one-value string schema (`{ const }` or `{ enum: [one] }`), else undefined. */
const singleValue = (member: unknown): string | undefined => {
  if (typeof member !== 'object' || member === null) return undefined;
  const m = member as { const?: unknown; enum?: unknown; type?: unknown };
  if (Object.keys(m).some((k) => k !== 'const' && k !== 'enum' && k !== 'type')) return undefined;
  if (m.type !== undefined && m.type !== 'string') return undefined;
  if (typeof m.const === 'string') return m.const;
  return Array.isArray(m.enum) && m.enum.length === 1 && typeof m.enum[0] === 'string'
    ? m.enum[0]
    : undefined;
};

/** `anyOf` of one-value string schemas, as TypeBox writes unions of literals, becomes a plain `enum`. */
const toPlainEnums = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toPlainEnums);
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const members = record.anyOf;
  if (Array.isArray(members) && members.length > 0) {
    const values = members.map(singleValue);
    if (values.every((v) => v !== undefined)) {
      const { anyOf: _members, ...rest } = record;
      return { ...rest, type: 'string', enum: values };
    }
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toPlainEnums(v)]));
};

/**
 * A discriminator without a mapping means "the value is the schema name" in OpenAPI; the server's
 * validator cannot take a mapping, so the document adds it, read from each variant's one value.
 */
const addDiscriminatorMappings = (schemas: Record<string, unknown>): void => {
  for (const schema of Object.values(schemas) as Record<string, unknown>[]) {
    const discriminator = schema.discriminator as { propertyName: string; mapping?: object } | undefined;
    if (!discriminator || !Array.isArray(schema.oneOf)) continue;
    const mapping: Record<string, string> = {};
    for (const member of schema.oneOf as { $ref?: string }[]) {
      const name = member.$ref?.split('/').pop();
      const variant = name ? (schemas[name] as { properties?: Record<string, unknown> }) : undefined;
      const value = singleValue(variant?.properties?.[discriminator.propertyName]);
      if (value && member.$ref) mapping[value] = member.$ref;
    }
    discriminator.mapping = mapping;
  }
};

/**
 * Completes every operation of the document: the error answers it can give (as shared response
 * components carrying x-request-id), x-request-id on its success answers, a summary and a description.
 */
const completeDocument = (document: Document): Document => {
  for (const item of Object.values(document.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || op === null || !op.responses) continue;
      if (!op.summary && op.description) op.summary = firstSentence(op.description);
      if (!op.description && op.summary) op.description = `${op.summary}.`;
      const declared = Object.keys(op.responses).map(Number);
      for (const status of [...new Set([...declared, ...commonStatuses(method, op)])].sort()) {
        const name = ERROR_RESPONSE_NAMES[status];
        if (status >= 400 && name) op.responses[String(status)] = { $ref: `#/components/responses/${name}` };
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 && !('$ref' in response)) {
          response.headers = { ...REQUEST_ID_HEADER, ...(response.headers as object | undefined) };
          // A success answer the route left undescribed is described by what the operation does.
          if (response.description === 'Default Response') {
            response.description =
              status === '204'
                ? `${op.summary ?? 'Done'}; no body`
                : `${STATUS_CODES[Number(status)]}: ${op.summary}`;
          }
        }
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  addDiscriminatorMappings(schemas);
  for (const [name, example] of Object.entries(BODY_EXAMPLES)) {
    if (schemas[name]) schemas[name].examples = [example];
  }
  document.components = {
    ...document.components,
    responses: { ...document.components?.responses, ...errorResponseComponents() },
  };
  return toPlainEnums(document) as Document;
};

/** Examples of the main request bodies, shown by /docs and checked against their schemas by the linters. */
const BODY_EXAMPLES: Record<string, unknown> = {
  CreateProjectBody: { name: 'Payroll', description: 'Salary and benefits configuration' },
  CreateRecordTypeBody: {
    projectId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    key: 'incident',
    name: 'Incident',
    fields: [{ name: 'title', type: 'string', required: true }],
  },
  CreateChangeBody: {
    projectId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    title: 'Add a priority to incidents',
  },
  CreateTargetBodyRecordType: { type: 'record_type', selector: { recordTypeKey: 'incident' } },
  CreatePatchOpBodyAddField: {
    targetId: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70',
    opType: 'add_field',
    payload: { field: { name: 'priority', type: 'number', required: false } },
  },
  CreatePatchOpBodyRenameField: {
    targetId: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70',
    opType: 'rename_field',
    payload: { from: 'title', to: 'summary' },
  },
  CreateRoleBody: { name: 'Release managers' },
};

/** Publishes /openapi.json (OpenAPI 3.1, built from the route schemas) and the reference page at /docs. */
export const registerOpenApi = async (app: FastifyInstance): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: OPENAPI_SERVERS,
      tags: [
        { name: 'tenants', description: 'Organisation boundaries' },
        { name: 'projects', description: 'Projects with their environments and modules' },
        { name: 'environments', description: 'dev, test and prod of each project' },
        { name: 'changes', description: 'Change records: targets, patch ops, checkin, merge, revert' },
        { name: 'record-types', description: 'The data dictionary: record types and their fields' },
        { name: 'record-instances', description: 'Runtime records of active record types: data, assignment' },
        { name: 'timers', description: 'SLA timers of records: due and warning times, pauses, breaches' },
        { name: 'record-locks', description: 'Records held by workflow executions' },
        { name: 'choice-lists', description: 'Option sets for choice fields' },
        { name: 'workflows', description: 'Workflow definitions and their steps, lifecycle, manual runs' },
        { name: 'workflow-executions', description: 'Executions and the steps they ran; resume' },
        { name: 'workflow-approvals', description: 'Approvals of approval steps: the queue and decisions' },
        { name: 'graph', description: 'The record-type graph: snapshot, validation, diff' },
        { name: 'packages', description: 'Graph packages: install, upgrade, diff, uninstall, built-ins' },
        {
          name: 'promotion',
          description:
            'Environment package state and diff, direct and governed promotion, promotion webhooks',
        },
        { name: 'dashboard', description: 'Console summaries' },
        { name: 'rbac', description: 'Roles, permissions, policies and assignments' },
        { name: 'admin', description: 'Admin console (permission admin.view)' },
        { name: 'audit', description: 'Authorization decisions and domain events' },
        {
          name: 'workflow-triggers',
          description: 'Bindings of workflow definitions to record events, schedules and manual firing',
        },
        {
          name: 'workflow-intents',
          description: 'Record events, and the execution intents triggers queue and workers dispatch',
        },
        { name: 'system', description: 'Health and readiness' },
        {
          name: 'apps',
          description: 'The template catalog, template installs, installed apps and their upgrade',
        },
        {
          name: 'overrides',
          description: 'Module overrides of installed apps and the resolved configuration',
        },
        {
          name: 'forms',
          description:
            'Form definitions, sections, placements, behaviour rules, overrides, compiled forms and evaluation',
        },
        {
          name: 'agent-proposals',
          description:
            'Form patches, workflow changes and approval comments agents propose and humans review',
        },
        { name: 'agent-skills', description: 'The registry of skills agent runs may use' },
        { name: 'agent-runs', description: 'Agent runs: status, log lines and the live log stream' },
        {
          name: 'vibe',
          description:
            'AI authoring of packages: generation, previews and their streams, variants, drafts and their versions, form patch suggestions',
        },
      ],
      components: {
        securitySchemes: {
          tenant: { type: 'apiKey', in: 'header', name: 'x-tenant-id', description: 'Tenant slug' },
          user: { type: 'apiKey', in: 'header', name: 'x-user-id', description: 'The acting user' },
          agent: {
            type: 'apiKey',
            in: 'header',
            name: 'x-agent-id',
            description: 'The acting AI agent (never together with x-user-id)',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'With EC3L_AUTH=jwt: a signed token whose sub is the actor, ec3l_actor "user" or "agent", ' +
              'ec3l_tenants the tenant slugs it may use. x-user-id and x-agent-id are then refused.',
          },
        },
      },
      security: ACTOR_SECURITY,
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    // Identity and permission come from the route's options, so routes added later are described alike.
    transform: ({ schema, url, route }) => {
      if (!schema || schema.hide) return { schema, url };
      const config = (route.config ?? {}) as FastifyContextConfig & { tenantOptional?: boolean };
      const next: Record<string, unknown> = { ...schema };
      next.security = !url.startsWith('/api/')
        ? []
        : config.tenantOptional
          ? TENANT_LIST_SECURITY
          : ACTOR_SECURITY;
      const permission = config.permission;
      if (permission) {
        next['x-permission'] = permission;
        const description = typeof schema.description === 'string' ? schema.description : '';
        if (!description.includes(`\`${permission}\``)) {
          next.description = description ? `${description} ${requires(permission)}` : requires(permission);
        }
      }
      return { schema: next as typeof schema, url };
    },
    transformObject: (documentObject) =>
      completeDocument((documentObject as { openapiObject: Document }).openapiObject) as never,
  });
  registerDocs(app);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
