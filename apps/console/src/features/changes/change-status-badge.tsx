import { Badge } from '@/components/ui/badge';
import { type ChangeStatus, STATUS_TONES, statusLabel } from '@/lib/changes';

export function ChangeStatusBadge({ status, testId }: { status: ChangeStatus; testId?: string }) {
  return (
    <Badge tone={STATUS_TONES[status]} testId={testId}>
      {statusLabel(status)}
    </Badge>
  );
}
