import type { Metadata } from 'next';
import { WorkflowDetailView } from '@/features/workflows/workflow-detail-view';

export const metadata: Metadata = { title: 'Workflow' };

export default async function WorkflowPage({
  params,
}: {
  params: Promise<{ workflowDefinitionId: string }>;
}) {
  const { workflowDefinitionId } = await params;
  return <WorkflowDetailView workflowDefinitionId={workflowDefinitionId} />;
}
