import { createRequire } from 'node:module';
import { type GraphSnapshot, type RecordTypeNode, validateGraph } from '@ec3l/graph';
import { configProblems, type FieldDefinition } from '@ec3l/records';
import { definitionProblems, scheduleProblem } from '@ec3l/workflow';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { packageChecksum } from '../package/checksum.js';
import { graphPackageJsonSchema } from '../package/json-schema.js';
import type { GraphPackage, PackageField, PackageRecordType, PackageWorkflow } from '../package/schema.js';

/** What validation reports, one code per kind of problem (the package README lists them). */
export const PACKAGE_PROBLEM_CODES = [
  // The input does not fit the package schema (a type, a pattern, a bound, a missing or unknown property).
  'SCHEMA_INVALID',
  // Two record types, choice lists, workflows or bindings share a key, or a list repeats an item value.
  'DUPLICATE_KEY',
  // A field name repeats on a record type, or repeats the name of an inherited field.
  'DUPLICATE_FIELD',
  // bindings.recordTypes names a record type the package defines itself.
  'BINDING_OWNED',
  // A choice field names no choice list of the package (or a non-choice field names one).
  'CHOICE_LIST_MISSING',
  // A reference field names no record type of the package or its bindings (or a non-reference field names one).
  'REFERENCE_TARGET_MISSING',
  // A default value the field cannot hold (a choice default outside its list).
  'DEFAULT_INVALID',
  // A configuration, trigger condition or record mutation uses a value outside a choice field's list.
  'CHOICE_VALUE_UNKNOWN',
  // A base type that is neither a record type of the package nor one of its bindings.
  'BASE_TYPE_MISSING',
  // A record type on a base-type cycle.
  'BASE_TYPE_CYCLE',
  // A second SLA policy or assignment rule for one record type.
  'DUPLICATE_POLICY',
  // An SLA policy, assignment rule, workflow or trigger names a record type the package does not know.
  'RECORD_TYPE_MISSING',
  // A configuration, trigger condition or step names a field the record type's effective schema lacks.
  'FIELD_MISSING',
  // A configuration value no schema can refuse (a blank group, an unknown time zone, hours ending before they start).
  'CONFIG_INVALID',
  // A record_event trigger names its record type by id, or names none.
  'TRIGGER_RECORD_TYPE',
  // A schedule trigger whose cron or time zone cannot be used.
  'SCHEDULE_INVALID',
  // A workflow the engine would not activate (no steps, a decision jumping nowhere or to itself, a
  // malformed condition, an approval deadline without an escalation or the reverse).
  'WORKFLOW_INVALID',
  // The input could not be read at all (e.g. a value that is not JSON data).
  'UNREADABLE',
] as const;
type PackageProblemCode = (typeof PACKAGE_PROBLEM_CODES)[number];

/** One problem of a package file: where (a JSON Pointer into the input, `/` for the whole), what, why. */
export type PackageProblem = { path: string; code: PackageProblemCode; message: string };

export type PackageValidation =
  | { ok: true; package: GraphPackage; checksum: string }
  | { ok: false; problems: PackageProblem[] };

/** The most problems one validation reports; the rest of a badly broken input adds nothing useful. */
const MAX_PROBLEMS = 200;

