import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/lib/cx';
import {
  describeFieldChange,
  diffCounts,
  type FieldChange,
  type FieldDef,
  type GraphDiff,
  isEmptyDiff,
  type RecordTypeDiff,
} from '@/lib/diff';
import { describeField } from '@/lib/fields';
import { describeAssignment, describeSla } from '@/lib/record-configs';

type Lookup = (id: string) => string | undefined;

/**
 * A schema diff: per record type, added fields in green, removed ones in red, and modified ones as
 * before → after for each property that changed.
 */
export function SchemaDiff({
  diff,
  choiceListName,
  testId = 'schema-diff',
}: {
  diff: GraphDiff;
  choiceListName?: Lookup;
  testId?: string;
}) {
  if (isEmptyDiff(diff)) {
    return (
      <p data-testid={testId} className="text-sm text-slate-500">
        No schema changes: the record types would stay exactly as they are.
      </p>
    );
  }
  return (
    <div data-testid={testId} className="space-y-4">
      <ul aria-label="Diff summary" className="flex flex-wrap gap-1.5">
        {diffCounts(diff).map((chip) => (
          <li key={chip.key}>
            <Badge tone={chip.tone}>{chip.label}</Badge>
          </li>
        ))}
      </ul>
      {diff.addedRecordTypes.map((rt) => (
        <RecordTypeBlock
          key={`added:${rt.key}`}
          title={rt.key}
          note={<Badge tone="emerald">new record type</Badge>}
        />
      ))}
      {diff.removedRecordTypes.map((rt) => (
        <RecordTypeBlock key={`removed:${rt.key}`} title={rt.key} note={<Badge tone="rose">removed</Badge>} />
      ))}
      {diff.modifiedRecordTypes.map((rt) => (
        <ModifiedRecordType key={rt.key} diff={rt} choiceListName={choiceListName} />
      ))}
    </div>
  );
}

function RecordTypeBlock({
  title,
  note,
  children,
}: {
  title: string;
  note?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section
      aria-label={`Changes to ${title}`}
      data-testid="diff-record-type"
      className="overflow-hidden rounded-lg ring-1 ring-slate-200"
    >
      <header className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
        <svg viewBox="0 0 20 20" className="size-4 text-slate-500" fill="currentColor" aria-hidden="true">
          <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v2A1.5 1.5 0 0 1 15.5 8h-11A1.5 1.5 0 0 1 3 6.5v-2ZM3 11.5A1.5 1.5 0 0 1 4.5 10h11a1.5 1.5 0 0 1 1.5 1.5v4a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 15.5v-4Z" />
        </svg>
        <span className="font-mono text-sm font-semibold text-slate-900">{title}</span>
        {note}
      </header>
      {children}
    </section>
  );
}

function ModifiedRecordType({
  diff,
  choiceListName,
}: {
  diff: RecordTypeDiff;
  choiceListName?: Lookup | undefined;
}) {
  const base = diff.baseTypeChanged;
  return (
    <RecordTypeBlock
      title={diff.key}
      note={
        base ? (
          <Badge tone="amber">
            base type {base.before ?? 'none'} → {base.after ?? 'none'}
          </Badge>
        ) : null
      }
    >
      <ul className="divide-y divide-slate-100 font-mono text-[13px]">
        {diff.addedFields.map((field) => (
          <FieldLine key={`+${field.name}`} kind="added" field={field} choiceListName={choiceListName} />
        ))}
        {diff.removedFields.map((field) => (
          <FieldLine key={`-${field.name}`} kind="removed" field={field} choiceListName={choiceListName} />
        ))}
        {diff.renamedFields.map((rename) => (
          <ModifiedLine
            key={`>${rename.to}`}
            change={{ ...rename, name: `${rename.from} → ${rename.to}` }}
            renamed
            choiceListName={choiceListName}
          />
        ))}
        {diff.modifiedFields.map((change) => (
          <ModifiedLine key={`~${change.name}`} change={change} choiceListName={choiceListName} />
        ))}
        {diff.assignmentConfigChanged ? (
          <ConfigLine
            label="assignment"
            before={describeAssignment(diff.assignmentConfigChanged.before)}
            after={describeAssignment(diff.assignmentConfigChanged.after)}
          />
        ) : null}
        {diff.slaConfigChanged ? (
          <ConfigLine
            label="SLA"
            before={describeSla(diff.slaConfigChanged.before)}
            after={describeSla(diff.slaConfigChanged.after)}
          />
        ) : null}
      </ul>
    </RecordTypeBlock>
  );
}

