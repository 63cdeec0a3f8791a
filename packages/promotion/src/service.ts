import { type Cursor, decodeCursor, inTransaction, type Page, pageOf } from '@ec3l/db';
import { diffPackages, type GraphPackage, type PackageDiff } from '@ec3l/graph-packages';
import {
  actorOf,
  type Clock,
  DomainError,
  type DomainEvent,
  type EventBus,
  newId,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';
import { diffEnvironmentPackages, type EnvironmentPackageState, packagesToApply } from './core/env-diff.js';
import { type IntentAction, transition } from './core/lifecycle.js';
import { type Allowlist, urlProblem } from './core/ssrf.js';
import { environmentStateHash } from './core/state-hash.js';
import { PromotionErrorCodes } from './errors.js';
import type { WebhookOutbox } from './outbox.js';
import { forTenant, promotionLocks, type ReleaseWithPackages } from './repo/scoped.js';
import type {
  EnvironmentDeployment,
  EnvironmentDiff,
  EnvironmentPackageView,
  EnvironmentRelease,
  PromoteBody,
  PromotionIntent,
  PromotionResult,
  UpdateEnvironmentBody,
  WebhookDelivery,
} from './schemas.js';
import type { DeliveryRow, DeploymentRow, EnvironmentRow, IntentRow, PromotionTables } from './tables.js';

/**
 * Applies one package version to an environment inside the promotion's transaction (the install flow,
 * with source "promote"): the project's graph is brought to the version when it is not at it, and the
 * environment's package state records it. Throws to refuse; the promotion then writes nothing.
 */
export type PromotionInstallPort = (
  trx: Transaction<PromotionTables>,
  ctx: RequestContext,
  input: {
    projectId: string;
    environmentId: string;
    package: GraphPackage;
    source: 'promote';
    promotionIntentId?: string;
  },
) => Promise<{ status: string; installId: string | null; version: string; checksum: string }>;

export type PromotionServiceDeps = {
  db: Kysely<PromotionTables>;
  events: EventBus;
  clock?: Clock;
  install: PromotionInstallPort;
  outbox: WebhookOutbox;
  allowlist: Allowlist;
  /** Throws NOT_FOUND unless the project exists in the caller's tenant. */
  requireProject: (ctx: RequestContext, projectId: string) => Promise<void>;
};

export type PageRequest = { limit: number; cursor?: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const refused = (code: keyof typeof PromotionErrorCodes, message: string, details?: unknown) =>
  new DomainError(PromotionErrorCodes[code], message, details);

const toIntent = (row: IntentRow): PromotionIntent => ({
  id: row.id,
  projectId: row.project_id,
  fromEnvironmentId: row.from_environment_id,
  toEnvironmentId: row.to_environment_id,
  status: row.status,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  previewedBy: row.previewed_by,
  previewedAt: iso(row.previewed_at),
  previewStateHash: row.preview_state_hash,
  approvedBy: row.approved_by,
  approvedAt: iso(row.approved_at),
  executedBy: row.executed_by,
  executedAt: iso(row.executed_at),
  rejectedBy: row.rejected_by,
  rejectedAt: iso(row.rejected_at),
  reason: row.reason,
  diff: (row.diff as EnvironmentDiff | null) ?? null,
  result: (row.result as PromotionResult | null) ?? null,
  notificationStatus: row.notification_status,
  notificationLastError: row.notification_last_error,
  notificationLastAttemptAt: iso(row.notification_last_attempt_at),
  version: row.version,
});

const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  eventType: row.event_type,
  url: row.url,
  webhookId: row.webhook_id,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: iso(row.next_attempt_at),
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  lastAttemptAt: iso(row.last_attempt_at),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const toRelease = (row: ReleaseWithPackages): EnvironmentRelease => ({
  id: row.id,
  projectId: row.project_id,
  environmentId: row.environment_id,
  createdBy: row.created_by,
  status: 'created',
  createdAt: row.created_at.toISOString(),
  stateHash: row.state_hash,
  packages: (row.packages ?? []).map((p) => ({
    packageKey: p.packageKey,
    version: p.version,
    checksum: p.checksum,
  })),
});

const toDeployment = (row: DeploymentRow): EnvironmentDeployment => ({
  id: row.id,
  projectId: row.project_id,
  environmentId: row.environment_id,
  releaseId: row.release_id,
  promotedFromReleaseId: row.promoted_from_release_id,
  deployedBy: row.deployed_by,
  createdAt: row.created_at.toISOString(),
});

/**
 * One page of a list ordered by (created_at, id): decodes the cursor before any query, fetches one row
 * more than asked to know whether another page follows, and maps the rows.
 */
const timePage = async <R extends { id: string; created_at: Date }, T>(
  page: PageRequest,
  fetch: (p: { limit: number; after?: Cursor }) => Promise<R[]>,
  map: (row: R) => T,
): Promise<Page<T>> => {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await fetch({ limit: page.limit + 1, ...(after ? { after } : {}) });
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
    createdAt: r.created_at.toISOString(),
    id: r.id,
  }));
  return { items: items.map(map), nextCursor };
};

