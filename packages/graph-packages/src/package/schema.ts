import { Identifier, Name, Text } from '@ec3l/kernel';
import { type AssignmentConfigSchema, FIELD_TYPES, type SlaConfigSchema } from '@ec3l/records';
import {
  type AddStepBodySchema,
  byStepType,
  byTriggerType,
  type CreateTriggerBodySchema,
} from '@ec3l/workflow';
import { type Static, type TUnsafe, Type } from '@sinclair/typebox';

/**
 * A graph package: an installable bundle of record types (with fields and base types), the choice
 * lists their fields use, SLA policies, assignment rules and workflows (steps and triggers). Objects
 * are named by keys, never by database ids, so one file installs into any project. The checksum is
 * taken over the canonical JSON form (RFC 8785): the same content in any key order has the same one.
 */

/** Dotted lower-case segments: `hr.lite`, `itsm.lite`, `vibe.helpdesk`. */
export const PACKAGE_KEY_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$';
/** Semantic version without build metadata: 1.0.0, 2.1.0-rc.1. */
export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$';

/** Upper bounds that keep one package within what one install transaction should carry. */
export const PACKAGE_LIMITS = {
  recordTypes: 2000,
  fieldsPerType: 500,
  choiceLists: 500,
  itemsPerList: 500,
  workflows: 500,
  stepsPerWorkflow: 100,
  triggersPerWorkflow: 20,
} as const;

const FieldTypeSchema = Type.Union(FIELD_TYPES.map((t) => Type.Literal(t)));

export const PackageFieldSchema = Type.Object(
  {
    name: Identifier({ description: 'lower snake case, unique within the record type' }),
    type: FieldTypeSchema,
    label: Type.Optional(Text({ maxLength: 200 })),
    required: Type.Optional(Type.Boolean()),
    defaultValue: Type.Optional(Type.Unknown()),
    choiceListKey: Type.Optional(
      Identifier({ description: 'choice fields: key of a choice list of this package' }),
    ),
    referenceRecordTypeKey: Type.Optional(
      Identifier({
        description: 'reference fields: a record type of this package or one named in bindings.recordTypes',
      }),
    ),
  },
  { $id: 'PackageField', additionalProperties: false },
);
export type PackageField = Static<typeof PackageFieldSchema>;

export const PackageRecordTypeSchema = Type.Object(
  {
    key: Identifier(),
    name: Name({ maxLength: 200 }),
    baseType: Type.Optional(
      Identifier({ description: 'a record type of this package or one named in bindings.recordTypes' }),
    ),
    fields: Type.Array(Type.Ref('PackageField'), { maxItems: PACKAGE_LIMITS.fieldsPerType }),
  },
  { $id: 'PackageRecordType', additionalProperties: false },
);
export type PackageRecordType = Omit<Static<typeof PackageRecordTypeSchema>, 'fields'> & {
  fields: PackageField[];
};