const pointer = (...segments: (string | number)[]): string =>
  segments.length === 0
    ? '/'
    : `/${segments.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

const quote = (s: string): string => JSON.stringify(s);

// Ajv is a large module: loaded and compiled on the first validation, not when the package is imported.
const require = createRequire(import.meta.url);
let compiled: ValidateFunction | undefined;
const schemaValidator = (): ValidateFunction => {
  if (compiled) return compiled;
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as unknown as (ajv: InstanceType<typeof Ajv2020>) => void;
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
  addFormats(ajv);
  compiled = ajv.compile(graphPackageJsonSchema({ discriminator: true }));
  return compiled;
};

const schemaProblem = (error: ErrorObject): PackageProblem => {
  const params = error.params as Record<string, unknown>;
  const extra =
    error.keyword === 'additionalProperties'
      ? params.additionalProperty
      : error.keyword === 'required'
        ? params.missingProperty
        : undefined;
  const base = error.instancePath === '' ? '/' : error.instancePath;
  const path =
    typeof extra === 'string'
      ? `${base === '/' ? '' : base}/${extra.replaceAll('~', '~0').replaceAll('/', '~1')}`
      : base;
  const message =
    error.keyword === 'additionalProperties'
      ? 'is not a property of this object'
      : error.keyword === 'required'
        ? 'is required'
        : error.keyword === 'enum' || error.keyword === 'const'
          ? `${error.message ?? 'is not allowed'}${params.allowedValues ? `: ${JSON.stringify(params.allowedValues)}` : params.allowedValue !== undefined ? `: ${JSON.stringify(params.allowedValue)}` : ''}`
          : (error.message ?? 'is not valid');
  return { path, code: 'SCHEMA_INVALID', message };
};

const schemaProblems = (input: unknown): PackageProblem[] => {
  const validate = schemaValidator();
  if (validate(input)) return [];
  const seen = new Set<string>();
  const problems: PackageProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = schemaProblem(error);
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
};

// Problems in the order of the file: by path, array indexes compared as numbers (stable within a path).
const byPath = (a: PackageProblem, b: PackageProblem): number => {
  const x = a.path.split('/');
  const y = b.path.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const [m, n] = [Number(x[i]), Number(y[i])];
    if (/^\d+$/.test(x[i]!) && /^\d+$/.test(y[i]!)) return m - n;
    return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
};

/** What validation knows of one record type key: defined by the package (at an index) or bound. */
type TypeInfo = { index: number; type: PackageRecordType } | { index: -1; type: null };

const toFieldDefinition = (field: PackageRecordType['fields'][number]): FieldDefinition => ({
  name: field.name,
  type: field.type,
  label: field.label ?? null,
  required: field.required ?? false,
  defaultValue: field.defaultValue ?? null,
  choiceListId: field.choiceListKey ?? null,
  referenceRecordTypeKey: field.referenceRecordTypeKey ?? null,
});

/** The checks beyond the schema, on an input that fits it. */
const contentProblems = (pkg: GraphPackage, now: Date): PackageProblem[] => {
  const problems: PackageProblem[] = [];
  const add = (path: string, code: PackageProblemCode, message: string) =>
    problems.push({ path, code, message });

  // Keys: record types, bindings, choice lists, workflows.
  const types = new Map<string, TypeInfo>();
  pkg.recordTypes.forEach((type, i) => {
    if (types.has(type.key)) {
      add(
        pointer('recordTypes', i, 'key'),
        'DUPLICATE_KEY',
        `record type ${quote(type.key)} is defined twice`,
      );
    } else types.set(type.key, { index: i, type });
  });
  const bound = new Set<string>();
  (pkg.bindings?.recordTypes ?? []).forEach((key, i) => {
    const path = pointer('bindings', 'recordTypes', i);
    if (bound.has(key)) add(path, 'DUPLICATE_KEY', `${quote(key)} is bound twice`);
    else if (types.has(key)) {
      add(
        path,
        'BINDING_OWNED',
        `${quote(key)} is a record type of the package; bindings name types it does not own`,
      );
    } else {
      bound.add(key);
      types.set(key, { index: -1, type: null });
    }
  });
  const lists = new Map<string, Set<string>>();
  (pkg.choiceLists ?? []).forEach((list, i) => {
    if (lists.has(list.key)) {
      add(
        pointer('choiceLists', i, 'key'),
        'DUPLICATE_KEY',
        `choice list ${quote(list.key)} is defined twice`,
      );
      return;
    }
    const values = new Set<string>();
    list.items.forEach((item, j) => {
      if (values.has(item.value)) {
        add(
          pointer('choiceLists', i, 'items', j, 'value'),
          'DUPLICATE_KEY',
          `choice list ${quote(list.key)} holds the value ${quote(item.value)} twice`,
        );
      }
      values.add(item.value);
    });
    lists.set(list.key, values);
  });
  const workflowKeys = new Set<string>();
  (pkg.workflows ?? []).forEach((workflow, i) => {
    if (workflowKeys.has(workflow.key)) {
      add(
        pointer('workflows', i, 'key'),
        'DUPLICATE_KEY',
        `workflow ${quote(workflow.key)} is defined twice`,
      );
    }
    workflowKeys.add(workflow.key);
  });

  // Fields and base types.
  pkg.recordTypes.forEach((type, i) => {
    if (type.baseType !== undefined && !types.has(type.baseType)) {
      add(
        pointer('recordTypes', i, 'baseType'),
        'BASE_TYPE_MISSING',
        `base type ${quote(type.baseType)} of ${quote(type.key)} is neither a record type of the package nor named in bindings.recordTypes`,
      );
    }
    type.fields.forEach((field, j) => {
      const at = (...rest: string[]) => pointer('recordTypes', i, 'fields', j, ...rest);
      const what = `${field.type} field ${quote(field.name)} of ${quote(type.key)}`;
      if (field.type === 'choice') {
        if (field.choiceListKey === undefined) {
          add(at(), 'CHOICE_LIST_MISSING', `${what} needs a choiceListKey`);
        } else if (!lists.has(field.choiceListKey)) {
          add(
            at('choiceListKey'),
            'CHOICE_LIST_MISSING',
            `${what} names choice list ${quote(field.choiceListKey)}, which the package does not define`,
          );
        } else if (
          field.defaultValue !== undefined &&
          field.defaultValue !== null &&
          !(typeof field.defaultValue === 'string' && lists.get(field.choiceListKey)?.has(field.defaultValue))
        ) {
          add(
            at('defaultValue'),
            'DEFAULT_INVALID',
            `the default of ${what} is not a value of choice list ${quote(field.choiceListKey)}`,
          );
        }
      } else if (field.choiceListKey !== undefined) {
        add(at('choiceListKey'), 'CHOICE_LIST_MISSING', `only choice fields take a choiceListKey (${what})`);
      }
      if (field.type === 'reference') {
        if (field.referenceRecordTypeKey === undefined) {
          add(at(), 'REFERENCE_TARGET_MISSING', `${what} needs a referenceRecordTypeKey`);
        } else if (!types.has(field.referenceRecordTypeKey)) {
          add(
            at('referenceRecordTypeKey'),
            'REFERENCE_TARGET_MISSING',
            `${what} points at ${quote(field.referenceRecordTypeKey)}, which is neither a record type of the package nor named in bindings.recordTypes`,
          );
        }
      } else if (field.referenceRecordTypeKey !== undefined) {
        add(
          at('referenceRecordTypeKey'),
          'REFERENCE_TARGET_MISSING',
          `only reference fields take a referenceRecordTypeKey (${what})`,
        );
      }
    });
  });

  // The graph validators on the package's own graph: bound types are stub nodes without fields.
  // Missing base types and binding targets are reported above in the package's terms.
  const projectId = pkg.key;
  const nodes: RecordTypeNode[] = [...types].map(([key, info]) => ({
    id: key,
    projectId,
    key,
    name: info.type?.name ?? key,
    baseType: info.type?.baseType ?? null,
    status: 'active',
    version: 1,
    fields: info.type ? info.type.fields.map(toFieldDefinition) : [],
  }));
  const snapshot: GraphSnapshot = { recordTypes: nodes, choiceListIds: [...lists.keys()] };
  for (const error of validateGraph(snapshot)) {
    const info = types.get(error.recordTypeKey);
    if (!info?.type) continue;
    if (error.code === 'BASE_TYPE_CYCLE') {
      add(pointer('recordTypes', info.index, 'baseType'), 'BASE_TYPE_CYCLE', error.message);
    } else if (error.code === 'DUPLICATE_FIELD' && error.field !== undefined) {
      const indexes = info.type.fields.flatMap((f, j) => (f.name === error.field ? [j] : []));
      const j = indexes.length > 1 ? indexes[1] : indexes[0];
      add(pointer('recordTypes', info.index, 'fields', j ?? 0, 'name'), 'DUPLICATE_FIELD', error.message);
    }
  }

  // The fields a type has, through its base chain; null when the chain reaches a bound type (whose
  // fields the package does not know) or a type that is not there.
  const fieldsOf = (key: string): Map<string, PackageField> | null => {
    const fields = new Map<string, PackageField>();
    const seen = new Set<string>();
    let current = types.get(key);
    while (current) {
      if (!current.type) return null;
      if (seen.has(current.type.key)) return fields;
      seen.add(current.type.key);
      for (const f of current.type.fields) if (!fields.has(f.name)) fields.set(f.name, f);
      if (current.type.baseType === undefined) return fields;
      current = types.get(current.type.baseType);
    }
    return null;
  };
  const needField = (path: string, typeKey: string, field: string, what: string) => {
    const fields = fieldsOf(typeKey);
    if (fields && !fields.has(field)) {
      add(
        path,
        'FIELD_MISSING',
        `${what} names field ${quote(field)}, which ${quote(typeKey)} does not have`,
      );
    }
  };
  // A value a choice field of the type is compared with or set to must be a value of its list (null
  // clears or matches an empty field).
  const needChoiceValue = (path: string, typeKey: string, field: string, value: unknown, what: string) => {
    const definition = fieldsOf(typeKey)?.get(field);
    if (definition?.type !== 'choice' || definition.choiceListKey === undefined || value === null) return;
    const values = lists.get(definition.choiceListKey);
    if (values && !(typeof value === 'string' && values.has(value))) {
      add(
        path,
        'CHOICE_VALUE_UNKNOWN',
        `${what} uses ${JSON.stringify(value)} for choice field ${quote(field)}, which is not a value of choice list ${quote(definition.choiceListKey)}`,
      );
    }
  };

  // SLA policies and assignment rules: one per type, on a type of the package, naming its fields.
  const policies = (
    kind: 'slaPolicies' | 'assignmentRules',
    configOf: (config: unknown) => Parameters<typeof configProblems>[0],
  ) => {
    const seen = new Set<string>();
    (pkg[kind] ?? []).forEach((policy, i) => {
      const what = kind === 'slaPolicies' ? 'SLA policy' : 'assignment rule';
      const info = types.get(policy.recordTypeKey);
      if (seen.has(policy.recordTypeKey)) {
        add(
          pointer(kind, i, 'recordTypeKey'),
          'DUPLICATE_POLICY',
          `${quote(policy.recordTypeKey)} has a second ${what}; a record type has at most one`,
        );
      }
      seen.add(policy.recordTypeKey);
      if (!info?.type) {
        add(
          pointer(kind, i, 'recordTypeKey'),
          'RECORD_TYPE_MISSING',
          `the ${what} names ${quote(policy.recordTypeKey)}, which is not a record type of the package`,
        );
        return;
      }
      const fields = fieldsOf(policy.recordTypeKey);
      const configs = configOf(policy.config);
      for (const problem of configProblems(configs, fields && new Set(fields.keys()))) {
        const rest = problem.path.split('.').slice(1);
        add(
          pointer(kind, i, 'config', ...rest),
          problem.code === 'CONFIG_FIELD_MISSING' ? 'FIELD_MISSING' : 'CONFIG_INVALID',
          problem.message.replace('the record type', quote(policy.recordTypeKey)),
        );
      }
      const typeKey = policy.recordTypeKey;
      const at = (...rest: (string | number)[]) => pointer(kind, i, 'config', ...rest);
      const sla = configs.slaConfig;
      for (const when of ['pauseWhen', 'completeWhen'] as const) {
        const condition = sla?.[when];
        condition?.values.forEach((value, k) => {
          needChoiceValue(at(when, 'values', k), typeKey, condition.field, value, `the SLA ${when}`);
        });
      }
      const assignment = configs.assignmentConfig;
      if (assignment?.type === 'field_match') {
        assignment.rules.forEach((rule, k) => {
          needChoiceValue(at('rules', k, 'equals'), typeKey, assignment.field, rule.equals, `rule ${k + 1}`);
        });
      }
    });
  };
  policies('slaPolicies', (config) => ({
    slaConfig: config as NonNullable<GraphPackage['slaPolicies']>[number]['config'],
    assignmentConfig: null,
  }));
  policies('assignmentRules', (config) => ({
    assignmentConfig: config as NonNullable<GraphPackage['assignmentRules']>[number]['config'],
    slaConfig: null,
  }));

  // Workflows: record types by key, triggers, and the steps' references.
  for (const [i, workflow] of (pkg.workflows ?? []).entries()) workflowProblems(workflow, i);

  function workflowProblems(workflow: PackageWorkflow, i: number) {
    const known = (key: string) => types.has(key);
    if (workflow.recordTypeKey !== undefined && !known(workflow.recordTypeKey)) {
      add(
        pointer('workflows', i, 'recordTypeKey'),
        'RECORD_TYPE_MISSING',
        `workflow ${quote(workflow.key)} works on ${quote(workflow.recordTypeKey)}, which is neither a record type of the package nor named in bindings.recordTypes`,
      );
    }
    (workflow.triggers ?? []).forEach((trigger, t) => {
      const at = (...rest: (string | number)[]) =>
        pointer('workflows', i, 'triggers', t, 'triggerConfig', ...rest);
      if (trigger.triggerType === 'schedule') {
        const problem = scheduleProblem(trigger.triggerConfig, now);
        if (problem) add(at('cron'), 'SCHEDULE_INVALID', `the schedule cannot be used: ${problem}`);
        return;
      }
      if (trigger.triggerType !== 'record_event') return;
      const config = trigger.triggerConfig;
      if (config.recordTypeId !== undefined) {
        add(
          at('recordTypeId'),
          'TRIGGER_RECORD_TYPE',
          'a package names record types by key: use recordTypeKey, never recordTypeId',
        );
      }
      if (config.recordTypeKey === undefined) {
        add(at(), 'TRIGGER_RECORD_TYPE', 'a record_event trigger names its record type by recordTypeKey');
        return;
      }
      const typeKey = config.recordTypeKey;
      if (!known(typeKey)) {
        add(
          at('recordTypeKey'),
          'RECORD_TYPE_MISSING',
          `the trigger fires on ${quote(typeKey)}, which is neither a record type of the package nor named in bindings.recordTypes`,
        );
        return;
      }
      for (const [k, c] of (config.fieldConditions ?? []).entries()) {
        needField(at('fieldConditions', k, 'field'), typeKey, c.field, 'the trigger condition');
        needChoiceValue(
          at('fieldConditions', k, 'value'),
          typeKey,
          c.field,
          c.value,
          'the trigger condition',
        );
      }
      for (const [k, f] of (config.watchFields ?? []).entries())
        needField(at('watchFields', k), typeKey, f, 'the trigger');
    });
    // Steps work on the workflow's record type, or on the one its record_event triggers fire on.
    const recordType =
      workflow.recordTypeKey ??
      (workflow.triggers ?? []).flatMap((t) =>
        t.triggerType === 'record_event' && t.triggerConfig.recordTypeKey
          ? [t.triggerConfig.recordTypeKey]
          : [],
      )[0];
    // The engine's own activation checks: a package workflow is installed active.
    for (const problem of definitionProblems(workflow.steps)) {
      add(
        problem.stepIndex === null
          ? pointer('workflows', i, 'steps')
          : pointer('workflows', i, 'steps', problem.stepIndex),
        'WORKFLOW_INVALID',
        problem.message,
      );
    }
    workflow.steps.forEach((step, s) => {
      if (step.stepType === 'record_mutation' && recordType !== undefined && known(recordType)) {
        for (const [field, value] of Object.entries(step.config.updates)) {
          const path = pointer('workflows', i, 'steps', s, 'config', 'updates', field);
          needField(path, recordType, field, `step ${s}`);
          needChoiceValue(path, recordType, field, value, `step ${s}`);
        }
      }
    });
  }

  return problems;
};

/**
 * Whether `input` is a graph package that installs: the package schema, then its own references
 * (keys, choice lists, reference targets and base types within the package and its bindings, one SLA
 * policy and one assignment rule per type naming existing fields, workflows and triggers by key,
 * schedules that parse), then the graph validators on the package's own graph. Pure and total: any
 * input gives an answer, never an exception. `now` is when schedules must still fire after.
 */
export const validatePackage = (input: unknown, options: { now?: Date } = {}): PackageValidation => {
  // Outside the guard below: a validator that cannot load is a broken installation, not a bad input.
  schemaValidator();
  try {
    const schema = schemaProblems(input);
    if (schema.length > 0) return { ok: false, problems: schema.slice(0, MAX_PROBLEMS) };
    const pkg = input as GraphPackage;
    const problems = contentProblems(pkg, options.now ?? new Date()).sort(byPath);
    if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
    return { ok: true, package: pkg, checksum: packageChecksum(pkg) };
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '/',
          code: 'UNREADABLE',
          message: `the input cannot be read as a package: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
};
