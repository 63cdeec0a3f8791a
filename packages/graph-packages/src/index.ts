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
export { type GraphPackagesErrorCode, GraphPackagesErrorCodes } from './errors.js';
export { graphPackagesMigrations } from './migrations/index.js';
export { packageChecksum } from './package/checksum.js';
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
