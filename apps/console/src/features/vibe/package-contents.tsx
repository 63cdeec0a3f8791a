'use client';

import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import type { GraphPackage } from '@/lib/packages';
import { formatMinutes, packageContents } from '@/lib/vibe';

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
              <ul className="flex flex-wrap gap-1" aria-label={`Fields of ${rt.name}`}>
                {rt.fields.map((f) => (
                  <li key={f.name} data-testid="contents-field" data-field={f.name}>
                    <Badge tone={f.required ? 'indigo' : 'neutral'}>
                      <span className="font-mono">{f.name}</span>
                      <span className="ml-1 text-slate-500">{f.type}</span>
                      {f.required ? <span className="ml-1">required</span> : null}
                    </Badge>
                  </li>
                ))}
              </ul>
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
