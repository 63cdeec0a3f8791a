import type { Metadata } from 'next';
import { RunnerView } from '@/features/agents/runner-view';

export const metadata: Metadata = { title: 'Runner' };

export default function RunnerPage() {
  return <RunnerView />;
}