/** A configuration that changed, before → after, on one line of the diff. */
function ConfigLine({ label, before, after }: { label: string; before: string; after: string }) {
  return (
    <li
      data-testid="diff-config"
      className="flex flex-wrap gap-x-2 border-l-2 border-amber-500 bg-amber-50/60 px-3 py-1.5 text-amber-950"
    >
      <span aria-hidden="true" className="text-amber-600">
        ~
      </span>
      <span className="font-semibold">{label}</span>
      <span className="font-sans">
        {before} → {after}
      </span>
    </li>
  );
}

const KIND = {
  added: {
    sign: '+',
    label: 'added',
    row: 'bg-emerald-50/70 border-emerald-500',
    sign_: 'text-emerald-600',
    text: 'text-emerald-900',
  },
  removed: {
    sign: '−',
    label: 'removed',
    row: 'bg-rose-50/70 border-rose-500',
    sign_: 'text-rose-600',
    text: 'text-rose-900 line-through decoration-rose-400/70',
  },
  modified: {
    sign: '~',
    label: 'modified',
    row: 'bg-amber-50/60 border-amber-500',
    sign_: 'text-amber-600',
    text: 'text-amber-950',
  },
} as const;

function FieldLine({
  kind,
  field,
  choiceListName,
}: {
  kind: 'added' | 'removed';
  field: FieldDef;
  choiceListName?: Lookup | undefined;
}) {
  const style = KIND[kind];
  return (
    <li
      data-testid={`diff-${kind}-field`}
      className={cx('flex items-baseline gap-3 border-l-4 px-3 py-2', style.row)}
    >
      <span aria-hidden="true" className={cx('w-3 shrink-0 font-bold', style.sign_)}>
        {style.sign}
      </span>
      <span className="sr-only">{style.label}: </span>
      <span data-testid="diff-field">
        <span className={cx('font-semibold', style.text)}>{field.name}</span>{' '}
        <span className="ml-2 font-sans text-xs text-slate-600">{describeField(field, choiceListName)}</span>
      </span>
    </li>
  );
}

function ModifiedLine({
  change,
  renamed = false,
  choiceListName,
}: {
  change: FieldChange;
  /** A field kept under a new name (its values stay): `name` reads `old → new`. */
  renamed?: boolean;
  choiceListName?: Lookup | undefined;
}) {
  const style = KIND.modified;
  const n = change.changes.length;
  return (
    <li
      data-testid={renamed ? 'diff-renamed-field' : 'diff-modified-field'}
      className={cx('border-l-4 px-3 py-2', style.row)}
    >
      <div className="flex items-baseline gap-3">
        <span aria-hidden="true" className={cx('w-3 shrink-0 font-bold', style.sign_)}>
          {style.sign}
        </span>
        <span className="sr-only">{renamed ? 'renamed' : 'modified'}: </span>
        <span className={cx('font-semibold', style.text)}>{change.name}</span>
        <span className="font-sans text-xs text-slate-600">
          {renamed && n === 0
            ? 'renamed, values kept'
            : `${renamed ? 'renamed, ' : ''}${n === 1 ? '1 property changed' : `${n} properties changed`}`}
        </span>
      </div>
      <dl className="mt-1.5 ml-6 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-sans text-xs">
        {describeFieldChange(change, choiceListName).map((p) => (
          <div key={p.property} className="contents">
            <dt className="text-slate-500">{p.label}</dt>
            <dd className="text-slate-700">
              <span className="rounded bg-rose-100/80 px-1 font-mono text-rose-800">{p.before}</span>
              <span aria-hidden="true" className="mx-1.5 text-slate-500">
                →
              </span>
              <span className="sr-only"> becomes </span>
              <span className="rounded bg-emerald-100/80 px-1 font-mono text-emerald-800">{p.after}</span>
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
