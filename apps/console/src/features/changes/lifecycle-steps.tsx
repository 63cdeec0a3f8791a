import { type ChangeEvent, type ChangeStatus, lifecycleSteps, type StepState } from '@/lib/changes';
import { cx } from '@/lib/cx';

const STATE_TEXT: Record<StepState, string> = {
  done: 'done',
  current: 'current step',
  skipped: 'skipped',
  upcoming: 'not reached',
};

/**
 * Draft → Implementing → Ready → Merged, with the change's place on it; a step the recorded events
 * show the change never went through (a check-in straight from Draft skips Implementing) is marked
 * skipped, not done.
 */
export function LifecycleSteps({
  status,
  events,
}: {
  status: ChangeStatus;
  events: readonly Pick<ChangeEvent, 'eventType' | 'payload'>[] | undefined;
}) {
  const failed = status === 'ValidationFailed';
  const steps = lifecycleSteps(status, events);
  return (
    <ol aria-label="Lifecycle" className="flex flex-wrap items-center gap-2 text-sm">
      {steps.map(({ step, label, state, here }, index) => {
        const done = state === 'done';
        return (
          <li
            key={step}
            className="flex items-center gap-2"
            aria-current={here ? 'step' : undefined}
            data-testid={`step-${step}`}
            data-state={state}
          >
            {index > 0 ? (
              <span
                aria-hidden="true"
                className={cx('h-px w-6', state === 'upcoming' ? 'bg-slate-200' : 'bg-indigo-400')}
              />
            ) : null}
            <span
              aria-hidden="true"
              className={cx(
                'flex size-6 items-center justify-center rounded-full text-xs font-semibold',
                done && !here && 'bg-indigo-600 text-white',
                done && here && 'bg-emerald-600 text-white',
                state === 'current' &&
                  (failed
                    ? 'bg-rose-50 text-rose-700 ring-2 ring-rose-500'
                    : 'bg-white text-indigo-700 ring-2 ring-indigo-600'),
                state === 'skipped' && 'bg-white text-slate-500 ring-1 ring-slate-300 ring-dashed',
                state === 'upcoming' && 'bg-slate-100 text-slate-600',
              )}
            >
              {done ? (
                <svg viewBox="0 0 20 20" className="size-3.5" fill="currentColor" aria-hidden="true">
                  <path
                    fillRule="evenodd"
                    d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
                    clipRule="evenodd"
                  />
                </svg>
              ) : state === 'skipped' ? (
                '–'
              ) : failed && here ? (
                '!'
              ) : (
                index + 1
              )}
            </span>
            <span
              className={cx(
                'font-medium',
                here
                  ? failed
                    ? 'text-rose-700'
                    : 'text-slate-900'
                  : done
                    ? 'text-slate-700'
                    : state === 'skipped'
                      ? 'text-slate-500 line-through decoration-slate-400'
                      : 'text-slate-500',
              )}
            >
              {label}
              <span className="sr-only"> ({STATE_TEXT[state]})</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
