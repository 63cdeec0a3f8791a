import { type GraphPackage, PACKAGE_KEY_PATTERN } from '@ec3l/graph-packages';
import { IDENTIFIER_PATTERN } from '@ec3l/kernel';
import { z } from 'zod';
import type { VibeProblem } from './problems.js';

/**
 * The zod schema of what a model may hand back as a package: the graph package format's shape (strict
 * objects, the same patterns and field types), with tighter bounds on sizes. Workflow steps, triggers
 * and the SLA / assignment configurations are checked in shape here and in full by `validatePackage`.
 */

const VIBE_LIMITS = {
  recordTypes: 100,
  fieldsPerType: 100,
  choiceLists: 50,
  itemsPerList: 100,
  workflows: 20,
  stepsPerWorkflow: 30,
  triggersPerWorkflow: 5,
  bindings: 50,
} as const;

const identifier = z
  .string()
  .regex(new RegExp(IDENTIFIER_PATTERN), 'lower snake case, at most 63 characters');
// Visible text without NUL or other control characters beyond tab and newlines.
const text = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters');
const name = (max: number) => text(max).refine((s) => s.trim().length > 0, 'a visible name');
const fieldType = z.enum(['string', 'number', 'boolean', 'reference', 'choice', 'text', 'date', 'datetime']);
const scalar = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
/** A configuration object: keys and nesting bounded, values any JSON (checked in full later). */
const config = z
  .record(z.string().max(100), z.unknown())
  .refine((o) => Object.keys(o).length <= 30, 'too many keys');

const FieldSchema = z.strictObject({
  name: identifier,
  type: fieldType,
  label: text(200).optional(),
  required: z.boolean().optional(),
  defaultValue: scalar.optional(),
  choiceListKey: identifier.optional(),
  referenceRecordTypeKey: identifier.optional(),
});

const RecordTypeSchema = z.strictObject({
  key: identifier,
  name: name(200),
  baseType: identifier.optional(),
  fields: z.array(FieldSchema).max(VIBE_LIMITS.fieldsPerType),
});

const ChoiceListSchema = z.strictObject({
  key: identifier,
  name: name(200),
  items: z
    .array(z.strictObject({ value: text(200).min(1), label: text(200).min(1) }))
    .min(1)
    .max(VIBE_LIMITS.itemsPerList),
});

const WorkflowSchema = z.strictObject({
  key: identifier,
  name: name(200),
  description: text(2000).optional(),
  recordTypeKey: identifier.optional(),
  steps: z
    .array(
      z.looseObject({ stepType: z.string().max(40), config: config.optional(), name: text(200).optional() }),
    )
    .max(VIBE_LIMITS.stepsPerWorkflow),
  triggers: z
    .array(z.looseObject({ triggerType: z.string().max(40), triggerConfig: config.optional() }))
    .max(VIBE_LIMITS.triggersPerWorkflow)
    .optional(),
});

const VibePackageSchema = z.strictObject({
  key: z.string().max(100).regex(new RegExp(PACKAGE_KEY_PATTERN), 'dotted lower-case segments'),
  version: z
    .string()
    .max(64)
    .regex(
      /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/,
      'a semantic version',
    ),
  name: name(200),
  description: text(4000).optional(),
  bindings: z
    .strictObject({ recordTypes: z.array(identifier).max(VIBE_LIMITS.bindings).optional() })
    .optional(),
  choiceLists: z.array(ChoiceListSchema).max(VIBE_LIMITS.choiceLists).optional(),
  recordTypes: z.array(RecordTypeSchema).min(1).max(VIBE_LIMITS.recordTypes),
  slaPolicies: z
    .array(z.strictObject({ recordTypeKey: identifier, config }))
    .max(VIBE_LIMITS.recordTypes)
    .optional(),
  assignmentRules: z
    .array(z.strictObject({ recordTypeKey: identifier, config }))
    .max(VIBE_LIMITS.recordTypes)
    .optional(),
  workflows: z.array(WorkflowSchema).max(VIBE_LIMITS.workflows).optional(),
});

/** Parses untrusted JSON as a package candidate: the candidate, or the schema's problems (at most 20). */
export const parseVibePackage = (
  value: unknown,
): { ok: true; package: GraphPackage } | { ok: false; problems: VibeProblem[] } => {
  const result = VibePackageSchema.safeParse(value);
  if (result.success) return { ok: true, package: result.data as unknown as GraphPackage };
  return {
    ok: false,
    problems: result.error.issues.slice(0, 20).map((issue) => ({
      stage: 'validate_schema' as const,
      path: `/${issue.path.map(String).join('/')}`,
      code: issue.code.toUpperCase(),
      message: issue.message,
    })),
  };
};
