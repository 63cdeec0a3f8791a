import { type ChangeStatus, statusLabel } from '@/lib/changes';
import { cx } from '@/lib/cx';

const STEPS = ['Draft', 'Implementing', 'Ready', 'Merged'] as const;

/** Where each status sits on the main path; the side states (validation, workspace) sit on Implementing. */
const STEP_OF: Record<ChangeStatus, number> = {
  Draft: 0,
  Implementing: 1,
  WorkspaceRunning: 1,
  Validating: 1,
  ValidationFailed: 1,
  Ready: 2,
  Merged: 3,
};

/** Draft → Implementing → Ready → Merged, with the change's place on it. */
export function LifecycleSteps({ status }: { status: ChangeStatus }) {
  const current = STEP_OF[status];
  const failed = status === 'ValidationFailed';
  return (
    <ol aria-label="Lifecycle" className="flex flex-wrap items-center gap-2 text-sm">
      {STEPS.map((step, index) => {
        const done = index < current || (status === 'Merged' && index === current);
        const here = index === current;
        const label = here && step !== status ? statusLabel(status) : step;
        return (
          <li key={step} className="flex items-center gap-2" aria-current={here ? 'step' : undefined}>
            {index > 0 ? (
              <span
                aria-hidden="true"
                className={cx('h-px w-6', index <= current ? 'bg-indigo-400' : 'bg-slate-200')}
              />
            ) : null}
            <span
              aria-hidden="true"
              className={cx(
                'flex size-6 items-center justify-center rounded-full text-xs font-semibold',
                done && !here && 'bg-indigo-600 text-white',
                done && here && 'bg-emerald-600 text-white',
                !done &&
                  here &&
                  (failed
                    ? 'bg-rose-50 text-rose-700 ring-2 ring-rose-500'
                    : 'bg-white text-indigo-700 ring-2 ring-indigo-600'),
                !done && !here && 'bg-slate-100 text-slate-400',
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
                    : 'text-slate-400',
              )}
            >
              {label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
