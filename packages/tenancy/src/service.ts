import { type Cursor, inTransaction, isUniqueViolation, pageOf } from '@ec3l/db';
import {
  type Clock,
  conflict,
  type EventBus,
  newId,
  notFound,
  type RequestContext,
  systemClock,
  systemContext,
} from '@ec3l/kernel';
import type { Kysely } from 'kysely';
import { type CreateProjectInput, planProject } from './core/project-plan.js';
import { parseTenantSlug } from './core/slug.js';
import { forTenant } from './repo/scoped.js';
import { listTelemetryRows, type TelemetryFilter } from './repo/telemetry.js';
import {
  findTenantRowBySlug,
  insertTenantIfAbsent,
  listBootstrapAdmins,
  listTenantRows,
  recordBootstrapAdmins,
} from './repo/tenants.js';
import type { DashboardSummary, Environment, Module, Project, TelemetryEvent, Tenant } from './schemas.js';
import type { EnvironmentRow, ModuleRow, ProjectRow, TenancyTables, TenantRow } from './tables.js';

export type TenancyDeps = { db: Kysely<TenancyTables>; events: EventBus; clock?: Clock };

/** A tenant as the server knows it: the id never leaves the server (T1, T6). */
export type ResolvedTenant = { id: string; slug: string; name: string };

const toTenant = (row: TenantRow): Tenant => ({
  slug: row.slug,
  name: row.name,
  plan: row.plan,
  createdAt: row.created_at.toISOString(),
});

const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  name: row.name,
  description: row.description,
  githubRepo: row.github_repo,
  defaultBranch: row.default_branch,
  createdAt: row.created_at.toISOString(),
});

const toModule = (row: ModuleRow): Module => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  type: row.type,
  rootPath: row.root_path,
  version: row.version,
  capabilityProfile: row.capability_profile,
  createdAt: row.created_at.toISOString(),
});

