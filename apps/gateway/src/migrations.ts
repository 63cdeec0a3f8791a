import { changeEngineMigrations } from '@ec3l/change-engine';
import type { MigrationModule } from '@ec3l/db';
import { formsMigrations } from '@ec3l/forms';
import { graphPackagesMigrations } from '@ec3l/graph-packages';
import { promotionMigrations } from '@ec3l/promotion';
import { rbacMigrations } from '@ec3l/rbac';
import { recordsMigrations } from '@ec3l/records';
import { tenancyMigrations } from '@ec3l/tenancy';
import { vibeMigrations } from '@ec3l/vibe';
import { workflowMigrations } from '@ec3l/workflow';

/** Every package's migrations, in the order of the package dependency graph. */
export const allMigrations: readonly MigrationModule[] = [
  tenancyMigrations,
  rbacMigrations,
  recordsMigrations,
  changeEngineMigrations,
  workflowMigrations,
  graphPackagesMigrations,
  promotionMigrations,
  formsMigrations,
  vibeMigrations,
];
