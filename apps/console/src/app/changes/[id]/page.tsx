import type { Metadata } from 'next';
import { ChangeDetailView } from '@/features/changes/change-detail-view';

export const metadata: Metadata = { title: 'Change' };

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ChangeDetailView id={id} />;
}