const withoutContents = (p: EnvironmentPackageState<unknown>): EnvironmentPackageView => ({
  packageKey: p.packageKey,
  version: p.version,
  checksum: p.checksum,
});

type Db = Kysely<PromotionTables> | Transaction<PromotionTables>;

/** Environment package state and diff, direct and governed promotion, releases, deployments, webhooks. */
export const createPromotionService = (deps: PromotionServiceDeps) => {
  const { db, events, clock = systemClock, allowlist } = deps;
  const emit = (ctx: RequestContext, event: DomainEvent) => events.emit(ctx, event);

  const requireEnvironment = async (ctx: RequestContext, id: string): Promise<EnvironmentRow> => {
    const row = await forTenant(db, ctx.tenantId).findEnvironment(id);
    if (!row) throw notFound('environment', id);
    return row;
  };

  const requireIntent = async (ctx: RequestContext, id: string): Promise<IntentRow> => {
    const row = await forTenant(db, ctx.tenantId).findIntent(id);
    if (!row) throw notFound('promotion intent', id);
    return row;
  };

  /** The two environments of a promotion, both found, distinct and of one project (the given one). */
  const checkPair = (
    from: EnvironmentRow | undefined,
    to: EnvironmentRow | undefined,
    ids: { fromEnvironmentId: string; toEnvironmentId: string; projectId?: string },
  ) => {
    if (!from) throw notFound('environment', ids.fromEnvironmentId);
    if (!to) throw notFound('environment', ids.toEnvironmentId);
    if (from.id === to.id)
      throw refused('PROMOTION_ENVIRONMENTS_INVALID', 'promotion needs two different environments');
    if (from.project_id !== to.project_id || (ids.projectId && from.project_id !== ids.projectId))
      throw refused('PROMOTION_ENVIRONMENTS_INVALID', 'both environments must belong to the project', {
        projectId: ids.projectId ?? from.project_id,
      });
    return { from, to };
  };

  /** Both environments' package state, their hashes and the package-by-package diff. */
  const stateOf = async (handle: Db, tenantId: string, from: EnvironmentRow, to: EnvironmentRow) => {
    const repo = forTenant(handle, tenantId);
    const [source, target] = await Promise.all([
      repo.environmentPackages(from.id),
      repo.environmentPackages(to.id),
    ]);
    const rows = diffEnvironmentPackages<unknown, PackageDiff>(source, target, (before, after) =>
      diffPackages(before as GraphPackage | null, after as GraphPackage),
    );
    const diff: EnvironmentDiff = {
      projectId: from.project_id,
      fromEnvironmentId: from.id,
      toEnvironmentId: to.id,
      fromStateHash: environmentStateHash(source),
      toStateHash: environmentStateHash(target),
      packages: rows,
      summary: {
        missing: rows.filter((r) => r.status === 'missing').length,
        outdated: rows.filter((r) => r.status === 'outdated').length,
        same: rows.filter((r) => r.status === 'same').length,
        extra: rows.filter((r) => r.status === 'extra').length,
      },
    };
    return { source, diff };
  };

  /** A release of the environment freezing its current package state. */
  const freeze = async (trx: Transaction<PromotionTables>, ctx: RequestContext, env: EnvironmentRow) => {
    const repo = forTenant(trx, ctx.tenantId);
    const packages = await repo.environmentPackages(env.id);
    const stateHash = environmentStateHash(packages);
    const release = await repo.insertRelease(
      { id: newId(), project_id: env.project_id, environment_id: env.id, created_by: actorOf(ctx).actorId },
      { stateHash, packages: packages.map(withoutContents) },
    );
    return { release, stateHash, packages };
  };

  /**
   * Applies the missing and outdated packages of the source to the target through the install flow,
   * all in the caller's transaction, then records the deployment between the source's release (the
   * newest one when it froze this very state, else a new one) and a new release of the target.
   */
  const applyPromotion = async (
    trx: Transaction<PromotionTables>,
    ctx: RequestContext,
    pair: { from: EnvironmentRow; to: EnvironmentRow },
    state: { source: EnvironmentPackageState<unknown>[]; diff: EnvironmentDiff },
    intentId: string | null,
  ): Promise<PromotionResult> => {
    const contentsByKey = new Map(state.source.map((p) => [p.packageKey, p.contents as GraphPackage]));
    const promoted: PromotionResult['promoted'] = [];
    for (const row of packagesToApply(state.diff.packages)) {
      const installed = await deps.install(trx, ctx, {
        projectId: pair.to.project_id,
        environmentId: pair.to.id,
        package: contentsByKey.get(row.packageKey)!,
        source: 'promote',
        ...(intentId ? { promotionIntentId: intentId } : {}),
      });
      promoted.push({
        packageKey: row.packageKey,
        version: installed.version,
        checksum: installed.checksum,
        status: installed.status,
        installId: installed.installId,
      });
    }
    const repo = forTenant(trx, ctx.tenantId);
    const latest = await repo.latestRelease(pair.from.id);
    const sourceRelease =
      latest && latest.state_hash === state.diff.fromStateHash
        ? latest.id
        : (await freeze(trx, ctx, pair.from)).release.id;
    const target = await freeze(trx, ctx, pair.to);
    const deployment = await repo.insertDeployment({
      id: newId(),
      project_id: pair.to.project_id,
      environment_id: pair.to.id,
      release_id: target.release.id,
      promoted_from_release_id: sourceRelease,
      deployed_by: actorOf(ctx).actorId,
    });
    return {
      promoted,
      skipped: state.diff.packages
        .filter((r) => r.status === 'same' || r.status === 'extra')
        .map((r) => ({ packageKey: r.packageKey, status: r.status })),
      deploymentId: deployment.id,
      releaseId: target.release.id,
    };
  };

  const emitPromoted = (ctx: RequestContext, result: PromotionResult, intentId: string | null) => {
    for (const p of result.promoted)
      emit(ctx, {
        type: 'graph.package_promoted',
        status: p.status,
        entityId: intentId ?? result.deploymentId,
        affectedRecords: { packageKey: p.packageKey, version: p.version, installId: p.installId },
      });
  };

  /** Queues a webhook in the lifecycle's transaction (the outbox row) and marks the intent pending. */
  const queueWebhook = async (
    trx: Transaction<PromotionTables>,
    ctx: RequestContext,
    intent: IntentRow,
    eventType: string,
    data: Record<string, unknown>,
    url: string,
  ) => {
    const now = clock.now();
    const id = newId();
    const repo = forTenant(trx, ctx.tenantId);
    await repo.insertDelivery({
      id,
      subject_type: 'promotion_intent',
      subject_id: intent.id,
      event_type: eventType,
      url,
      payload: JSON.stringify({ type: eventType, timestamp: now.toISOString(), data }),
      webhook_id: `msg_${id}`,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    });
    return id;
  };

  /**
   * Runs one action on an intent: locks the intent row, decides the transition, and lets `effect` write
   * it in the same transaction. Executing an executed (or rejecting a rejected) intent answers it as it is.
   */
  const act = async (
    ctx: RequestContext,
    id: string,
    action: IntentAction,
    effect: (
      trx: Transaction<PromotionTables>,
      intent: IntentRow,
    ) => Promise<{ row: IntentRow; deliveryId?: string | null; after?: () => void }>,
  ): Promise<PromotionIntent> => {
    const outcome = await inTransaction(db, async (trx) => {
      const intent = await promotionLocks(trx, ctx.tenantId).lockIntent(id);
      if (!intent) throw notFound('promotion intent', id);
      const move = transition(intent.status, action);
      if (move.kind === 'noop') return { row: intent };
      if (move.kind === 'refused')
        throw refused(
          'PROMOTION_STATE_CONFLICT',
          `cannot ${action} a promotion intent that is ${intent.status}`,
          {
            status: intent.status,
            allowedFrom: move.allowedFrom,
          },
        );
      return effect(trx, intent);
    });
    outcome.after?.();
    if (outcome.deliveryId) await deps.outbox.deliverSoon(ctx, outcome.deliveryId);
    return toIntent(outcome.deliveryId ? await requireIntent(ctx, id) : outcome.row);
  };

  return {
    /** The packages an environment holds now (newest state per package), by key. */
    listEnvironmentPackages: async (
      ctx: RequestContext,
      environmentId: string,
    ): Promise<EnvironmentPackageView[]> => {
      await requireEnvironment(ctx, environmentId);
      return (await forTenant(db, ctx.tenantId).environmentPackages(environmentId)).map(withoutContents);
    },

    /** How the target environment differs from the source, package by package and object by object. */
    diffEnvironments: async (
      ctx: RequestContext,
      ids: { fromEnvironmentId: string; toEnvironmentId: string },
    ): Promise<EnvironmentDiff> => {
      const repo = forTenant(db, ctx.tenantId);
      const pair = checkPair(
        await repo.findEnvironment(ids.fromEnvironmentId),
        await repo.findEnvironment(ids.toEnvironmentId),
        ids,
      );
      const { diff } = await stateOf(db, ctx.tenantId, pair.from, pair.to);
      emit(ctx, {
        type: 'graph.diff_computed',
        status: 'computed',
        entityId: pair.to.id,
        affectedRecords: diff.summary,
      });
      return diff;
    },

    /**
     * Direct promotion: applies the source's missing and outdated packages to the target in one
     * transaction (both environments locked). Refused with PROMOTION_APPROVAL_REQUIRED when the target
     * requires approval: that path is a promotion intent.
     */
    promote: async (ctx: RequestContext, body: PromoteBody): Promise<PromotionResult> => {
      const result = await inTransaction(db, async (trx) => {
        const locked = await promotionLocks(trx, ctx.tenantId).lockEnvironments([
          body.fromEnvironmentId,
          body.toEnvironmentId,
        ]);
        const pair = checkPair(
          locked.find((e) => e.id === body.fromEnvironmentId),
          locked.find((e) => e.id === body.toEnvironmentId),
          body,
        );
        if (pair.to.requires_promotion_approval)
          throw refused(
            'PROMOTION_APPROVAL_REQUIRED',
            `environment ${pair.to.name} requires approved promotion: create a promotion intent`,
            { environmentId: pair.to.id },
          );
        return applyPromotion(trx, ctx, pair, await stateOf(trx, ctx.tenantId, pair.from, pair.to), null);
      });
      emitPromoted(ctx, result, null);
      return result;
    },

    /** A draft promotion intent between two environments of a project. */
    createIntent: async (ctx: RequestContext, body: PromoteBody): Promise<PromotionIntent> => {
      const repo = forTenant(db, ctx.tenantId);
      const pair = checkPair(
        await repo.findEnvironment(body.fromEnvironmentId),
        await repo.findEnvironment(body.toEnvironmentId),
        body,
      );
      const now = clock.now();
      const row = await repo.insertIntent({
        id: newId(),
        project_id: pair.from.project_id,
        from_environment_id: pair.from.id,
        to_environment_id: pair.to.id,
        status: 'draft',
        created_by: actorOf(ctx).actorId,
        created_at: now,
        updated_at: now,
      });
      emit(ctx, { type: 'graph.promotion_intent_created', status: 'draft', entityId: row.id });
      return toIntent(row);
    },

    listIntents: async (
      ctx: RequestContext,
      filter: { projectId?: string; status?: string },
      page: PageRequest,
    ): Promise<Page<PromotionIntent>> => {
      if (filter.projectId) await deps.requireProject(ctx, filter.projectId);
      return timePage(page, (p) => forTenant(db, ctx.tenantId).listIntents(filter, p), toIntent);
    },

    getIntent: async (ctx: RequestContext, id: string): Promise<PromotionIntent> =>
      toIntent(await requireIntent(ctx, id)),

    /**
     * draft, previewed or approved → previewed: computes the diff and records both environments' state
     * hashes (a re-preview clears an approval). Queues promotion.approval_required when the target
     * requires approval and has a webhook.
     */
    previewIntent: (ctx: RequestContext, id: string): Promise<PromotionIntent> =>
      act(ctx, id, 'preview', async (trx, intent) => {
        const locked = await promotionLocks(trx, ctx.tenantId).lockEnvironments([
          intent.from_environment_id,
          intent.to_environment_id,
        ]);
        const pair = checkPair(
          locked.find((e) => e.id === intent.from_environment_id),
          locked.find((e) => e.id === intent.to_environment_id),
          { fromEnvironmentId: intent.from_environment_id, toEnvironmentId: intent.to_environment_id },
        );
        const { diff } = await stateOf(trx, ctx.tenantId, pair.from, pair.to);
        const now = clock.now();
        const row = await forTenant(trx, ctx.tenantId).updateIntent(intent.id, {
          status: 'previewed',
          diff: JSON.stringify(diff),
          preview_state_hash: diff.toStateHash,
          preview_source_hash: diff.fromStateHash,
          previewed_by: actorOf(ctx).actorId,
          previewed_at: now,
          approved_by: null,
          approved_at: null,
          updated_at: now,
        });
        const url = pair.to.requires_promotion_approval ? pair.to.promotion_webhook_url : null;
        const deliveryId = url
          ? await queueWebhook(
              trx,
              ctx,
              row,
              'promotion.approval_required',
              {
                intentId: row.id,
                projectId: row.project_id,
                fromEnvironment: pair.from.name,
                toEnvironment: pair.to.name,
                createdBy: row.created_by,
                diff: {
                  summary: diff.summary,
                  packages: diff.packages.map((p) => ({
                    packageKey: p.packageKey,
                    status: p.status,
                    fromVersion: p.fromVersion,
                    toVersion: p.toVersion,
                  })),
                },
              },
              url,
            )
          : null;
        const marked = deliveryId
          ? await forTenant(trx, ctx.tenantId).updateIntentNotification(row.id, {
              notification_status: 'pending',
              notification_last_error: null,
            })
          : row;
        return {
          row: marked,
          deliveryId,
          after: () =>
            emit(ctx, {
              type: 'graph.promotion_intent_previewed',
              status: 'previewed',
              entityId: row.id,
              affectedRecords: diff.summary,
            }),
        };
      }),

    /** previewed → approved, by a human user only (agents are refused before and here). */
    approveIntent: (ctx: RequestContext, id: string): Promise<PromotionIntent> => {
      if (ctx.agentId || !ctx.userId)
        return Promise.reject(
          refused('PROMOTION_HUMAN_REQUIRED', 'a promotion intent is approved by a human user only'),
        );
      return act(ctx, id, 'approve', async (trx, intent) => {
        const now = clock.now();
        const row = await forTenant(trx, ctx.tenantId).updateIntent(intent.id, {
          status: 'approved',
          approved_by: ctx.userId,
          approved_at: now,
          updated_at: now,
        });
        return {
          row,
          after: () =>
            emit(ctx, { type: 'graph.promotion_intent_approved', status: 'approved', entityId: row.id }),
        };
      });
    },

    /**
     * approved → executed: re-hashes both environments inside the transaction and refuses with
     * PROMOTION_DRIFT when either changed since the preview; applies the packages (one transaction:
     * a failure writes nothing, the intent stays approved). Executing an executed intent answers it.
     */
    executeIntent: (ctx: RequestContext, id: string): Promise<PromotionIntent> => {
      let result: PromotionResult | undefined;
      return act(ctx, id, 'execute', async (trx, intent) => {
        const locked = await promotionLocks(trx, ctx.tenantId).lockEnvironments([
          intent.from_environment_id,
          intent.to_environment_id,
        ]);
        const pair = checkPair(
          locked.find((e) => e.id === intent.from_environment_id),
          locked.find((e) => e.id === intent.to_environment_id),
          { fromEnvironmentId: intent.from_environment_id, toEnvironmentId: intent.to_environment_id },
        );
        const state = await stateOf(trx, ctx.tenantId, pair.from, pair.to);
        const drifted = [
          ...(state.diff.toStateHash !== intent.preview_state_hash ? ['target'] : []),
          ...(state.diff.fromStateHash !== intent.preview_source_hash ? ['source'] : []),
        ];
        if (drifted.length > 0)
          throw refused(
            'PROMOTION_DRIFT',
            `the ${drifted.join(' and ')} environment changed since the preview: preview the intent again`,
            {
              drifted,
              previewStateHash: intent.preview_state_hash,
              currentStateHash: state.diff.toStateHash,
              previewSourceHash: intent.preview_source_hash,
              currentSourceHash: state.diff.fromStateHash,
            },
          );
        result = await applyPromotion(trx, ctx, pair, state, intent.id);
        const now = clock.now();
        const row = await forTenant(trx, ctx.tenantId).updateIntent(intent.id, {
          status: 'executed',
          result: JSON.stringify(result),
          executed_by: actorOf(ctx).actorId,
          executed_at: now,
          updated_at: now,
        });
        const url = pair.to.promotion_webhook_url;
        const deliveryId = url
          ? await queueWebhook(
              trx,
              ctx,
              row,
              'promotion.executed',
              {
                intentId: row.id,
                projectId: row.project_id,
                fromEnvironment: pair.from.name,
                toEnvironment: pair.to.name,
                promoted: result.promoted.length,
                skipped: result.skipped.length,
              },
              url,
            )
          : null;
        const marked = deliveryId
          ? await forTenant(trx, ctx.tenantId).updateIntentNotification(row.id, {
              notification_status: 'pending',
              notification_last_error: null,
            })
          : row;
        return {
          row: marked,
          deliveryId,
          after: () => {
            emitPromoted(ctx, result!, row.id);
            emit(ctx, { type: 'graph.promotion_intent_executed', status: 'executed', entityId: row.id });
          },
        };
      });
    },

    /** draft, previewed or approved → rejected (terminal), with an optional reason. */
    rejectIntent: (ctx: RequestContext, id: string, reason?: string): Promise<PromotionIntent> =>
      act(ctx, id, 'reject', async (trx, intent) => {
        const now = clock.now();
        const row = await forTenant(trx, ctx.tenantId).updateIntent(intent.id, {
          status: 'rejected',
          rejected_by: actorOf(ctx).actorId,
          rejected_at: now,
          reason: reason?.trim() || null,
          updated_at: now,
        });
        return {
          row,
          after: () =>
            emit(ctx, { type: 'graph.promotion_intent_rejected', status: 'rejected', entityId: row.id }),
        };
      }),

    /** The webhook deliveries of an intent, oldest first. */
    listDeliveries: async (
      ctx: RequestContext,
      intentId: string,
      page: PageRequest,
    ): Promise<Page<WebhookDelivery>> => {
      await requireIntent(ctx, intentId);
      return timePage(page, (p) => forTenant(db, ctx.tenantId).listDeliveries(intentId, p), toDelivery);
    },

    /**
     * Edits an environment's governance settings. A webhook URL must be https (plain http only to an
     * allowlisted host) and, when it names an address, one the SSRF guard accepts.
     */
    updateEnvironmentSettings: async (
      ctx: RequestContext,
      environmentId: string,
      body: UpdateEnvironmentBody,
    ): Promise<void> => {
      await requireEnvironment(ctx, environmentId);
      if (body.promotionWebhookUrl) {
        const problem = urlProblem(body.promotionWebhookUrl, allowlist);
        if (problem)
          throw refused('WEBHOOK_URL_REFUSED', `promotionWebhookUrl: ${problem}`, {
            field: 'promotionWebhookUrl',
          });
      }
      await forTenant(db, ctx.tenantId).updateEnvironment(environmentId, {
        ...(body.requiresPromotionApproval === undefined
          ? {}
          : { requires_promotion_approval: body.requiresPromotionApproval }),
        ...(body.promotionWebhookUrl === undefined
          ? {}
          : { promotion_webhook_url: body.promotionWebhookUrl }),
      });
    },

    /** A release of the environment freezing its current package state. */
    createRelease: async (ctx: RequestContext, environmentId: string): Promise<EnvironmentRelease> =>
      inTransaction(db, async (trx) => {
        const [env] = await promotionLocks(trx, ctx.tenantId).lockEnvironments([environmentId]);
        if (!env) throw notFound('environment', environmentId);
        const { release, stateHash, packages } = await freeze(trx, ctx, env);
        return toRelease({ ...release, state_hash: stateHash, packages });
      }),

    listReleases: async (
      ctx: RequestContext,
      environmentId: string,
      page: PageRequest,
    ): Promise<Page<EnvironmentRelease>> => {
      await requireEnvironment(ctx, environmentId);
      return timePage(page, (p) => forTenant(db, ctx.tenantId).listReleases(environmentId, p), toRelease);
    },

    listDeployments: async (
      ctx: RequestContext,
      projectId: string,
      page: PageRequest,
    ): Promise<Page<EnvironmentDeployment>> => {
      await deps.requireProject(ctx, projectId);
      return timePage(page, (p) => forTenant(db, ctx.tenantId).listDeployments(projectId, p), toDeployment);
    },
  };
};

export type PromotionService = ReturnType<typeof createPromotionService>;
