'use client';

import { Alert } from '@/components/ui/alert';
import { cx } from '@/lib/cx';
import { plural } from '@/lib/format';
import { type StreamState, stageLabel, stageStates } from '@/lib/vibe';

/**
 * A generation as it streams: the stages (done, current, skipped, to do) and the model's output token
 * by token. The output is a log region, read out only when asked, not on every token.
 */
export function StreamPanel({ state, title }: { state: StreamState; title: string }) {
  return (
    <div className="space-y-3 px-5 py-4" data-testid="stream-panel" data-status={state.status}>
      <ol aria-label={`${title}: stages`} className="flex flex-wrap gap-2" data-testid="stream-stages">
        {stageStates(state).map(({ stage, state: s }) => (
          <li
            key={stage}
            data-stage={stage}
            data-state={s}
            aria-current={s === 'current' ? 'step' : undefined}
            className={cx(
              'rounded-md px-2.5 py-1 text-xs ring-1 ring-inset',
              s === 'done' && 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
              s === 'current' && 'bg-indigo-50 font-semibold text-indigo-700 ring-indigo-600/30',
              s === 'todo' && 'bg-white text-slate-600 ring-slate-300',
              s === 'skipped' && 'bg-slate-50 text-slate-600 line-through ring-slate-200',
            )}
          >
            {stageLabel(stage)}
            <span className="sr-only">: {s}</span>
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-600" data-testid="stream-count" aria-live="polite">
        {state.status === 'streaming'
          ? `Streaming… ${plural(state.tokens, 'token')} so far`
          : state.status === 'complete'
            ? `Complete: ${plural(state.tokens, 'token')}`
            : state.status === 'failed'
              ? `Stopped after ${plural(state.tokens, 'token')}`
              : 'Not started'}
      </p>
      <pre
        role="log"
        aria-label={`${title}: output`}
        data-testid="stream-tokens"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the output scrolls, and a scroll region must be reachable by keyboard
        tabIndex={0}
        className="max-h-72 min-h-24 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-100"
      >
        {state.text}
      </pre>
      {state.error ? (
        <Alert tone="error" testId="stream-error">
          {state.error}
        </Alert>
      ) : null}
    </div>
  );
}
