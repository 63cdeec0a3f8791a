import type { Database } from '@ec3l/db';
import { createTenancyService } from '@ec3l/tenancy';
import type { VibeInstallPort } from '@ec3l/vibe';
import type { Kysely, Transaction } from 'kysely';
import { installPackage, type PackageInstallDeps } from './package-install.js';

type SharedTables = Database['db'] extends Kysely<infer Tables> ? Tables : never;
type Trx = Transaction<SharedTables>;

/**
 * The install engine for vibe drafts, on the caller's transaction (which holds the draft's row lock):
 * preview is the engine's dry run, install the engine's apply, answering the install's merged change.
 */
export const vibeInstallPort = (deps: PackageInstallDeps): VibeInstallPort => {
  const on = (trx: unknown) => {
    const handle = trx as Trx;
    const onTrx: PackageInstallDeps = {
      ...deps,
      db: handle,
      tenancy: createTenancyService({ db: handle as Database['db'], events: deps.events }),
    };
    return { handle, onTrx };
  };
  return {
    preview: async (trx, ctx, input) => {
      const { handle, onTrx } = on(trx);
      const result = await installPackage(onTrx, ctx, { ...input, preview: true }, handle);
      return { diff: result.diff };
    },
    install: async (trx, ctx, input) => {
      const { handle, onTrx } = on(trx);
      const result = await installPackage(onTrx, ctx, input, handle);
      const row = result.installId
        ? await handle
            .selectFrom('graph_package_installs')
            .select('change_id')
            .where('tenant_id', '=', ctx.tenantId)
            .where('id', '=', result.installId)
            .executeTakeFirst()
        : undefined;
      return {
        status: result.status === 'noop' ? 'noop' : 'installed',
        packageKey: result.packageKey,
        version: result.version,
        checksum: result.checksum,
        environmentId: result.environmentId,
        installId: result.installId,
        changeId: row?.change_id ?? null,
        diff: result.diff,
      };
    },
  };
};
