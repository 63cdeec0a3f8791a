import type { Metadata } from 'next';
import { RecordTypeLocator } from '@/features/record-types/record-type-locator';

export const metadata: Metadata = { title: 'Record type' };

/** A record type by id alone (log rows know no project): finds its project, then opens its page. */
export default async function RecordTypeByIdPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RecordTypeLocator id={id} />;
}
