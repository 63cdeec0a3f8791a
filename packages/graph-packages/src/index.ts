export { BUILT_IN_PACKAGES } from './built-ins/index.js';
/** @public Offline validation for tools: the problems' codes and the result shape with them. */
export {
  PACKAGE_PROBLEM_CODES,
  type PackageProblem,
  type PackageValidation,
  validatePackage,
} from './core/validate.js';
export { graphPackagesMigrations } from './migrations/index.js';
export { packageChecksum } from './package/checksum.js';
/** @public The published JSON Schema of the format, its $id, and the OpenAPI components GraphPackage refers to. */
export {
  GRAPH_PACKAGE_SCHEMA_ID,
  graphPackageJsonSchema,
  graphPackageRefSchemas,
} from './package/json-schema.js';
/** @public The package format (TypeBox schemas and types, its patterns and limits), for tools that write packages. */
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
/** @public The ledger tables, for handles that compose them with other packages' tables. */
export type {
  CreatedObject,
  EnvironmentInstallSource,
  GraphPackagesTables,
  PackageObjectType,
} from './tables.js';
