export { BUILT_IN_PACKAGES } from './built-ins/index.js';
export {
  MAX_PROBLEMS,
  PACKAGE_PROBLEM_CODES,
  type PackageProblem,
  type PackageProblemCode,
  type PackageValidation,
  validatePackage,
} from './core/validate.js';
export { graphPackagesMigrations } from './migrations/index.js';
export { packageChecksum } from './package/checksum.js';
export {
  GRAPH_PACKAGE_SCHEMA_ID,
  graphPackageJsonSchema,
  graphPackageRefSchemas,
} from './package/json-schema.js';
export {
  type GraphPackage,
  GraphPackageSchema,
  PACKAGE_KEY_PATTERN,
  PACKAGE_LIMITS,
  type PackageAssignmentRule,
  type PackageChoiceList,
  type PackageField,
  type PackageRecordType,
  type PackageSlaPolicy,
  type PackageWorkflow,
  type PackageWorkflowStep,
  PackageWorkflowStepSchema,
  type PackageWorkflowTrigger,
  PackageWorkflowTriggerSchema,
  SEMVER_PATTERN,
} from './package/schema.js';
export type {
  CreatedObject,
  EnvironmentInstallSource,
  GraphPackagesTables,
  PackageObjectType,
} from './tables.js';
