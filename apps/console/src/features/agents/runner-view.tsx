'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useId, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { runTone } from '@/lib/agents';
import { cx } from '@/lib/cx';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, formatTimestamp, plural } from '@/lib/format';
import { useAgentRun, useAgentRuns, useRunLogStream } from '@/queries/agents';
import { useAllChanges } from '@/queries/changes';

const HEADER = {
  title: 'Runner',
  description: 'Agent runs of a change: the skills each used and its log, live while it runs.',
};

export function RunnerView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading the runner…">
      {(tenant) => <RunnerPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

function RunnerPage({ tenant }: { tenant: string }) {
  const params = useSearchParams();
  const [changeId, setChangeId] = useState(params.get('changeId') ?? '');
  const [runId, setRunId] = useState<string | null>(params.get('runId'));
  const changes = useAllChanges(tenant, {});
  const id = useId();
  return (
    <>
      <PageHeader {...HEADER} />
      <Card className="mb-6">
        <div className="grid grid-cols-1 gap-4 px-5 py-4 md:grid-cols-2">
          {changes.isPending ? (
            <LoadingState label="Loading changes…" />
          ) : changes.isError ? (
            <ErrorState title="Could not load changes" message={errorMessage(changes.error)} />
          ) : (
            <SelectField
              id={`${id}-change`}
              label="Change"
              value={changeId}
              data-testid="runner-change"
              onChange={(e) => {
                setChangeId(e.target.value);
                setRunId(null);
              }}
            >
              <option value="">Choose a change…</option>
              {changes.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title} ({c.status})
                </option>
              ))}
            </SelectField>
          )}
        </div>
      </Card>
      {changeId === '' ? (
        <Card>
          <EmptyState
            testId="runner-no-change"
            title="No change chosen"
            description="Choose a change to see the agent runs recorded on it."
          />
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <RunsCard tenant={tenant} changeId={changeId} selected={runId} onSelect={setRunId} />
          {runId ? (
            <RunCard key={runId} tenant={tenant} runId={runId} />
          ) : (
            <Card>
              <EmptyState title="No run selected" description="Pick a run to follow its log." />
            </Card>
          )}
        </div>
      )}
    </>
  );
}

function RunsCard({
  tenant,
  changeId,
  selected,
  onSelect,
}: {
  tenant: string;
  changeId: string;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const runs = useAgentRuns(tenant, changeId);
  return (
    <Card aria-labelledby="runs-title">
      <CardHeader
        titleId="runs-title"
        title="Agent runs"
        description={runs.data ? plural(runs.data.length, 'run') : 'Oldest first'}
        actions={
          <Link href={`/changes/${changeId}`} className="text-sm font-medium text-indigo-600 hover:underline">
            Open the change
          </Link>
        }
      />
      {runs.isPending ? (
        <LoadingState label="Loading runs…" />
      ) : runs.isError ? (
        <ErrorState
          title="Could not load runs"
          message={errorMessage(runs.error)}
          onRetry={() => void runs.refetch()}
        />
      ) : runs.data.length === 0 ? (
        <EmptyState
          testId="runs-empty"
          title="No agent runs"
          description="No agent has run on this change yet."
        />
      ) : (
        <Table label="Agent runs">
          <thead>
            <tr>
              <Th>Intent</Th>
              <Th>Status</Th>
              <Th>Agent</Th>
              <Th>Started</Th>
            </tr>
          </thead>
          <Tbody>
            {runs.data.map((run) => (
              <tr key={run.id} className={cx(run.id === selected && 'bg-indigo-50')}>
                <Td className="max-w-60">
                  <button
                    type="button"
                    className="truncate text-left font-medium text-indigo-700 hover:underline"
                    aria-pressed={run.id === selected}
                    data-testid={`run-${run.id}`}
                    onClick={() => onSelect(run.id)}
                  >
                    {run.intent}
                  </button>
                </Td>
                <Td>
                  <Badge tone={runTone(run.status)}>{run.status}</Badge>
                </Td>
                <Td>{run.agentId ?? '—'}</Td>
                <Td>{formatDateTime(run.createdAt)}</Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}

function RunCard({ tenant, runId }: { tenant: string; runId: string }) {
  const run = useAgentRun(tenant, runId);
  const stream = useRunLogStream(tenant, runId);
  const status = stream.endStatus ?? run.data?.status;
  return (
    <Card aria-labelledby="run-title" data-testid="run-detail">
      <CardHeader
        titleId="run-title"
        title={run.data?.intent ?? 'Agent run'}
        description={
          status ? (
            <span className="inline-flex items-center gap-2">
              <Badge tone={runTone(status as 'Pending')}>{status}</Badge>
              <span data-testid="stream-phase">
                {stream.phase === 'live'
                  ? 'Following the log live'
                  : stream.phase === 'ended'
                    ? 'The run has ended'
                    : stream.phase === 'failed'
                      ? 'The live log stopped'
                      : 'Connecting…'}
              </span>
            </span>
          ) : (
            'Loading…'
          )
        }
      />
      {run.isError ? (
        <ErrorState
          title="Could not load the run"
          message={errorMessage(run.error)}
          onRetry={() => void run.refetch()}
        />
      ) : null}
      {run.data ? (
        <div className="border-b border-slate-200 px-5 py-3 text-sm text-slate-700">
          <span className="font-medium">Skills: </span>
          {run.data.skillsUsed.length === 0 ? (
            'none'
          ) : (
            <span className="inline-flex flex-wrap gap-1" data-testid="run-skills">
              {run.data.skillsUsed.map((s) => (
                <Badge key={s} tone="indigo">
                  {s}
                </Badge>
              ))}
            </span>
          )}
        </div>
      ) : null}
      {stream.error ? <p className="px-5 pt-3 text-sm text-rose-700">{stream.error}</p> : null}
      {stream.lines.length === 0 ? (
        stream.phase === 'connecting' ? (
          <LoadingState label="Opening the log…" />
        ) : (
          <EmptyState title="No log lines yet" description="Lines appear here as the agent writes them." />
        )
      ) : (
        <ol
          className="max-h-96 overflow-y-auto bg-slate-950 px-4 py-3 font-mono text-xs text-slate-100"
          aria-label="Run log"
          aria-live="polite"
          data-testid="run-log"
        >
          {stream.lines.map((line) => (
            <li key={line.position} className="break-words">
              <span className="text-slate-400">{formatTimestamp(line.at)}</span>{' '}
              <span
                className={
                  line.level === 'error' ? 'text-rose-300' : line.level === 'warn' ? 'text-amber-300' : ''
                }
              >
                {line.level}
              </span>{' '}
              {line.message}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
