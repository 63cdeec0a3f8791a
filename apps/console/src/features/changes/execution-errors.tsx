import { Badge } from '@/components/ui/badge';
import type { ExecutionError } from '@/lib/changes';

/** The problems a dry run, check-in or merge found, each with where it is and the op that caused it. */
export function ExecutionErrorList({
  errors,
  describeOpById,
  testId = 'execution-errors',
}: {
  errors: ExecutionError[];
  describeOpById: (opId: string) => string | undefined;
  testId?: string;
}) {
  return (
    <ul data-testid={testId} className="space-y-2">
      {errors.map((error) => {
        const where = [error.recordTypeKey, error.field].filter(Boolean).join('.');
        const op = error.opId ? describeOpById(error.opId) : undefined;
        return (
          <li
            key={[error.phase, error.code, error.recordTypeKey, error.field, error.opId, error.message].join(
              '|',
            )}
            data-testid="execution-error"
            className="rounded-md border border-rose-200 bg-rose-50/70 px-3 py-2 text-sm"
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="rose">{error.phase}</Badge>
              <span className="font-mono text-xs font-semibold text-rose-800">{error.code}</span>
              {where ? <span className="font-mono text-xs text-slate-600">{where}</span> : null}
            </div>
            <p className="mt-1 text-rose-800">{error.message}</p>
            {op ? <p className="mt-0.5 text-xs text-slate-500">Op: {op}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
