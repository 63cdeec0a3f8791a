import type { Database } from '@ec3l/db';
import { diffPackages, type GraphPackage, packageChecksum } from '@ec3l/graph-packages';
import { actorOf, newId, type RequestContext } from '@ec3l/kernel';
import type { PromotionInstallPort } from '@ec3l/promotion';
import { createTenancyService } from '@ec3l/tenancy';
import type { Kysely, Transaction } from 'kysely';
import { installPackage, type PackageInstallDeps } from './package-install.js';

/** The shared handle's transaction (every package's tables), as the install flow takes it. */
type SharedTables = Database['db'] extends Kysely<infer Tables> ? Tables : never;
type Trx = Transaction<SharedTables>;

/**
 * Records that the target environment now holds the version when the project's graph was at it already
 * (the install answered noop: one graph per project, so promoting a version installed in dev changes no
 * record type). Same row as an install writes, with source "promote" and the intent.
 */
const recordEnvironmentState = async (
  trx: Trx,
  ctx: RequestContext,
  input: { projectId: string; environmentId: string; package: GraphPackage; promotionIntentId?: string },
  graphInstallId: string | null,
) => {
  const previous = await trx
    .selectFrom('environment_package_installs')
    .select(['package_contents', 'source'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('environment_id', '=', input.environmentId)
    .where('package_key', '=', input.package.key)
    .orderBy('installed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const before =
    previous && previous.source !== 'uninstall' ? (previous.package_contents as GraphPackage) : null;
  await trx
    .insertInto('environment_package_installs')
    .values({
      tenant_id: ctx.tenantId,
      id: newId(),
      project_id: input.projectId,
      environment_id: input.environmentId,
      package_key: input.package.key,
      version: input.package.version,
      checksum: packageChecksum(input.package),
      installed_by: actorOf(ctx).actorId,
      source: 'promote',
      diff: JSON.stringify(diffPackages(before, input.package)),
      package_contents: JSON.stringify(input.package),
      graph_install_id: graphInstallId,
      promotion_intent_id: input.promotionIntentId ?? null,
    })
    .execute();
};

/**
 * The install step of a promotion: the install flow inside the promotion's transaction, on that one
 * connection (its project and environment reads too, so concurrent promotions never wait on the pool
 * while holding locks). The flow applies the version to the project's graph when the graph is not at
 * it and records the target's state; when the graph is at it already (noop) the state is recorded here.
 */
export const promotionInstallPort =
  (deps: PackageInstallDeps): PromotionInstallPort =>
  async (trx, ctx, input) => {
    const handle = trx as unknown as Trx;
    const onTrx: PackageInstallDeps = {
      ...deps,
      db: handle,
      tenancy: createTenancyService({ db: handle as Database['db'], events: deps.events }),
    };
    const result = await installPackage(onTrx, ctx, input, handle);
    if (result.status === 'noop') await recordEnvironmentState(handle, ctx, input, result.installId);
    return result;
  };
