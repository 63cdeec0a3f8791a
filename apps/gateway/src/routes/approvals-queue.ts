import type { AgentService, ChangeService } from '@ec3l/change-engine';
import { decodeCursor } from '@ec3l/db';
import type { PromotionService } from '@ec3l/promotion';
import type { TenancyService } from '@ec3l/tenancy';
import type { WorkflowService } from '@ec3l/workflow';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ApprovalQueueItemSchema, readApprovalsQueue } from '../flows/approvals-queue.js';
import { guardedReadErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

export const approvalsQueueRoutes: FastifyPluginAsyncTypebox<{
  workflows: WorkflowService;
  changes: ChangeService;
  promotion: PromotionService;
  tenancy: TenancyService;
  agents: AgentService;
  guard: Guard;
}> = async (app, opts) => {
  app.get(
    '/admin/approvals',
    {
      ...opts.guard('admin.view'),
      schema: {
        operationId: 'adminListPendingApprovals',
        summary: 'Admin: everything awaiting a human decision, newest first',
        description:
          'One queue: pending workflow approvals (with every field of the approval), Ready changes awaiting ' +
          'merge, promotion intents previewed into an environment that requires approval, and submitted ' +
          'agent proposals. `kind` tells them apart and `permission` names what acting on one needs. ' +
          `${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        tags: ['admin'],
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(ApprovalQueueItemSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const page = pageRequestOf(request.query);
      return sendPage(
        reply,
        await readApprovalsQueue(opts, request.ctx, {
          limit: page.limit,
          ...(page.cursor ? { before: decodeCursor(page.cursor), encoded: page.cursor } : {}),
        }),
      );
    },
  );
};
