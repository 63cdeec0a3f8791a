import { withTenant } from '@ec3l/db';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, newId } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rbacMigrations } from './migrations/index.js';
import { createAuditWriter } from './repo/audit-writer.js';
import type { AuditLogRow } from './tables.js';

let database: TestDatabase;
const tenantIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, rbacMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  for (const slug of ['acme', 'globex']) {
    await tenancy.ensureTenant({ slug });
    tenantIds[slug] = (await tenancy.resolveTenant(slug))!.id;
  }
});
afterAll(() => database.destroy());

const refusal = (tenantId: string): AuditLogRow => ({
  tenant_id: tenantId,
  id: newId(),
  actor_type: 'agent',
  actor_id: 'batch-bot',
  permission: 'change.approve',
  resource_type: null,
  resource_id: null,
  outcome: 'deny',
  reason: 'agents may not perform change.approve',
  timestamp: new Date(),
  kind: 'decision',
});

describe('audit writer', () => {
  it('T2: audit entries of several tenants queued in one turn are each written in their tenant', async () => {
    const errors: unknown[] = [];
    // The services' handle: row-level security refuses a row written outside its tenant's scope.
    const writer = createAuditWriter(database.db, (e) => errors.push(e));
    // All four entries are queued synchronously, so they share one batch, which the first tenant's
    // scope opened.
    await Promise.all(
      ['acme', 'globex', 'acme', 'globex'].map((slug) =>
        withTenant(tenantIds[slug]!, async () => writer.write(refusal(tenantIds[slug]!))),
      ),
    );
    await writer.drain();
    expect(errors).toEqual([]);
    const stored = await database.ownerDb
      .selectFrom('rbac_audit_logs')
      .innerJoin('tenants', 'tenants.id', 'rbac_audit_logs.tenant_id')
      .select(['tenants.slug', sql<string>`count(*)::text`.as('n')])
      .where('actor_id', '=', 'batch-bot')
      .groupBy('tenants.slug')
      .orderBy('tenants.slug')
      .execute();
    expect(stored).toEqual([
      { slug: 'acme', n: '2' },
      { slug: 'globex', n: '2' },
    ]);
  });
});