const toEnvironment = (row: EnvironmentRow): Environment => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  isDefault: row.is_default,
  requiresPromotionApproval: row.requires_promotion_approval,
  promotionWebhookUrl: row.promotion_webhook_url,
  createdAt: row.created_at.toISOString(),
});

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Tenants, projects, modules and environments. */
export const createTenancyService = ({ db, events, clock = systemClock }: TenancyDeps) => {
  const requireProject = async (ctx: RequestContext, projectId: string): Promise<ProjectRow> => {
    const row = await forTenant(db, ctx.tenantId).findProject(projectId);
    if (!row) throw notFound('project', projectId);
    return row;
  };

  return {
    /** Every tenant, oldest first. */
    listTenants: async (): Promise<Tenant[]> => (await listTenantRows(db)).map(toTenant),

    /** The tenant with this slug, or undefined. Anything that is not a known slug (a UUID too) is unknown. */
    resolveTenant: async (slug: string): Promise<ResolvedTenant | undefined> => {
      const row = await findTenantRowBySlug(db, slug);
      return row && { id: row.id, slug: row.slug, name: row.name };
    },

    /** Creates the tenant unless it exists; idempotent. */
    ensureTenant: async (input: { slug: string; name?: string; plan?: string }) => {
      const slug = parseTenantSlug(input.slug);
      const { row, created } = await insertTenantIfAbsent(db, {
        id: newId(),
        slug,
        name: input.name?.trim() || slug,
        ...(input.plan ? { plan: input.plan } : {}),
      });
      if (created) {
        events.emit(systemContext(row.id, row.slug), {
          type: 'tenant.created',
          status: 'succeeded',
          entityId: row.id,
        });
      }
      return { tenant: toTenant(row), created };
    },

    /** Records users who are to become admins of the tenant (idempotent). */
    recordBootstrapAdmins: async (slug: string, userIds: readonly string[]): Promise<void> => {
      const row = await findTenantRowBySlug(db, slug);
      if (!row) throw notFound('tenant', slug);
      await recordBootstrapAdmins(db, row.id, userIds);
    },

    listBootstrapAdmins: (tenantId: string): Promise<string[]> => listBootstrapAdmins(db, tenantId),

    /** A page of the tenant's projects, oldest first. */
    listProjects: async (
      ctx: RequestContext,
      page: { limit: number; after?: Cursor },
    ): Promise<Page<Project>> => {
      const rows = await forTenant(db, ctx.tenantId).listProjects({ ...page, limit: page.limit + 1 });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: r.created_at.toISOString(),
        id: r.id,
      }));
      return { items: items.map(toProject), nextCursor };
    },

    getProject: async (ctx: RequestContext, projectId: string): Promise<Project> =>
      toProject(await requireProject(ctx, projectId)),

    /** Creates a project with its dev/test/prod environments and default module, all or nothing. */
    createProject: async (ctx: RequestContext, input: CreateProjectInput): Promise<Project> => {
      const plan = planProject(input, newId);
      let row: ProjectRow;
      try {
        row = await inTransaction(db, (trx) =>
          forTenant(trx, ctx.tenantId).insertPlannedProject(plan, clock.now()),
        );
      } catch (error) {
        if (isUniqueViolation(error, 'projects_name_unique')) {
          throw conflict(`a project named "${plan.project.name}" already exists in this tenant`, {
            field: 'name',
          });
        }
        throw error;
      }
      events.emit(ctx, { type: 'project.created', status: 'succeeded', entityId: row.id });
      return toProject(row);
    },

    listModules: async (ctx: RequestContext, projectId: string): Promise<Module[]> => {
      await requireProject(ctx, projectId);
      return (await forTenant(db, ctx.tenantId).listModules(projectId)).map(toModule);
    },

    listEnvironments: async (ctx: RequestContext, projectId: string): Promise<Environment[]> => {
      await requireProject(ctx, projectId);
      return (await forTenant(db, ctx.tenantId).listEnvironments(projectId)).map(toEnvironment);
    },

    getEnvironment: async (ctx: RequestContext, environmentId: string): Promise<Environment> => {
      const row = await forTenant(db, ctx.tenantId).findEnvironment(environmentId);
      if (!row) throw notFound('environment', environmentId);
      return toEnvironment(row);
    },

    /** Ensures the project exists in the caller's tenant (404 otherwise). */
    requireProject: async (ctx: RequestContext, projectId: string): Promise<void> => {
      await requireProject(ctx, projectId);
    },

    /** A page of the tenant's domain events, newest first. */
    listTelemetry: async (
      ctx: RequestContext,
      filter: TelemetryFilter,
      page: { limit: number; before?: Cursor },
    ): Promise<Page<TelemetryEvent>> => {
      // This process's own events are in the list, however recently they were emitted.
      await events.persisted();
      const rows = await listTelemetryRows(db, ctx.tenantId, filter, { ...page, limit: page.limit + 1 });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: r.timestamp.toISOString(),
        id: r.id,
      }));
      return {
        items: items.map((r) => ({
          id: r.id,
          eventType: r.event_type,
          timestamp: r.timestamp.toISOString(),
          moduleId: r.module_id,
          executionType: r.execution_type,
          workflowId: r.workflow_id,
          workflowStepId: r.workflow_step_id,
          executionId: r.execution_id,
          actorType: r.actor_type,
          actorId: r.actor_id,
          status: r.status,
          errorCode: r.error_code,
          errorMessage: r.error_message,
          affectedRecordIds: r.affected_record_ids ?? null,
        })),
        nextCursor,
      };
    },

    summarize: async (ctx: RequestContext): Promise<DashboardSummary> => {
      const repo = forTenant(db, ctx.tenantId);
      const [projects, environments] = await Promise.all([repo.countProjects(), repo.countEnvironments()]);
      return { projects, environments };
    },
  };
};

export type TenancyService = ReturnType<typeof createTenancyService>;
