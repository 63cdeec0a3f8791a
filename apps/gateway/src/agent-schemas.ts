import {
  AgentRunLogLineSchema,
  AgentSkillSchema,
  AppendRunLogsBodySchema,
  CreateProposalBodySchema,
  CreateSkillBodySchema,
  MoveRunBodySchema,
  ProposalChangeOpSchema,
  ProposalFormPatchOpSchema,
  ProposalSchema,
  ReviewProposalBodySchema,
  UpdateSkillBodySchema,
} from '@ec3l/change-engine';
import type { TSchema } from '@sinclair/typebox';
import { ApprovalQueueItemSchema, approvalQueueSchemas } from './flows/approvals-queue.js';

/** Agent proposals, skills, run logs and the approvals queue (their variants sit in changeVariantSchemas). */
export const agentSchemas: TSchema[] = [
  AgentRunLogLineSchema,
  AppendRunLogsBodySchema,
  MoveRunBodySchema,
  AgentSkillSchema,
  CreateSkillBodySchema,
  UpdateSkillBodySchema,
  ProposalFormPatchOpSchema,
  ProposalChangeOpSchema,
  CreateProposalBodySchema,
  ProposalSchema,
  ReviewProposalBodySchema,
  ...approvalQueueSchemas,
  ApprovalQueueItemSchema,
];
