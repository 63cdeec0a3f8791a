import { Identifier } from '@ec3l/kernel';
import { type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const Path = Type.String({ minLength: 1, maxLength: 500, pattern: '^[^\\0]+$' });

/** The selector each target type takes (D9). */
export const SELECTOR_SCHEMAS = {
  record_type: Type.Object({ recordTypeKey: Identifier() }, { additionalProperties: false }),
  form: Type.Object(
    { recordTypeKey: Identifier(), formName: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  workflow: Type.Object(
    { workflowDefinitionId: Type.String({ pattern: UUID_PATTERN }) },
    { additionalProperties: false },
  ),
  rule: Type.Object(
    { ruleId: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  script: Type.Object({ path: Path }, { additionalProperties: false }),
  file: Type.Object({ path: Path }, { additionalProperties: false }),
} as const satisfies Record<string, TSchema>;

export type TargetType = keyof typeof SELECTOR_SCHEMAS;
export const TARGET_TYPES = Object.keys(SELECTOR_SCHEMAS) as TargetType[];

/** The problems of a selector for its target type; empty when it fits (D9). */
export const selectorProblems = (type: TargetType, selector: unknown): string[] => {
  return [...Value.Errors(SELECTOR_SCHEMAS[type], selector)].map((e) => `${e.path || '/'} ${e.message}`);
};
