import { diffPackages, type GraphPackage, packageChecksum } from '@ec3l/graph-packages';
import { actorOf, newId } from '@ec3l/kernel';
import type { PromotionInstallPort } from '@ec3l/promotion';

/**
 * The install step of a promotion: records the promoted version as the target environment's package
 * state (source "promote", naming the intent), in the promotion's transaction, with the diff from the
 * version the environment held. The project's graph is one per project and already carries the
 * versions installed into its source environment.
 */
export const recordPromotedPackage: PromotionInstallPort = async (trx, ctx, input) => {
  const checksum = packageChecksum(input.package);
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
      checksum,
      installed_by: actorOf(ctx).actorId,
      source: 'promote',
      diff: JSON.stringify(diffPackages(before, input.package)),
      package_contents: JSON.stringify(input.package),
      graph_install_id: null,
      promotion_intent_id: input.promotionIntentId ?? null,
    })
    .execute();
  return { status: 'installed', installId: null, version: input.package.version, checksum };
};
