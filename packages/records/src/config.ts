import { Identifier, Int32, Text } from '@ec3l/kernel';
import { FormatRegistry, type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * A record type's routing and timing configuration (reference section 11): who a new record goes to,
 * and the service level it is held to. Both are data, validated by these schemas wherever they enter
 * (record type create, draft edits, the change engine's set_assignment / set_sla ops).
 */

const Principal = Text({ minLength: 1, maxLength: 200 });

/** Where a matched record goes: a user or a group. */
const AssigneeSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('user'), Type.Literal('group')]),
    value: Principal,
  },
  { additionalProperties: false },
);

/** One rule of a field_match strategy: records whose `field` equals `equals` go to `assignTo`. */
const FieldMatchRuleSchema = Type.Object(
  {
    equals: Type.Union([Text({ maxLength: 2000 }), Type.Number(), Type.Boolean()]),
    assignTo: AssigneeSchema,
  },
  { additionalProperties: false },
);

export const AssignmentConfigSchema = Type.Union(
  [
    Type.Object(
      { type: Type.Literal('static_user'), value: Principal },
      { additionalProperties: false, title: 'StaticUserAssignment' },
    ),
    Type.Object(
      { type: Type.Literal('static_group'), value: Principal },
      { additionalProperties: false, title: 'StaticGroupAssignment' },
    ),
    Type.Object(
      {
        type: Type.Literal('field_match'),
        field: Identifier({ description: 'Field of the record whose value decides' }),
        rules: Type.Array(FieldMatchRuleSchema, {
          maxItems: 200,
          description: 'Tried in order; the first whose value equals the field wins',
        }),
        default: Type.Optional(AssigneeSchema),
        reassignOnUpdate: Type.Optional(
          Type.Boolean({ description: 'Resolve again when an update changes the field (default false)' }),
        ),
      },
      { additionalProperties: false, title: 'FieldMatchAssignment' },
    ),
  ],
  { $id: 'AssignmentConfig' },
);
export type AssignmentConfig = Static<typeof AssignmentConfigSchema>;

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: '24-hour time, HH:MM' });

/** Opening hours of one weekday (1 = Monday … 7 = Sunday, ISO); several intervals per day are allowed. */
const WorkingHoursSchema = Type.Object(
  { day: Int32({ minimum: 1, maximum: 7 }), start: HHMM, end: HHMM },
  { additionalProperties: false },
);

/** When the SLA clock runs: weekly hours and holidays in a time zone. Without one, it runs always. */
const BusinessCalendarSchema = Type.Object(
  {
    timeZone: Text({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
    weekly: Type.Array(WorkingHoursSchema, { minItems: 1, maxItems: 70 }),
    holidays: Type.Optional(
      Type.Array(Type.String({ format: 'date', description: 'A whole local day off (YYYY-MM-DD)' }), {
        maxItems: 1000,
      }),
    ),
  },
  { additionalProperties: false },
);

export const SlaConfigSchema = Type.Object(
  {
    durationMinutes: Int32({
      minimum: 1,
      maximum: 525_600,
      description: 'Time to resolve, in (business) minutes from creation',
    }),
    warningPercent: Type.Optional(
      Int32({ minimum: 1, maximum: 99, description: 'Emit record.sla.warning once this share has elapsed' }),
    ),
    pauseWhen: Type.Optional(
      Type.Object(
        {
          field: Identifier(),
          values: Type.Array(Text({ maxLength: 2000 }), { minItems: 1, maxItems: 50 }),
        },
        {
          additionalProperties: false,
          description: 'The clock stops while the field holds one of these values (e.g. status on_hold)',
        },
      ),
    ),
    completeWhen: Type.Optional(
      Type.Object(
        {
          field: Identifier(),
          values: Type.Array(Text({ maxLength: 2000 }), { minItems: 1, maxItems: 50 }),
        },
        {
          additionalProperties: false,
          description: 'The timer completes (is met) once the field holds one of these values',
        },
      ),
    ),
    calendar: Type.Optional(BusinessCalendarSchema),
  },
  { $id: 'SlaConfig', additionalProperties: false },
);
export type SlaConfig = Static<typeof SlaConfigSchema>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// TypeBox's own checker knows no formats; holidays are calendar dates (the gateway's Ajv checks the same).
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', (value) => {
    const m = DATE.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  });
}

/**
 * Where a configuration value misses its schema (for callers that skip the HTTP schema, such as the
 * change engine's stored ops): `path message` lines, empty when it fits. Null (no configuration) fits.
 */
export const configSchemaProblems = (kind: 'assignment' | 'sla', value: unknown): string[] =>
  value === null
    ? []
    : [...Value.Errors(kind === 'assignment' ? AssignmentConfigSchema : SlaConfigSchema, value)].map(
        (e) => `${e.path || '/'} ${e.message}`,
      );
