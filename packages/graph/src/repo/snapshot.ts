import type { RequestContext } from '@ec3l/kernel';
import { ownFieldsOf, type RecordsTables, recordsRepo } from '@ec3l/records';
import type { Kysely } from 'kysely';
import type { GraphSnapshot, GraphValidationError, RecordTypeNode } from '../core/contracts.js';
import { validateGraph } from '../core/validate.js';

/** The tenant's graph as it stands: every record type (own fields) and the choice lists, optionally one project's. */
export const readGraphSnapshot = async (
  db: Kysely<RecordsTables>,
  ctx: RequestContext,
  projectId?: string,
): Promise<GraphSnapshot> => {
  const repo = recordsRepo(db, ctx.tenantId);
  const [rows, choiceListIds] = await Promise.all([
    repo.listRecordTypes(projectId),
    repo.listChoiceListIds(),
  ]);
  return {
    recordTypes: rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      key: r.key,
      name: r.name,
      baseType: r.base_type,
      status: r.status,
      version: r.version,
      fields: ownFieldsOf(r),
      assignmentConfig: (r.assignment_config as RecordTypeNode['assignmentConfig']) ?? null,
      slaConfig: (r.sla_config as RecordTypeNode['slaConfig']) ?? null,
    })),
    choiceListIds: choiceListIds.sort(),
  };
};

/** Runs every graph validator over the tenant's graph (or one project's part of it). */
export const validateTenantGraph = async (
  db: Kysely<RecordsTables>,
  ctx: RequestContext,
  projectId?: string,
): Promise<{ valid: boolean; errors: GraphValidationError[]; recordTypes: number }> => {
  // Cross-project base types are only visible against the whole tenant: validate it all, then filter.
  const snapshot = await readGraphSnapshot(db, ctx);
  const errors = validateGraph(snapshot).filter((e) => !projectId || e.projectId === projectId);
  const recordTypes = projectId
    ? snapshot.recordTypes.filter((t) => t.projectId === projectId).length
    : snapshot.recordTypes.length;
  return { valid: errors.length === 0, errors, recordTypes };
};
