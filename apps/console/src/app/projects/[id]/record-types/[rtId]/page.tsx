import type { Metadata } from 'next';
import { RecordTypeDetailView } from '@/features/record-types/record-type-detail-view';

export const metadata: Metadata = { title: 'Record type' };

export default async function RecordTypePage({ params }: { params: Promise<{ id: string; rtId: string }> }) {
  const { id, rtId } = await params;
  return <RecordTypeDetailView projectId={id} id={rtId} />;
}
