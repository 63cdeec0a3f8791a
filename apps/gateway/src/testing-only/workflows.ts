import { newId } from '@ec3l/kernel';
import { sql } from 'kysely';
import type { StartExecution } from '../flows/workflow-dispatch.js';
import type { Harness } from './harness.js';

/** The tenant's id, read as the owner. */
export const tenantIdOf = async (h: Harness, slug: string): Promise<string> =>
  (
    await h.database.ownerDb
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).id as string;

/** A workflow definition written as the owner (definitions have their own routes in the engine). */
export const insertDefinition = async (
  h: Harness,
  tenant: string,
  projectId: string,
  status: 'draft' | 'active' | 'retired' = 'active',
): Promise<string> => {
  const id = newId();
  await h.database.ownerDb
    .insertInto('workflow_definitions')
    .values({
      tenant_id: await tenantIdOf(h, tenant),
      id,
      project_id: projectId,
      name: `Workflow ${id.slice(0, 8)}`,
      trigger_type: 'manual',
      status,
    })
    .execute();
  return id;
};

/**
 * A stand-in for the engine that records one row per execution it starts, in the dispatch transaction,
 * so a rolled-back attempt leaves none. `test_executions` is created by `createExecutionLog`.
 */
export const loggingStartExecution =
  (options: { delayMs?: number; fail?: (payload: unknown) => boolean } = {}): StartExecution =>
  async (trx, intent) => {
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (options.fail?.(intent.payload)) throw new Error('the step failed');
    const executionId = newId();
    await sql`insert into test_executions (id, intent_id, attempt) values (${executionId}, ${intent.id}, ${intent.attempt})`.execute(
      trx,
    );
    return { executionId, status: 'completed' };
  };

export const createExecutionLog = (h: Pick<Harness, 'database'>) =>
  sql`create table if not exists test_executions (id uuid primary key, intent_id uuid not null, attempt int not null)`.execute(
    h.database.ownerDb,
  );
