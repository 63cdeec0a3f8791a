import { Uuid } from '@ec3l/kernel';
import {
  ProcessTimersBodySchema,
  ProcessTimersResultSchema,
  RecordLockCheckSchema,
  RecordLockSchema,
  type RecordLocks,
  RecordTimerSchema,
  type SlaTimers,
} from '@ec3l/records';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, readErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const RecordParamsSchema = Type.Object({ recordId: Uuid() });

/** SLA timers of records (reference section 11) and record locks. */
export const timerRoutes: FastifyPluginAsyncTypebox<{
  timers: SlaTimers;
  locks: RecordLocks;
  guard: Guard;
}> = async (app, { timers, locks, guard }) => {
  app.post(
    '/timers/process',
    {
      ...guard('automation.run'),
      schema: {
        operationId: 'processTimers',
        tags: ['timers'],
        summary: 'Process the tenant’s due SLA timers',
        description: `Breaches pending timers of the tenant whose due time has passed and warns those past their warning time, each exactly once (record.sla.breached, record.sla.warning), up to \`limit\` (default 1000) per call, earliest due first; answers the counts (call again while \`processed\` equals the limit). \`now\` may move the clock back (to process as of an earlier instant), never forward: a \`now\` later than the server clock is a 400, so no caller can breach timers early. ${requires('automation.run')}`,
        body: ref(ProcessTimersBodySchema),
        response: { 200: ref(ProcessTimersResultSchema), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => timers.processTenantTimers(request.ctx, request.body),
  );

  app.get(
    '/record-instances/:recordId/timers',
    {
      schema: {
        operationId: 'listRecordTimers',
        tags: ['timers', 'record-instances'],
        summary: 'The record’s SLA timers (status, due and warning times, paused time)',
        params: RecordParamsSchema,
        response: { 200: Type.Array(ref(RecordTimerSchema)), ...readErrors },
      },
    },
    async (request) => timers.listRecordTimers(request.ctx, request.params.recordId),
  );

  app.get(
    '/record-timers',
    {
      schema: {
        operationId: 'listTimersOfRecords',
        tags: ['timers', 'record-instances'],
        summary: 'The SLA timers of several records at once',
        description:
          'For a page of records: `recordId` repeated (1 to 100). Answers the timers of those records, by record; an id without a record of the tenant simply has none.',
        querystring: Type.Object(
          {
            recordId: Type.Array(Uuid(), {
              minItems: 1,
              maxItems: 100,
              description: 'Repeat the parameter once per record',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ref(RecordTimerSchema)), ...readErrors },
      },
    },
    async (request) => timers.listTimersOfRecords(request.ctx, request.query.recordId),
  );

  app.get(
    '/record-locks',
    {
      schema: {
        operationId: 'listRecordLocks',
        tags: ['record-locks'],
        summary: 'Record locks held by workflow executions, oldest first',
        description: PAGE_DESCRIPTION,
        querystring: Type.Composite([
          Type.Object({ recordTypeId: Type.Optional(Uuid()), recordId: Type.Optional(Uuid()) }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(RecordLockSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(reply, await locks.listLocks(request.ctx, filter, pageRequestOf({ limit, cursor })));
    },
  );

  app.get(
    '/record-locks/check',
    {
      schema: {
        operationId: 'checkRecordLock',
        tags: ['record-locks'],
        summary: 'Whether a record is locked, and by which execution',
        querystring: Type.Object({ recordId: Uuid() }),
        response: { 200: ref(RecordLockCheckSchema), ...readErrors },
      },
    },
    async (request) => locks.checkLock(request.ctx, request.query.recordId),
  );
};
