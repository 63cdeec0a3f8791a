import type { Metadata } from 'next';
import { PackagesView } from '@/features/packages/packages-view';

export const metadata: Metadata = { title: 'Packages' };

export default function PackagesPage() {
  return <PackagesView />;
}
