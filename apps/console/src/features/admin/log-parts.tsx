'use client';

import Link from 'next/link';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/states';
import { formatDateTime, formatTimestamp } from '@/lib/format';

/** A point in time; `precise` adds the seconds (log entries). */
export function When({ iso, precise = false }: { iso: string; precise?: boolean }) {
  return (
    <time dateTime={iso} className="whitespace-nowrap">
      {precise ? formatTimestamp(iso) : formatDateTime(iso)}
    </time>
  );
}

export function Actor({ type, id }: { type: string; id: string | null }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className="font-medium text-slate-900">{id ?? (type === 'system' ? 'system' : 'anonymous')}</span>
      {id && type !== 'user' ? <Badge tone="sky">{type}</Badge> : null}
    </span>
  );
}

const OUTCOME_TONES: Record<string, Tone> = {
  allow: 'emerald',
  deny: 'rose',
  succeeded: 'emerald',
  completed: 'emerald',
  failed: 'rose',
  rejected: 'rose',
};

/** allow/deny or an event's status, coloured by what it means. */
export function Outcome({ value }: { value: string }) {
  return <Badge tone={OUTCOME_TONES[value] ?? 'neutral'}>{value}</Badge>;
}

/** A filter form's buttons: apply, and reset when something is set. */
export function FilterActions({ canReset, onReset }: { canReset: boolean; onReset: () => void }) {
  return (
    <div className="flex items-end gap-2">
      <Button type="submit">Apply filters</Button>
      {canReset ? (
        <Button variant="ghost" onClick={onReset}>
          Reset
        </Button>
      ) : null}
    </div>
  );
}

/** The refresh button of a log's header; spins while the log refetches. */
export function RefreshButton({ fetching, onRefresh }: { fetching: boolean; onRefresh: () => void }) {
  return (
    <Button variant="secondary" className="px-3 py-1.5" disabled={fetching} onClick={onRefresh}>
      {fetching ? <Spinner className="size-4 text-slate-500" /> : null}
      Refresh
    </Button>
  );
}

/** The band above a log table that holds its filter form. */
export const FILTER_FORM = 'border-b border-slate-200 bg-slate-50/70 px-5 py-4';

/** An entity id in a log row: a link to its page when it has one, else the id in mono. */
export function EntityRef({ href, id, label }: { href: string | null; id: string; label?: string }) {
  const text = label ?? id;
  if (!href) return <span className="font-mono">{text}</span>;
  return (
    <Link
      href={href}
      className="font-mono text-indigo-700 hover:underline"
      data-testid="entity-link"
      title={id}
    >
      {text}
    </Link>
  );
}
