import { AssignmentConfigSchema, SlaConfigSchema } from '@ec3l/records';
import { triggerVariantSchemas, workflowVariantSchemas } from '@ec3l/workflow';
import type { TSchema } from '@sinclair/typebox';
import {
  GraphPackageSchema,
  PackageAssignmentRuleSchema,
  PackageChoiceListSchema,
  PackageFieldSchema,
  PackageRecordTypeSchema,
  PackageSlaPolicySchema,
  PackageWorkflowSchema,
  PackageWorkflowStepSchema,
  PackageWorkflowTriggerSchema,
} from './schema.js';

/** The stable identifier of the published JSON Schema of the package format. */
export const GRAPH_PACKAGE_SCHEMA_ID = 'urn:ec3l:schema:graph-package:1';

const isPackageVariant = (schema: TSchema) => {
  const id = schema.$id ?? '';
  return id.startsWith('PackageWorkflowStep') || id.startsWith('PackageWorkflowTrigger');
};

/**
 * The named schemas `GraphPackage` refers to, besides the records configurations (`SlaConfig`,
 * `AssignmentConfig`) and the variants of the step and trigger unions.
 */
const graphPackageRefSchemas: TSchema[] = [
  PackageFieldSchema,
  PackageRecordTypeSchema,
  PackageChoiceListSchema,
  PackageSlaPolicySchema,
  PackageAssignmentRuleSchema,
  PackageWorkflowStepSchema,
  PackageWorkflowTriggerSchema,
  PackageWorkflowSchema,
];

/** The variants of the step and trigger unions; they join @ec3l/workflow's variant lists, registered with them. */
const variantSchemas = (): TSchema[] => [
  ...workflowVariantSchemas.filter(isPackageVariant),
  ...triggerVariantSchemas.filter(isPackageVariant),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// A TypeBox schema as plain JSON (its symbols dropped), with `$ref: "X"` pointing into `$defs` and
// without `$id`: inside one document an embedded `$id` would start a new resource and break the refs.
const toJson = (value: unknown, keepDiscriminator: boolean): Json => {
  if (Array.isArray(value)) return value.map((v) => toJson(v, keepDiscriminator));
  if (value === null || typeof value !== 'object') return value as Json;
  const out: { [key: string]: Json } = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$id' || (key === 'discriminator' && !keepDiscriminator)) continue;
    out[key] = key === '$ref' && typeof v === 'string' ? `#/$defs/${v}` : toJson(v, keepDiscriminator);
  }
  return out;
};

/**
 * The package format as one JSON Schema document (draft 2020-12): `GraphPackage` at the root, every
 * schema it refers to under `$defs`. With `discriminator` the step and trigger unions keep the OpenAPI
 * `discriminator` annotation (Ajv's `discriminator` option uses it for precise errors); the published
 * file leaves it out, so any draft 2020-12 validator in strict mode reads it.
 */
export const graphPackageJsonSchema = (options: { discriminator?: boolean } = {}): Record<string, Json> => {
  const keep = options.discriminator === true;
  const defs: { [key: string]: Json } = {};
  for (const schema of [
    ...graphPackageRefSchemas,
    ...variantSchemas(),
    SlaConfigSchema,
    AssignmentConfigSchema,
  ]) {
    defs[schema.$id as string] = toJson(schema, keep);
  }
  const root = toJson(GraphPackageSchema, keep) as { [key: string]: Json };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: GRAPH_PACKAGE_SCHEMA_ID,
    title: 'EC3L graph package',
    description:
      'An installable bundle of record types, choice lists, SLA policies, assignment rules and workflows, named by keys',
    ...root,
    $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
};
