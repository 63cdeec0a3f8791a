import type { Metadata } from 'next';
import { DashboardView } from '@/features/dashboard/dashboard-view';

// The layout's title template applies to child segments only, so this page spells its title out.
export const metadata: Metadata = { title: { absolute: 'Dashboard · EC3L' } };

export default function DashboardPage() {
  return <DashboardView />;
}
