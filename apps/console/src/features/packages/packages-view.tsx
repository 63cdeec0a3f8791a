'use client';

import type { Environment } from '@ec3l/sdk';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT, TextAreaField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, plural } from '@/lib/format';
import {
  diffLosesData,
  diffSummary,
  type GraphPackage,
  type InstallOverride,
  type InstallResult,
  installOverride,
  overrideFlag,
  overrideImpact,
  overrideLabel,
  type PackageInstall,
  parsePackageJson,
  shortChecksum,
} from '@/lib/packages';
import { allOf, PERMISSION } from '@/lib/permissions';
import { useProjectEnvironments } from '@/queries/environments';
import { useCan } from '@/queries/me';
import {
  type InstallInput,
  useBuiltInPackages,
  useInstallPackage,
  usePackageInstalls,
  usePackageVersionDiff,
  useRevertInstall,
  type VersionPair,
} from '@/queries/packages';
import {
  EnvironmentPicker,
  ListStates,
  PackageDiffTable,
  ProjectPicker,
  RefusalAlert,
} from './package-parts';

const HEADER = {
  title: 'Packages',
  description:
    'Install graph packages into a project: preview the object-by-object diff, apply, see the history, uninstall.',
};

export function PackagesView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading packages…">
      {(tenant) => <PackagesPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

/**
 * A preview to confirm: what was asked (to send again as the apply), what the API answered and the
 * refusals the user overrode to get it (stated again in the confirm dialog).
 */
type Preview = { input: InstallInput; result: InstallResult; overrides?: InstallOverride[] };

function PackagesPage({ tenant }: { tenant: string }) {
  const params = useSearchParams();
  const [projectId, setProjectId] = useState(params.get('projectId') ?? '');
  const [environmentId, setEnvironmentId] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const environments = useProjectEnvironments(tenant, projectId, projectId !== '');
  const envs = environments.data ?? [];
  const chosenEnvironment = environmentId || envs.find((e) => e.isDefault)?.id || '';
  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          projectId ? (
            <Link
              href={`/promotion?projectId=${projectId}`}
              className="text-sm font-medium text-indigo-600 hover:underline"
            >
              Promote between environments
            </Link>
          ) : undefined
        }
      />
      <Card className="mb-6">
        <div className="grid grid-cols-1 gap-4 px-5 py-4 md:grid-cols-2">
          <ProjectPicker
            tenant={tenant}
            value={projectId}
            onChange={(id) => {
              setProjectId(id);
              setEnvironmentId('');
              setPreview(null);
            }}
          />
          {projectId ? (
            <EnvironmentPicker
              id="install-environment"
              label="Install into environment"
              environments={envs}
              value={chosenEnvironment}
              onChange={(id) => {
                setEnvironmentId(id);
                setPreview(null);
              }}
            />
          ) : null}
        </div>
        {environments.isError ? (
          <ErrorState title="Could not load environments" message={errorMessage(environments.error)} />
        ) : null}
      </Card>
      {projectId === '' ? (
        <Card>
          <EmptyState
            testId="packages-no-project"
            title="No project chosen"
            description="Choose a project to install packages into and to see its install history."
          />
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <CatalogCard
            tenant={tenant}
            projectId={projectId}
            environmentId={chosenEnvironment}
            onPreview={setPreview}
          />
          <OwnPackageCard
            tenant={tenant}
            projectId={projectId}
            environmentId={chosenEnvironment}
            onPreview={setPreview}
          />
          {preview ? (
            <div className="xl:col-span-2">
              <PreviewCard
                key={`${preview.result.packageKey}@${preview.result.version}:${preview.result.checksum}`}
                tenant={tenant}
                preview={preview}
                environment={envs.find((e) => e.id === preview.result.environmentId)}
                onDone={() => setPreview(null)}
              />
            </div>
          ) : null}
          <div className="xl:col-span-2">
            <HistoryCard tenant={tenant} projectId={projectId} environments={envs} />
          </div>
          <div className="xl:col-span-2">
            <VersionDiffCard tenant={tenant} projectId={projectId} />
          </div>
        </div>
      )}
    </>
  );
}

