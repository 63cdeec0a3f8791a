import type { Metadata } from 'next';
import { FormStudioView } from '@/features/forms/studio-view';

export const metadata: Metadata = { title: 'Form Studio' };

export default function FormStudioPage() {
  return <FormStudioView />;
}
