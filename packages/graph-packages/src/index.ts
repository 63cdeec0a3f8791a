export { BUILT_IN_PACKAGES, TEMPLATE_PACKAGES } from './built-ins/index.js';
/** @public The pinned diff of two package contents (promotion and the console read it too). */
export {
  diffPackages,
  type PackageDiff,
  PackageDiffSchema,
  type PackageObjectDiff,
  PackageObjectDiffSchema,
} from './core/diff.js';
export { freeNames } from './core/names.js';
export { type InstallPlan, planInstall } from './core/plan.js';
/** @public Offline validation for tools: the problems' codes and the result shape with them. */
export {
  PACKAGE_PROBLEM_CODES,
  type PackageProblem,
  type PackageValidation,
  validatePackage,
} from './core/validate.js';
export { type GraphPackagesErrorCode, GraphPackagesErrorCodes } from './errors.js';
export { graphPackagesMigrations } from './migrations/index.js';
export { packageChecksum } from './package/checksum.js';
/** @public The published JSON Schema of the format and its $id. */
export { GRAPH_PACKAGE_SCHEMA_ID, graphPackageJsonSchema } from './package/json-schema.js';
/** @public The package format (TypeBox schemas and types, its patterns and limits), for tools that write packages. */
export {
  type GraphPackage,
  GraphPackageSchema,
  PACKAGE_KEY_PATTERN,
  PACKAGE_LIMITS,
  type PackageAssignmentRule,
  PackageAssignmentRuleSchema,
  type PackageChoiceList,
  PackageChoiceListSchema,
  type PackageField,
  PackageFieldSchema,
  type PackageRecordType,
  PackageRecordTypeSchema,
  type PackageSlaPolicy,
  PackageSlaPolicySchema,
  type PackageWorkflow,
  PackageWorkflowSchema,
  type PackageWorkflowStep,
  PackageWorkflowStepSchema,
  type PackageWorkflowTrigger,
  PackageWorkflowTriggerSchema,
  SEMVER_PATTERN,
} from './package/schema.js';
export { type InstallRow, packageLedger } from './repo/ledger.js';
/** @public The ledger tables, for handles that compose them with other packages' tables. */
export type {
  CreatedObject,
  EnvironmentInstallSource,
  GraphPackagesTables,
  PackageObjectType,
} from './tables.js';
