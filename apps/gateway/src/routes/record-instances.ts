import { invalid, Text, Uuid } from '@ec3l/kernel';
import {
  type CreateRecordInstanceBody,
  CreateRecordInstanceBodySchema,
  type RecordInstance,
  RecordInstanceSchema,
  type RecordsService,
  type UpdateRecordInstanceBody,
  UpdateRecordInstanceBodySchema,
} from '@ec3l/records';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { readErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  RecordParamsSchema,
  ref,
  sendPage,
} from '../schemas.js';

const etagHeader = {
  etag: Type.String({ description: 'The record version, quoted ("3"); send it as If-Match' }),
};
const withEtag = { ...ref(RecordInstanceSchema), headers: etagHeader };

const etagOf = (record: RecordInstance) => `"${record.version}"`;

// If-Match carries the version an update is based on: "3" (or W/"3"), or * for any version.
const IF_MATCH_RE = /^(?:\*|(?:W\/)?"([1-9][0-9]{0,9})")$/;

/** The version an update names through the body and the If-Match header; both must agree. */
const versionOf = (body: UpdateRecordInstanceBody, ifMatch: string | undefined): number | undefined => {
  let header: number | undefined;
  if (ifMatch !== undefined) {
    const match = IF_MATCH_RE.exec(ifMatch.trim());
    if (!match) {
      throw invalid('If-Match must be the ETag of the record ("3") or *', { header: 'if-match' });
    }
    if (match[1]) header = Number(match[1]);
  }
  if (header !== undefined && body.version !== undefined && header !== body.version) {
    throw invalid(`If-Match names version ${header} but the body version ${body.version}`, {
      header: 'if-match',
    });
  }
  return header ?? body.version;
};

const FILTER_DESCRIPTION =
  'Equality filters, each `field:value` (repeat the parameter for several; all must hold). Values are read by the field type: numbers as numbers, `true`/`false` for booleans, datetimes in any zone.';

export const recordInstanceRoutes: FastifyPluginAsyncTypebox<{
  records: RecordsService;
  guard: Guard;
}> = async (app, { records, guard }) => {
  const tags = ['record-instances'];
  const edit = guard('record.edit');
  // A create's one statement confirms the caller's grants itself (no grant read before it).
  const create = guard('record.edit', undefined, { deferred: true });
  const needsEdit = requires('record.edit');

  app.get(
    '/record-instances',
    {
      schema: {
        operationId: 'listRecordInstances',
        summary: "One record type's records, filtered by field values and sorted",
        description: `${PAGE_DESCRIPTION} Sort by createdAt (default), updatedAt or a field (not a text field); a leading - sorts descending, and records without a value come first in ascending order.`,
        tags,
        querystring: Type.Composite([
          Type.Object({
            recordTypeId: Uuid({ description: 'The record type whose records are listed' }),
            filter: Type.Optional(
              Type.Array(Text({ minLength: 3, maxLength: 2100 }), {
                maxItems: 20,
                description: FILTER_DESCRIPTION,
              }),
            ),
            sort: Type.Optional(
              Type.String({
                pattern: '^-?[A-Za-z][A-Za-z0-9_]{0,62}$',
                description: 'createdAt, updatedAt or a field name; prefix - for descending',
              }),
            ),
          }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(RecordInstanceSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, recordTypeId, filter, sort } = request.query;
      return sendPage(
        reply,
        await records.listRecords(request.ctx, {
          recordTypeId,
          ...(filter ? { filter } : {}),
          ...(sort ? { sort } : {}),
          ...pageRequestOf({ limit, cursor }),
        }),
      );
    },
  );

  app.post(
    '/record-instances',
    {
      ...create,
      schema: {
        operationId: 'createRecordInstance',
        summary: 'Create a record of an active record type (assigned by its assignment config)',
        description: `${needsEdit} The data is checked against the effective schema; a 400 RECORD_INVALID lists every refused field in details. A record type that is not active answers 409 RECORD_TYPE_NOT_ACTIVE.`,
        tags,
        body: ref(CreateRecordInstanceBodySchema),
        response: { 201: withEtag, ...writeErrors },
      },
    },
    async (request, reply) => {
      const record = await records.createRecord(request.ctx, request.body as CreateRecordInstanceBody, {
        permission: request.deferredPermission ?? null,
      });
      return reply.code(201).header('etag', etagOf(record)).send(record);
    },
  );

  app.get(
    '/record-instances/:recordId',
    {
      schema: {
        operationId: 'getRecordInstance',
        summary: 'Read a record (data by field name)',
        tags,
        params: RecordParamsSchema,
        response: { 200: withEtag, ...readErrors },
      },
    },
    async (request, reply) => {
      const record = await records.getRecord(request.ctx, request.params.recordId);
      return reply.header('etag', etagOf(record)).send(record);
    },
  );

  app.patch(
    '/record-instances/:recordId',
    {
      ...edit,
      schema: {
        operationId: 'updateRecordInstance',
        summary: "Merge values into a record's data (null clears an optional field)",
        description: `${needsEdit} Optimistic concurrency: send the version the change is based on as body version or If-Match header (the ETag of a read); a stale one answers 409 RECORD_VERSION_CONFLICT. Without either, the update applies to the current version.`,
        tags,
        params: RecordParamsSchema,
        headers: Type.Object({
          'if-match': Type.Optional(
            Text({ maxLength: 20, description: 'The ETag of the version read ("3"), or *' }),
          ),
        }),
        body: ref(UpdateRecordInstanceBodySchema),
        response: { 200: withEtag, ...writeErrors },
      },
    },
    async (request, reply) => {
      const body = request.body as UpdateRecordInstanceBody;
      const version = versionOf(body, request.headers['if-match']);
      const record = await records.updateRecord(request.ctx, request.params.recordId, {
        data: body.data,
        ...(version !== undefined ? { version } : {}),
      });
      return reply.header('etag', etagOf(record)).send(record);
    },
  );
};
