'use client';

import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/states';

/** Last line of defence for a page that threw while rendering. */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <Card>
      <ErrorState
        title="This page failed to render"
        message={error.message || 'Unexpected error'}
        onRetry={reset}
      />
    </Card>
  );
}