export const PackageChoiceListSchema = Type.Object(
  {
    key: Identifier(),
    name: Name({ maxLength: 200 }),
    items: Type.Array(
      Type.Object(
        {
          value: Text({ minLength: 1, maxLength: 200 }),
          label: Text({ minLength: 1, maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: PACKAGE_LIMITS.itemsPerList },
    ),
  },
  { $id: 'PackageChoiceList', additionalProperties: false },
);
export type PackageChoiceList = Static<typeof PackageChoiceListSchema>;

export const PackageSlaPolicySchema = Type.Object(
  { recordTypeKey: Identifier(), config: Type.Ref('SlaConfig') },
  { $id: 'PackageSlaPolicy', additionalProperties: false },
);
export type PackageSlaPolicy = { recordTypeKey: string; config: Static<typeof SlaConfigSchema> };

export const PackageAssignmentRuleSchema = Type.Object(
  { recordTypeKey: Identifier(), config: Type.Ref('AssignmentConfig') },
  { $id: 'PackageAssignmentRule', additionalProperties: false },
);
export type PackageAssignmentRule = {
  recordTypeKey: string;
  config: Static<typeof AssignmentConfigSchema>;
};

type StepBody = Static<typeof AddStepBodySchema>;
type TriggerBody = Static<typeof CreateTriggerBodySchema>;
/** A step as a package carries it: its position is its index in `steps`. */
export type PackageWorkflowStep = StepBody extends infer S
  ? S extends unknown
    ? Omit<S, 'orderIndex'>
    : never
  : never;
/** A trigger as a package carries it: record_event triggers name their record type by key. */
export type PackageWorkflowTrigger = TriggerBody extends infer T
  ? T extends unknown
    ? Omit<T, 'workflowDefinitionId'>
    : never
  : never;

export const PackageWorkflowStepSchema: TUnsafe<PackageWorkflowStep> = byStepType<PackageWorkflowStep>(
  { name: Type.Optional(Name({ maxLength: 200 })) },
  {
    $id: 'PackageWorkflowStep',
    description: 'A step of a package workflow; its position is its index in steps',
    closed: true,
  },
);

export const PackageWorkflowTriggerSchema: TUnsafe<PackageWorkflowTrigger> =
  byTriggerType<PackageWorkflowTrigger>(
    {},
    'PackageWorkflowTrigger',
    true,
    'A trigger of a package workflow; record_event triggers name their record type by recordTypeKey',
  );

export const PackageWorkflowSchema = Type.Object(
  {
    key: Identifier({ description: 'unique within the package; how an upgrade finds the workflow again' }),
    name: Name({ maxLength: 200 }),
    description: Type.Optional(Text({ maxLength: 2000 })),
    recordTypeKey: Type.Optional(Identifier({ description: 'the record type the workflow works on' })),
    steps: Type.Array(Type.Ref('PackageWorkflowStep'), { maxItems: PACKAGE_LIMITS.stepsPerWorkflow }),
    triggers: Type.Optional(
      Type.Array(Type.Ref('PackageWorkflowTrigger'), { maxItems: PACKAGE_LIMITS.triggersPerWorkflow }),
    ),
  },
  { $id: 'PackageWorkflow', additionalProperties: false },
);
export type PackageWorkflow = {
  key: string;
  name: string;
  description?: string;
  recordTypeKey?: string;
  steps: PackageWorkflowStep[];
  triggers?: PackageWorkflowTrigger[];
};

export const GraphPackageSchema = Type.Object(
  {
    key: Type.String({ pattern: PACKAGE_KEY_PATTERN, maxLength: 100 }),
    version: Type.String({ pattern: SEMVER_PATTERN, maxLength: 64 }),
    name: Name({ maxLength: 200 }),
    description: Type.Optional(Text({ maxLength: 4000 })),
    bindings: Type.Optional(
      Type.Object(
        {
          recordTypes: Type.Optional(
            Type.Array(Identifier(), {
              maxItems: PACKAGE_LIMITS.recordTypes,
              description:
                'record types the package expects in the project without owning them (base types, reference targets)',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    choiceLists: Type.Optional(
      Type.Array(Type.Ref('PackageChoiceList'), { maxItems: PACKAGE_LIMITS.choiceLists }),
    ),
    recordTypes: Type.Array(Type.Ref('PackageRecordType'), { maxItems: PACKAGE_LIMITS.recordTypes }),
    slaPolicies: Type.Optional(
      Type.Array(Type.Ref('PackageSlaPolicy'), { maxItems: PACKAGE_LIMITS.recordTypes }),
    ),
    assignmentRules: Type.Optional(
      Type.Array(Type.Ref('PackageAssignmentRule'), { maxItems: PACKAGE_LIMITS.recordTypes }),
    ),
    workflows: Type.Optional(Type.Array(Type.Ref('PackageWorkflow'), { maxItems: PACKAGE_LIMITS.workflows })),
  },
  { $id: 'GraphPackage', additionalProperties: false },
);
export type GraphPackage = {
  key: string;
  version: string;
  name: string;
  description?: string;
  bindings?: { recordTypes?: string[] };
  choiceLists?: PackageChoiceList[];
  recordTypes: PackageRecordType[];
  slaPolicies?: PackageSlaPolicy[];
  assignmentRules?: PackageAssignmentRule[];
  workflows?: PackageWorkflow[];
};
