import type { AgentService, ChangeService } from '@ec3l/change-engine';
import { type Cursor, decodeCursor as decode, pageOf } from '@ec3l/db';
import { type RequestContext, Uuid } from '@ec3l/kernel';
import type { PromotionService } from '@ec3l/promotion';
import type { TenancyService } from '@ec3l/tenancy';
import type { WorkflowService } from '@ec3l/workflow';
import { type TProperties, Type } from '@sinclair/typebox';

const Timestamp = Type.String({ format: 'date-time' });
const NullableText = Type.Union([Type.String(), Type.Null()]);
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

const common = (kind: string, permission: string): TProperties => ({
  kind: Type.Literal(kind),
  id: Uuid(),
  title: Type.String({ description: 'What the console shows as the item' }),
  createdAt: Timestamp,
  permission: Type.Literal(permission, { description: 'The permission acting on the item needs' }),
});

const WorkflowApprovalItem = Type.Object(
  {
    ...common('workflow_approval', 'workflow.approve'),
    // The approval's own fields, as GET /api/workflow-approvals/{approvalId} answers them.
    workflowExecutionId: Uuid(),
    workflowDefinitionId: Uuid(),
    workflowStepId: Uuid(),
    stepExecutionId: Uuid(),
    status: Type.String(),
    rule: Type.Unknown(),
    approvers: Type.Array(Type.String()),
    decisions: Type.Array(Type.Unknown()),
    comments: Type.Array(Type.Unknown()),
    deadlineAt: NullableTimestamp,
    escalatedAt: NullableTimestamp,
    closedReason: NullableText,
    closedBy: NullableText,
    closedComment: NullableText,
    closedAt: NullableTimestamp,
  },
  { $id: 'ApprovalQueueWorkflowApproval', description: 'A pending workflow approval' },
);
const ChangeItem = Type.Object(
  {
    ...common('change', 'change.approve'),
    projectId: Uuid(),
    status: Type.Literal('Ready'),
    createdBy: NullableText,
  },
  { $id: 'ApprovalQueueChange', description: 'A Ready change awaiting merge' },
);
const PromotionItem = Type.Object(
  {
    ...common('promotion_intent', 'environment.promote'),
    projectId: Uuid(),
    fromEnvironmentId: Uuid(),
    toEnvironmentId: Uuid(),
    status: Type.Literal('previewed'),
    createdBy: NullableText,
  },
  {
    $id: 'ApprovalQueuePromotionIntent',
    description: 'A promotion intent previewed into an environment that requires approval',
  },
);
const ProposalItem = Type.Object(
  {
    ...common('agent_proposal', 'change.approve'),
    proposalType: Type.Union(
      ['form_patch', 'workflow_change', 'approval_comment'].map((t) => Type.Literal(t)),
    ),
    targetRef: Type.String(),
    agentId: NullableText,
    createdBy: NullableText,
    submittedBy: NullableText,
    status: Type.Literal('submitted'),
  },
  { $id: 'ApprovalQueueAgentProposal', description: 'A submitted agent proposal awaiting review' },
);

/** The variant schemas of the queue item; register them beside the item. */
export const approvalQueueSchemas = [WorkflowApprovalItem, ChangeItem, PromotionItem, ProposalItem];

export const ApprovalQueueItemSchema = Type.Unsafe<ApprovalQueueItem>({
  $id: 'ApprovalQueueItem',
  type: 'object',
  description: 'One item of the approvals queue; `kind` says what it is and which route acts on it',
  oneOf: approvalQueueSchemas.map((s) => Type.Ref(s.$id as string)),
  discriminator: { propertyName: 'kind' },
});

type Common = { id: string; title: string; createdAt: string; permission: string };
export type ApprovalQueueItem = Common &
  (
    | ({ kind: 'workflow_approval' } & Record<string, unknown>)
    | { kind: 'change'; projectId: string; status: 'Ready'; createdBy: string | null }
    | {
        kind: 'promotion_intent';
        projectId: string;
        fromEnvironmentId: string;
        toEnvironmentId: string;
        status: 'previewed';
        createdBy: string | null;
      }
    | {
        kind: 'agent_proposal';
        proposalType: string;
        targetRef: string;
        agentId: string | null;
        createdBy: string | null;
        submittedBy: string | null;
        status: 'submitted';
      }
  );

type SourcePage<T> = { items: T[]; nextCursor: string | null };

/**
 * Up to `want` items of one source after the cursor, in its order, keeping only those `keep` accepts:
 * follows the source's pages until it has them or the source ends.
 */
