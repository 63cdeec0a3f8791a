'use client';

import { CardHeader } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { type Change, type StatusTone, timelineOf } from '@/lib/changes';
import { cx } from '@/lib/cx';
import { errorMessage } from '@/lib/errors';
import { formatTimestamp } from '@/lib/format';
import { useChangeEvents } from '@/queries/changes';

const DOT: Record<StatusTone, string> = {
  neutral: 'bg-slate-300',
  sky: 'bg-sky-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  indigo: 'bg-indigo-500',
  emerald: 'bg-emerald-500',
};

/** GET /api/changes/{changeId}/events as a vertical timeline, oldest first. */
export function TimelineCard({
  tenant,
  change,
  describeOpById,
}: {
  tenant: string;
  change: Change;
  describeOpById: (opId: string) => string | undefined;
}) {
  const events = useChangeEvents(tenant, change.id);
  return (
    <>
      <CardHeader
        titleId="timeline-title"
        title="Timeline"
        description="Everything that happened to this change"
      />
      {events.isPending ? (
        <LoadingState label="Loading the timeline…" />
      ) : events.isError ? (
        <ErrorState
          title="Could not load the timeline"
          message={errorMessage(events.error)}
          onRetry={() => void events.refetch()}
        />
      ) : (
        <ol aria-label="Timeline" className="px-5 py-4">
          {timelineOf(change, events.data, describeOpById).map((entry, index, all) => (
            <li key={entry.id} data-testid="timeline-entry" className="relative flex gap-3 pb-4 last:pb-0">
              {index < all.length - 1 ? (
                <span aria-hidden="true" className="absolute top-3 left-[5px] h-full w-px bg-slate-200" />
              ) : null}
              <span
                aria-hidden="true"
                className={cx(
                  'relative mt-1.5 size-[11px] shrink-0 rounded-full ring-4 ring-white',
                  DOT[entry.tone],
                )}
              />
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">{entry.title}</p>
                {entry.detail ? (
                  <p className="truncate text-slate-600" title={entry.detail}>
                    {entry.detail}
                  </p>
                ) : null}
                <p className="text-xs text-slate-500">
                  {entry.actor ? `${entry.actor} · ` : ''}
                  <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
