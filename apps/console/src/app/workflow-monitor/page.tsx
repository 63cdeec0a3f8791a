import type { Metadata } from 'next';
import { MonitorView } from '@/features/workflows/monitor-view';

export const metadata: Metadata = { title: 'Workflow monitor' };

export default function WorkflowMonitorPage() {
  return <MonitorView />;
}