function CatalogCard({
  tenant,
  projectId,
  environmentId,
  onPreview,
}: {
  tenant: string;
  projectId: string;
  environmentId: string;
  onPreview: (preview: Preview) => void;
}) {
  const catalog = useBuiltInPackages(tenant);
  const install = useInstallPackage(tenant);
  const previewGate = useCan(tenant, PERMISSION.adminView);
  const [asked, setAsked] = useState<string | null>(null);
  const previewOf = (packageKey: string) => {
    const input: InstallInput = {
      kind: 'built-in',
      body: { projectId, packageKey, ...(environmentId ? { environmentId } : {}) },
    };
    setAsked(packageKey);
    install.mutate(
      { ...input, body: { ...input.body, preview: true } },
      { onSuccess: (result) => onPreview({ input, result }) },
    );
  };
  return (
    <Card aria-labelledby="catalog-title" data-testid="built-in-catalog">
      <CardHeader
        titleId="catalog-title"
        title="Built-in packages"
        description="Packages that ship with EC3L. Preview shows what an install changes; nothing is written."
      />
      <ListStates
        query={catalog}
        noun="the catalog"
        empty={<EmptyState title="No built-in packages" description="This gateway serves none." />}
      >
        {(rows) => (
          <Table label="Built-in packages">
            <thead>
              <tr>
                <Th>Package</Th>
                <Th>Version</Th>
                <Th>Contents</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((p) => (
                <tr key={p.key} data-testid="built-in-row" data-key={p.key}>
                  <Td>
                    <div className="font-medium text-slate-900">{p.name}</div>
                    <div className="font-mono text-xs text-slate-500">{p.key}</div>
                    {p.description ? <div className="text-xs text-slate-500">{p.description}</div> : null}
                  </Td>
                  <Td className="font-mono text-xs">{p.version}</Td>
                  <Td className="text-xs text-slate-600">
                    {plural(p.counts.recordTypes, 'record type')},{' '}
                    {plural(p.counts.choiceLists, 'choice list')}, {plural(p.counts.workflows, 'workflow')},{' '}
                    {plural(p.counts.slaPolicies, 'SLA policy')},{' '}
                    {plural(p.counts.assignmentRules, 'assignment rule')}
                  </Td>
                  <Td className="text-right">
                    <GatedButton
                      gate={previewGate}
                      variant="secondary"
                      className="px-2.5 py-1 text-xs whitespace-nowrap"
                      busy={install.isPending}
                      spinning={install.isPending && asked === p.key}
                      aria-label={`Preview install of ${p.name}`}
                      onClick={() => previewOf(p.key)}
                    >
                      Preview install
                    </GatedButton>
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </ListStates>
      {install.isError && asked ? (
        <div className="px-5 pb-4">
          <RefusalAlert error={install.error} testId="catalog-refusal" />
        </div>
      ) : null}
    </Card>
  );
}

function OwnPackageCard({
  tenant,
  projectId,
  environmentId,
  onPreview,
}: {
  tenant: string;
  projectId: string;
  environmentId: string;
  onPreview: (preview: Preview) => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The last preview asked and the refusals already overridden in it, for the next override.
  const [asked, setAsked] = useState<{ input: InstallInput; overrides: InstallOverride[] } | null>(null);
  const install = useInstallPackage(tenant);
  const previewGate = useCan(tenant, PERMISSION.adminView);
  const overrideGate = allOf(
    useAgentGate(tenant, 'install packages'),
    useCan(tenant, PERMISSION.packageInstall),
  );
  const refusedWith = install.isError ? installOverride(install.error) : null;
  const previewOf = (input: InstallInput, overrides: InstallOverride[]) => {
    setAsked({ input, overrides });
    install.mutate({ ...input, body: { ...input.body, preview: true } } as InstallInput, {
      onSuccess: (result) => onPreview({ input, result, overrides }),
    });
  };
  const override = (refusal: InstallOverride) => {
    if (asked?.input.kind !== 'package') return;
    previewOf({ kind: 'package', body: { ...asked.input.body, ...overrideFlag(refusal) } }, [
      ...asked.overrides,
      refusal,
    ]);
  };
  const submit = () => {
    const parsed = parsePackageJson(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    const input: InstallInput = {
      kind: 'package',
      body: {
        projectId,
        // The API validates the package and answers PACKAGE_INVALID with every problem.
        package: parsed.value as GraphPackage,
        ...(environmentId ? { environmentId } : {}),
      },
    };
    previewOf(input, []);
  };
  return (
    <Card aria-labelledby="own-title">
      <CardHeader
        titleId="own-title"
        title="Install your own"
        description="Paste a package (JSON) or upload its file; the API validates it and previews the install."
      />
      <form
        aria-label="Install your own package"
        className="space-y-3 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextAreaField
          id="package-json"
          label="Package JSON"
          rows={8}
          spellCheck={false}
          className="font-mono text-xs"
          value={text}
          error={problem ?? undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm text-slate-700">
            <span className="mr-2">Or upload a file</span>
            <input
              type="file"
              accept="application/json,.json"
              aria-label="Upload a package file"
              className="text-xs text-slate-700"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </label>
          <GatedButton gate={previewGate} type="submit" variant="secondary" busy={install.isPending}>
            Preview install
          </GatedButton>
        </div>
        {install.isError ? <RefusalAlert error={install.error} testId="own-refusal" /> : null}
        {refusedWith && asked?.input.kind === 'package' ? (
          <GatedButton
            gate={overrideGate}
            variant="secondary"
            busy={install.isPending}
            data-testid="install-override"
            onClick={() => override(refusedWith)}
          >
            {overrideLabel(refusedWith)}
          </GatedButton>
        ) : null}
      </form>
    </Card>
  );
}

function PreviewCard({
  tenant,
  preview,
  environment,
  onDone,
}: {
  tenant: string;
  preview: Preview;
  environment: Environment | undefined;
  onDone: () => void;
}) {
  const { result } = preview;
  const overrides = preview.overrides ?? [];
  const dropsData = overrides.some((o) => o.kind === 'data_loss');
  const install = useInstallPackage(tenant);
  const { confirm, dialog } = useConfirm();
  const [applied, setApplied] = useState<InstallResult | null>(null);
  const noteId = useId();
  const gate = allOf(useAgentGate(tenant, 'install packages'), useCan(tenant, PERMISSION.packageInstall));
  const envName = environment?.name ?? 'the default environment';
  const apply = () =>
    confirm({
      title: `Install ${result.packageKey} ${result.version}?`,
      impact: (
        <>
          <p>
            Applies {result.packageKey} {result.diff.fromVersion ? `${result.diff.fromVersion} → ` : ''}
            {result.version} to the project&apos;s graph and records it in {envName}:{' '}
            {diffSummary(result.diff)}.
          </p>
          {diffLosesData(result.diff) ? (
            <p className="font-medium text-rose-700">
              Objects are deleted; fields or record types that hold data lose it.
            </p>
          ) : null}
          {overrides.map((o) => (
            <ul
              key={o.kind}
              data-testid={`override-impact-${o.kind}`}
              className="list-disc pl-5 font-medium text-rose-700"
            >
              {overrideImpact(o).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ))}
        </>
      ),
      confirmLabel: 'Install',
      destructive: diffLosesData(result.diff) || overrides.length > 0,
      typeToConfirm: result.diff.summary.deleteWithData > 0 || dropsData ? result.packageKey : null,
      onConfirm: () =>
        install.mutate(
          { ...preview.input, body: { ...preview.input.body, preview: false } } as InstallInput,
          { onSuccess: setApplied },
        ),
    });
  return (
    <Card aria-labelledby="preview-title" data-testid="install-preview">
      {dialog}
      <CardHeader
        titleId="preview-title"
        title={`Preview: ${result.packageKey} ${result.version}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={result.status === 'noop' ? 'neutral' : 'sky'} testId="preview-status">
              {result.status === 'noop' ? 'already installed' : result.status}
            </Badge>
            into {envName}, checksum <span className="font-mono">{shortChecksum(result.checksum)}</span>
          </span>
        }
        actions={
          <div className="flex gap-2">
            <GatedButton
              gate={gate}
              noteId={noteId}
              busy={install.isPending || applied !== null}
              spinning={install.isPending}
              disabled={result.status === 'noop'}
              data-testid="apply-install"
              onClick={apply}
            >
              Install
            </GatedButton>
            <Button variant="ghost" onClick={onDone}>
              Close
            </Button>
          </div>
        }
      />
      <PermissionNotes id={noteId} actions={[{ label: 'Install', gate }]} />
      {applied ? (
        <div className="px-5 pt-4">
          <Alert tone="success" testId="install-applied">
            {applied.status === 'noop'
              ? `${applied.packageKey} ${applied.version} was installed already; nothing changed.`
              : `Installed ${applied.packageKey} ${applied.version}.`}
          </Alert>
        </div>
      ) : null}
      {install.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={install.error} testId="apply-refusal" />
        </div>
      ) : null}
      <PackageDiffTable diff={result.diff} label={`Diff of ${result.packageKey}`} />
    </Card>
  );
}

function HistoryCard({
  tenant,
  projectId,
  environments,
}: {
  tenant: string;
  projectId: string;
  environments: readonly Environment[];
}) {
  const query = usePackageInstalls(tenant, projectId);
  const revert = useRevertInstall(tenant);
  const { confirm, dialog } = useConfirm();
  const noteId = useId();
  const gate = allOf(useAgentGate(tenant, 'uninstall packages'), useCan(tenant, PERMISSION.packageInstall));
  const envName = (id: string) => environments.find((e) => e.id === id)?.name ?? id.slice(0, 8);
  const uninstall = (row: PackageInstall) =>
    confirm({
      title: `Uninstall ${row.packageKey} ${row.version}?`,
      impact: (
        <>
          <p>
            Reverts what this install did: {plural(row.createdObjects.length, 'object')} it created are
            removed
            {row.previousInstallId ? ' and the previous version is restored' : ''}.
          </p>
          <p>An uninstall that would delete record types holding records is refused.</p>
        </>
      ),
      confirmLabel: 'Uninstall',
      destructive: true,
      typeToConfirm: row.packageKey,
      onConfirm: () => revert.mutate(row.id),
    });
  return (
    <Card aria-labelledby="history-title" data-testid="install-history">
      {dialog}
      <CardHeader
        titleId="history-title"
        title="Install history"
        description={
          query.data
            ? `${plural(query.data.length, 'install')}${query.hasNextPage ? ' loaded' : ''}, newest first`
            : 'Every install of the project, newest first'
        }
        actions={
          <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => void query.refetch()}>
            Refresh
          </Button>
        }
      />
      <PermissionNotes id={noteId} actions={[{ label: 'Uninstall', gate }]} />
      {revert.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={revert.error} testId="revert-refusal" />
        </div>
      ) : null}
      <ListStates
        query={query}
        noun="the history"
        empty={
          <EmptyState
            testId="history-empty"
            title="Nothing installed yet"
            description="Preview a built-in package or your own, then install it."
          />
        }
      >
        {(rows) => (
          <Table label="Install history">
            <thead>
              <tr>
                <Th>Package</Th>
                <Th>Status</Th>
                <Th>Environment</Th>
                <Th>Checksum</Th>
                <Th>Installed</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="install-row" data-key={row.packageKey} data-status={row.status}>
                  <Td>
                    <span className="font-mono text-xs font-medium">{row.packageKey}</span>{' '}
                    <span className="font-mono text-xs text-slate-600">{row.version}</span>
                  </Td>
                  <Td>
                    <Badge tone={row.status === 'installed' ? 'emerald' : 'neutral'}>{row.status}</Badge>
                    {row.revertedAt ? (
                      <div className="text-xs text-slate-500">
                        by {row.revertedBy ?? 'system'}, {formatDateTime(row.revertedAt)}
                      </div>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs">{envName(row.environmentId)}</Td>
                  <Td className="font-mono text-xs" title={row.checksum}>
                    {shortChecksum(row.checksum)}
                  </Td>
                  <Td className="text-xs whitespace-nowrap text-slate-600">
                    {row.installedBy ?? 'system'}, {formatDateTime(row.installedAt)}
                  </Td>
                  <Td className="text-right">
                    {row.status === 'installed' ? (
                      <GatedButton
                        gate={gate}
                        noteId={noteId}
                        variant="secondary"
                        className="px-2.5 py-1 text-xs"
                        busy={revert.isPending}
                        aria-label={`Uninstall ${row.packageKey} ${row.version}`}
                        onClick={() => uninstall(row)}
                      >
                        Uninstall
                      </GatedButton>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </ListStates>
    </Card>
  );
}

/** The versions of each package the loaded history holds, oldest first. */
const versionsByPackage = (rows: readonly PackageInstall[]): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const row of [...rows].reverse()) {
    const list = out.get(row.packageKey) ?? [];
    if (!list.includes(row.version)) list.push(row.version);
    out.set(row.packageKey, list);
  }
  return out;
};

function InlineSelect({
  label,
  placeholder,
  options,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <select
      aria-label={label}
      className={INLINE_SELECT}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{placeholder}</option>
      {options.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
}

function VersionDiffCard({ tenant, projectId }: { tenant: string; projectId: string }) {
  const history = usePackageInstalls(tenant, projectId);
  const versions = useMemo(() => versionsByPackage(history.data ?? []), [history.data]);
  const [packageKey, setPackageKey] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = versions.get(packageKey) ?? [];
  const pair: VersionPair | null =
    packageKey && from && to && from !== to
      ? { projectId, packageKey, fromVersion: from, toVersion: to }
      : null;
  const diff = usePackageVersionDiff(tenant, pair);
  return (
    <Card aria-labelledby="version-diff-title" data-testid="version-diff">
      <CardHeader
        titleId="version-diff-title"
        title="Diff between versions"
        description="Pick a package and two of its installed versions."
      />
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/70 px-5 py-3">
        <InlineSelect
          label="Package to compare"
          placeholder="Package…"
          options={[...versions.keys()]}
          value={packageKey}
          onChange={(key) => {
            setPackageKey(key);
            const vs = versions.get(key) ?? [];
            setFrom(vs.length > 1 ? (vs[vs.length - 2] ?? '') : '');
            setTo(vs[vs.length - 1] ?? '');
          }}
        />
        <InlineSelect
          label="From version"
          placeholder="From…"
          options={list}
          value={from}
          onChange={setFrom}
        />
        <InlineSelect label="To version" placeholder="To…" options={list} value={to} onChange={setTo} />
      </div>
      {pair === null ? (
        <EmptyState
          title="No versions chosen"
          description={
            packageKey && list.length < 2
              ? `Only one version of ${packageKey} has been installed.`
              : 'Choose a package and two different versions.'
          }
        />
      ) : diff.isPending ? (
        <LoadingState label="Loading the diff…" />
      ) : diff.isError ? (
        <div className="px-5 py-4">
          <RefusalAlert error={diff.error} testId="version-diff-error" />
        </div>
      ) : (
        <PackageDiffTable diff={diff.data} label={`Diff of ${packageKey} ${from} to ${to}`} />
      )}
    </Card>
  );
}
