import { inTransaction } from '@ec3l/db';
import { conflict, newId, type RequestContext } from '@ec3l/kernel';
import {
  type AssignmentConfig,
  type FieldDefinition,
  ownFieldsOf,
  type RecordTypeConfigs,
  recordsPort,
  type SlaConfig,
} from '@ec3l/records';
import type { OpPayload } from '../core/ops.js';
import { traceFields } from '../core/renames.js';
import { restoreConfigOps, restoreOps } from '../core/revert.js';
import { forTenant } from '../repo/scoped.js';
import type { Change, Snapshot } from '../schemas.js';
import type { ChangeServiceContext } from './context.js';
import { toChange, toSnapshot } from './rows.js';

/** The snapshots a merge took, and the exact revert they allow. */
export const snapshotsAndRevert = ({
  db,
  clock,
  requireChange,
  draftRow,
  recordCreated,
}: ChangeServiceContext) => ({
  listSnapshots: async (ctx: RequestContext, id: string): Promise<Snapshot[]> => {
    await requireChange(ctx, id);
    return (await forTenant(db, ctx.tenantId).listSnapshots(id)).map(toSnapshot);
  },

  /**
   * Creates a Draft change whose ops bring every record type the merged change touched back to exactly
   * its snapshotted schema. Refused when a later merge touched the same record types.
   */
  revert: async (ctx: RequestContext, id: string): Promise<Change> =>
    // The merged change's row is locked from the open-revert check to the insert: of concurrent reverts
    // of one change, one creates the revert and the rest see it (409).
    inTransaction(db, async (trx) => {
      const change = await requireChange(ctx, id, trx, true);
      if (change.status !== 'Merged')
        throw conflict(`only a merged change can be reverted (this one is ${change.status})`);
      const repo = forTenant(trx, ctx.tenantId);
      const open = await repo.findOpenRevert(change.id);
      if (open)
        throw conflict(`the change already has an open revert: "${open.title}"`, { changeId: open.id });
      const snapshots = await repo.listSnapshots(id);
      const keys = snapshots.map((s) => s.record_type_key);
      const later = await repo.laterMergesTouching(change.project_id, keys, change.merged_at!, change.id);
      if (later.length > 0) {
        const touched = [...new Set(later.map((l) => l.record_type_key))].sort();
        throw conflict(
          `later merged changes also touched ${touched.join(', ')}: ${[...new Set(later.map((l) => `"${l.title}"`))].join(', ')}; revert those first`,
          { recordTypeKeys: touched, changeIds: [...new Set(later.map((l) => l.id))] },
        );
      }
      const current = new Map(
        (await recordsPort(trx, ctx.tenantId).findRecordTypesByKeys(change.project_id, keys)).map((r) => [
          r.key,
          r,
        ]),
      );
      // The merged ops tell which fields kept their identity under a new name: those are renamed
      // back rather than removed and added again.
      const mergedOps = new Map<string, OpPayload[]>();
      for (const o of await repo.listOps(change.id)) {
        const key = String(o.target_selector.recordTypeKey);
        mergedOps.set(key, [
          ...(mergedOps.get(key) ?? []),
          { opType: o.op_type, payload: o.payload } as OpPayload,
        ]);
      }
      const plans = snapshots
        .map((s) => {
          const before = s.schema as { fields: FieldDefinition[] } & Partial<RecordTypeConfigs>;
          const beforeFields = ownFieldsOf({ schema: before });
          const row = current.get(s.record_type_key);
          const ops: OpPayload[] = restoreOps(
            row ? ownFieldsOf(row) : [],
            beforeFields,
            traceFields(
              beforeFields.map((f) => f.name),
              mergedOps.get(s.record_type_key) ?? [],
            ),
          );
          ops.push(
            ...restoreConfigOps(
              {
                assignmentConfig: (row?.assignment_config as AssignmentConfig | null) ?? null,
                slaConfig: (row?.sla_config as SlaConfig | null) ?? null,
              },
              before,
            ),
          );
          return { key: s.record_type_key, ops };
        })
        .filter((p) => p.ops.length > 0);
      if (plans.length === 0)
        throw conflict('the record types already have their pre-change schemas; nothing to revert');
      const now = clock.now();
      const revert = await repo.insertChange(
        draftRow(
          ctx,
          {
            project_id: change.project_id,
            title: `Revert: ${change.title}`.slice(0, 300),
            description: `Restores the schemas ${change.title} changed.`,
            module_id: change.module_id,
            environment_id: change.environment_id,
            reverts_change_id: change.id,
          },
          now,
        ),
      );
      const targets = plans.map((p) => ({
        id: newId(),
        project_id: change.project_id,
        change_id: revert.id,
        type: 'record_type' as const,
        selector: { recordTypeKey: p.key },
        created_at: now,
      }));
      await repo.insertTargets(targets);
      await repo.insertOps(
        plans.flatMap((p, i) =>
          p.ops.map((op) => ({
            id: newId(),
            change_id: revert.id,
            target_id: targets[i]!.id,
            op_type: op.opType,
            payload: op.payload,
          })),
        ),
        now,
      );
      await recordCreated(trx, ctx, revert, { reverts: change.id });
      return toChange(revert);
    }),
});
