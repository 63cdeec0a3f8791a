import { assertTenantScope, type Cursor } from '@ec3l/db';
import type { Kysely, Transaction } from 'kysely';
import type { PlannedProject } from '../core/project-plan.js';
import type { EnvironmentRow, ModuleRow, ProjectRow, TenancyTables } from '../tables.js';

type Db = Kysely<TenancyTables> | Transaction<TenancyTables>;

/**
 * Queries on one tenant's data. Every query filters by the tenant id captured here, so a query
 * without the filter cannot be written through this object (T2).
 */
const tenantQueries = (db: Db, tenantId: string) => ({
  listProjects: (page: { limit: number; after?: Cursor }): Promise<ProjectRow[]> => {
    let query = db.selectFrom('projects').selectAll().where('tenant_id', '=', tenantId);
    if (page.after) {
      const { createdAt, id } = page.after;
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '>', new Date(createdAt)),
          eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '>', id)]),
        ]),
      );
    }
    return query.orderBy('created_at').orderBy('id').limit(page.limit).execute();
  },

  countProjects: async (): Promise<number> => {
    const row = await db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  countEnvironments: async (): Promise<number> => {
    const row = await db
      .selectFrom('environments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  findProject: (id: string): Promise<ProjectRow | undefined> =>
    db
      .selectFrom('projects')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  listModules: (projectId: string): Promise<ModuleRow[]> =>
    db
      .selectFrom('modules')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('name')
      .execute(),

  listEnvironments: (projectId: string): Promise<EnvironmentRow[]> =>
    db
      .selectFrom('environments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      // dev, test, prod: the order promotions flow in
      .orderBy((eb) =>
        eb.case().when('name', '=', 'dev').then(0).when('name', '=', 'test').then(1).else(2).end(),
      )
      .execute(),

  findEnvironment: (id: string): Promise<EnvironmentRow | undefined> =>
    db
      .selectFrom('environments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Writes a planned project; the caller runs it in a transaction so all rows land or none. */
  insertPlannedProject: async (plan: PlannedProject, now: Date): Promise<ProjectRow> => {
    const project = await db
      .insertInto('projects')
      .values({
        tenant_id: tenantId,
        id: plan.project.id,
        name: plan.project.name,
        description: plan.project.description,
        github_repo: plan.project.githubRepo,
        default_branch: plan.project.defaultBranch,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto('environments')
      .values(
        plan.environments.map((e) => ({
          tenant_id: tenantId,
          id: e.id,
          project_id: plan.project.id,
          name: e.name,
          is_default: e.isDefault,
          requires_promotion_approval: e.requiresPromotionApproval,
          created_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('modules')
      .values({
        tenant_id: tenantId,
        id: plan.module.id,
        project_id: plan.project.id,
        name: plan.module.name,
        type: plan.module.type,
        root_path: plan.module.rootPath,
        version: plan.module.version,
        capability_profile: plan.module.capabilityProfile,
        created_at: now,
      })
      .execute();
    return project;
  },
});

/**
 * This tenant's queries. Each one filters by the tenant (the first wall); the database's row-level
 * security adds the second, which is why the current tenant scope must be this tenant's.
 */
export const forTenant = (db: Db, tenantId: string): ReturnType<typeof tenantQueries> => {
  assertTenantScope(tenantId);
  return tenantQueries(db, tenantId);
};