const collect = async <T, R>(
  want: number,
  fetch: (cursor: string | undefined) => Promise<SourcePage<T>>,
  keep: (item: T) => Promise<R | null>,
): Promise<R[]> => {
  const kept: R[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetch(cursor);
    for (const item of page.items) {
      const mapped = await keep(item);
      if (mapped) kept.push(mapped);
      if (kept.length >= want) return kept;
    }
    if (!page.nextCursor) return kept;
    cursor = page.nextCursor;
  }
};

const newestFirst = (a: ApprovalQueueItem, b: ApprovalQueueItem) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

/**
 * One queue of what waits for a human decision, newest first: pending workflow approvals, Ready
 * changes awaiting merge, promotion intents previewed into an environment that requires approval and
 * submitted agent proposals. Every source is read after the same cursor and the results merged, so
 * pages never skip or repeat an item (ties on the millisecond are broken by id, descending, as the
 * approval, promotion and proposal lists do; the change list breaks them ascending, so two Ready
 * changes created in the same millisecond may straddle a page boundary in its order).
 */
export const readApprovalsQueue = async (
  services: {
    workflows: WorkflowService;
    changes: ChangeService;
    promotion: PromotionService;
    tenancy: TenancyService;
    agents: AgentService;
  },
  ctx: RequestContext,
  query: { limit: number; before?: Cursor; encoded?: string },
): Promise<{ items: ApprovalQueueItem[]; nextCursor: string | null }> => {
  const want = query.limit + 1;
  const after = query.before;
  const sourcePage = { limit: want, ...(query.encoded ? { cursor: query.encoded } : {}) };
  const requiresApproval = new Map<string, Promise<boolean>>();
  const needsApproval = (environmentId: string) => {
    let known = requiresApproval.get(environmentId);
    if (!known) {
      known = services.tenancy.getEnvironment(ctx, environmentId).then((e) => e.requiresPromotionApproval);
      requiresApproval.set(environmentId, known);
    }
    return known;
  };
  const [approvals, changes, intents, proposals] = await Promise.all([
    collect(
      want,
      (cursor) =>
        services.workflows.listApprovals(
          ctx,
          { status: 'pending' },
          cursor ? { limit: want, cursor } : sourcePage,
        ),
      async (a): Promise<ApprovalQueueItem> => ({
        ...a,
        kind: 'workflow_approval',
        title: `Workflow approval (${a.approvers.length} approver${a.approvers.length === 1 ? '' : 's'})`,
        permission: 'workflow.approve',
      }),
    ),
    collect(
      want,
      (cursor) =>
        services.changes.listChanges(
          ctx,
          { status: 'Ready' },
          { limit: want, ...(cursor ? { after: decode(cursor) } : after ? { after } : {}) },
        ),
      async (c): Promise<ApprovalQueueItem> => ({
        kind: 'change',
        id: c.id,
        title: c.title,
        createdAt: c.createdAt,
        permission: 'change.approve',
        projectId: c.projectId,
        status: 'Ready',
        createdBy: c.createdBy,
      }),
    ),
    collect(
      want,
      (cursor) =>
        services.promotion.listIntents(
          ctx,
          { status: 'previewed' },
          cursor ? { limit: want, cursor } : sourcePage,
        ),
      async (i): Promise<ApprovalQueueItem | null> =>
        (await needsApproval(i.toEnvironmentId))
          ? {
              kind: 'promotion_intent',
              id: i.id,
              title: 'Promotion awaiting approval',
              createdAt: i.createdAt,
              permission: 'environment.promote',
              projectId: i.projectId,
              fromEnvironmentId: i.fromEnvironmentId,
              toEnvironmentId: i.toEnvironmentId,
              status: 'previewed',
              createdBy: i.createdBy,
            }
          : null,
    ),
    collect(
      want,
      (cursor) =>
        services.agents.listProposals(
          ctx,
          { status: 'submitted' },
          { limit: want, ...(cursor ? { after: decode(cursor) } : after ? { after } : {}) },
        ),
      async (p): Promise<ApprovalQueueItem> => ({
        kind: 'agent_proposal',
        id: p.id,
        title: p.summary,
        createdAt: p.createdAt,
        permission: 'change.approve',
        proposalType: p.proposalType,
        targetRef: p.targetRef,
        agentId: p.agentId,
        createdBy: p.createdBy,
        submittedBy: p.submittedBy,
        status: 'submitted',
      }),
    ),
  ]);
  const merged = [...approvals, ...changes, ...intents, ...proposals].sort(newestFirst);
  return pageOf(merged, query.limit, (item) => ({ createdAt: item.createdAt, id: item.id }));
};
