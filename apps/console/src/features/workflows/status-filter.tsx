'use client';

import { INLINE_SELECT } from '@/components/ui/field';
import { cx } from '@/lib/cx';
import { isOneOf, labelOf } from '@/lib/workflows';

/** The "Status" select of a workflow list's filter bar: one of `statuses`, or '' for any. */
export function StatusFilter<S extends string>({
  label,
  statuses,
  value,
  onChange,
}: {
  /** The select's accessible name, saying what it filters. */
  label: string;
  statuses: readonly S[];
  value: S | '';
  onChange: (value: S | '') => void;
}) {
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
      Status
      <select
        aria-label={label}
        value={value}
        onChange={(event) => onChange(isOneOf(statuses, event.target.value) ? event.target.value : '')}
        className={cx(INLINE_SELECT, 'min-w-32 text-sm')}
      >
        <option value="">Any status</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labelOf(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
