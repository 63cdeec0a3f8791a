export { BUILT_IN_PACKAGES } from './built-ins/index.js';
export {
  compareObjectDiffs,
  diffPackages,
  type PackageDiff,
  PackageDiffSchema,
  type PackageObjectDiff,
  PackageObjectDiffSchema,
} from './core/diff.js';
export {
  fieldDefinitionOf,
  type InstallPlan,
  type NewRecordType,
  type OwnedObject,
  type PlannedOp,
  type PlanOutcome,
  type PlanRefusal,
  pendingChoiceListId,
  planInstall,
} from './core/plan.js';
export { compareVersions } from './core/semver.js';
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
export { type InstallRow, type OwnershipRow, type PackageLedger, packageLedger } from './repo/ledger.js';
/** @public The ledger tables, for handles that compose them with other packages' tables. */
export type {
  CreatedObject,
  EnvironmentInstallSource,
  GraphPackagesTables,
  PackageObjectType,
} from './tables.js';
