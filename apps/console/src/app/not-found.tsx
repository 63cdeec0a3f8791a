import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <Card>
      <EmptyState
        title="Page not found"
        description="There is no console page at this address."
        action={
          <Link href="/" className="text-sm font-semibold text-indigo-600 hover:text-indigo-500">
            Go to the dashboard
          </Link>
        }
      />
    </Card>
  );
}
