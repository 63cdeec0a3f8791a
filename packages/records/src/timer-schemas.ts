import { type Static, Type } from '@sinclair/typebox';

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const RecordTimerSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    recordId: Type.String({ format: 'uuid' }),
    type: Type.Literal('sla'),
    status: Type.Union(
      [Type.Literal('pending'), Type.Literal('paused'), Type.Literal('breached'), Type.Literal('completed')],
      { description: 'pending: running (warnedAt tells whether the warning passed); paused: clock stopped' },
    ),
    dueAt: Type.String({
      format: 'date-time',
      description: 'When the clock runs out; while paused, as it stood when the pause began',
    }),
    warnAt: NullableTimestamp,
    warnedAt: NullableTimestamp,
    pausedAt: NullableTimestamp,
    pausedMs: Type.Integer({ minimum: 0, description: 'Wall milliseconds spent paused so far' }),
    businessElapsedMs: Type.Integer({ minimum: 0, description: 'Business milliseconds the clock has run' }),
    breachedAt: NullableTimestamp,
    completedAt: NullableTimestamp,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'RecordTimer', additionalProperties: false },
);
export type RecordTimer = Static<typeof RecordTimerSchema>;

export const ProcessTimersBodySchema = Type.Object(
  {
    now: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Process as of this instant (default: the server clock); never later than the server clock',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000, description: 'At most this many timers (default 1000)' }),
    ),
  },
  { $id: 'ProcessTimersBody', additionalProperties: false },
);

export const ProcessTimersResultSchema = Type.Object(
  {
    processed: Type.Integer({ minimum: 0, description: 'Timers claimed and changed' }),
    breached: Type.Integer({ minimum: 0 }),
    warned: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0, description: 'Timers whose processing failed; they stay due' }),
  },
  { $id: 'ProcessTimersResult', additionalProperties: false },
);
export type ProcessTimersResult = Static<typeof ProcessTimersResultSchema>;

export const RecordLockSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    recordTypeId: Type.String({ format: 'uuid' }),
    recordId: Type.String({ format: 'uuid' }),
    lockedBy: Type.String(),
    workflowExecutionId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'RecordLock', additionalProperties: false },
);
export type RecordLock = Static<typeof RecordLockSchema>;

export const RecordLockCheckSchema = Type.Object(
  {
    locked: Type.Boolean(),
    lock: Type.Optional(Type.Ref('RecordLock')),
  },
  { $id: 'RecordLockCheck', additionalProperties: false },
);
export type RecordLockCheck = { locked: boolean; lock?: RecordLock };
