'use client';

import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import type { GraphPackage } from '@/lib/packages';
import { formatMinutes, packageContents, type RecordTypeContents } from '@/lib/vibe';

/** A package's record types, each with its fields, SLA, assignment and workflows. */
export function PackageContentsTable({ pkg, label }: { pkg: GraphPackage; label: string }) {
  const rows = packageContents(pkg);
  if (rows.length === 0)
    return <EmptyState title="No record types" description="The package defines no record types." />;
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>Record type</Th>
          <Th>Fields</Th>
          <Th>SLA</Th>
          <Th>Assignment</Th>
          <Th>Workflows</Th>
        </tr>
      </thead>
      <Tbody>
        {rows.map((rt) => (
          <tr key={rt.key} data-testid="contents-row" data-key={rt.key}>
            <Td>
              <div className="font-medium text-slate-900">{rt.name}</div>
              <div className="font-mono text-xs text-slate-500">{rt.key}</div>
              {rt.baseType ? <div className="text-xs text-slate-500">extends {rt.baseType}</div> : null}
            </Td>
            <Td>
              <FieldBadges rt={rt} />
            </Td>
            <Td className="text-xs whitespace-nowrap">
              {rt.slaMinutes ? formatMinutes(rt.slaMinutes) : '—'}
            </Td>
            <Td className="text-xs">{rt.assignment ?? '—'}</Td>
            <Td className="text-xs">{rt.workflows.length > 0 ? rt.workflows.join(', ') : '—'}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}

function FieldBadges({ rt }: { rt: RecordTypeContents }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label={`Fields of ${rt.name}`}>
      {rt.fields.map((f) => (
        <li key={f.name} data-testid="contents-field" data-field={f.name}>
          <Badge tone={f.required ? 'indigo' : 'neutral'} className="whitespace-normal">
            <span className="font-mono">{f.name}</span>
            <span className="ml-1 text-slate-600">{f.type}</span>
            {f.required ? <span className="ml-1">required</span> : null}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/**
 * The same contents as a list that wraps instead of scrolling, for narrow columns (the variants side
 * by side).
 */
export function PackageContentsList({ pkg, label }: { pkg: GraphPackage; label: string }) {
  const rows = packageContents(pkg);
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {rows.map((rt) => (
        <li key={rt.key} data-testid="contents-row" data-key={rt.key} className="space-y-1.5 px-4 py-3">
          <p className="text-sm">
            <span className="font-medium text-slate-900">{rt.name}</span>{' '}
            <span className="font-mono text-xs break-all text-slate-600">{rt.key}</span>
          </p>
          <FieldBadges rt={rt} />
          <p className="text-xs text-slate-600">
            SLA {rt.slaMinutes ? formatMinutes(rt.slaMinutes) : 'none'} · assignment {rt.assignment ?? 'none'}
            {rt.workflows.length > 0 ? ` · workflows ${rt.workflows.join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
