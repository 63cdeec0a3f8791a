'use client';

import { type FormEvent, Fragment, useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { RefusalAlert } from '@/features/packages/package-parts';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { formatValue, parseConfigValue } from '@/lib/apps';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import {
  type InstalledModule,
  type ModuleOverride,
  type OverrideFilter,
  useAdminModules,
  useAdminOverrides,
  useCreateOverride,
  useMoveOverride,
  useResolvedModule,
} from '@/queries/apps';
import { useCan } from '@/queries/me';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

const STATUS_TONE: Record<string, Tone> = { draft: 'neutral', active: 'emerald', retired: 'amber' };

/** Module overrides: a module's resolved configuration with provenance, new overrides, the override list. */
export function OverridesPanel({ tenant }: { tenant: string }) {
  const modules = useAdminModules(tenant);
  const [moduleId, setModuleId] = useState('');
  const chosen = modules.data?.find((m) => m.id === moduleId);
  return (
    <div className="space-y-6">
      <Card aria-labelledby="overrides-module-title">
        <CardHeader
          titleId="overrides-module-title"
          title="Module configuration"
          description="Choose an installed module to see its effective configuration and where each value comes from."
        />
        <div className="grid grid-cols-1 gap-4 px-5 py-4 md:grid-cols-2">
          <SelectField
            id="override-module"
            label="Installed module"
            value={moduleId}
            disabled={modules.isPending}
            error={modules.isError ? 'Could not load the installed modules' : undefined}
            onChange={(event) => setModuleId(event.target.value)}
          >
            <option value="">{modules.isPending ? 'Loading modules…' : 'Choose a module'}</option>
            {(modules.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.moduleName} ({m.moduleVersion})
              </option>
            ))}
          </SelectField>
        </div>
        {modules.data && modules.data.length === 0 ? (
          <EmptyState
            title="No installed modules"
            description="Install a template to get modules to override."
          />
        ) : chosen ? (
          <ResolvedModuleView key={chosen.id} tenant={tenant} module={chosen} />
        ) : null}
      </Card>
      <OverrideList tenant={tenant} moduleId={moduleId} modules={modules.data ?? []} />
    </div>
  );
}

function ResolvedModuleView({ tenant, module }: { tenant: string; module: InstalledModule }) {
  const resolved = useResolvedModule(tenant, module.id);
  const create = useCreateOverride(tenant);
  const gate = useCan(tenant, PERMISSION.overrideEdit);
  const [key, setKey] = useState('');
  const [raw, setRaw] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState<ModuleOverride | null>(null);
  if (resolved.isPending) return <LoadingState label="Resolving the configuration…" />;
  if (resolved.isError)
    return (
      <QueryError
        tenant={tenant}
        error={resolved.error}
        title="Could not resolve the module"
        onRetry={() => void resolved.refetch()}
      />
    );
  const values = resolved.data.values;
  const target = values.find((v) => v.key === key);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!target) {
      setError('Choose a configuration key');
      return;
    }
    const parsed = parseConfigValue(raw, target.templateValue);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    create.mutate(
      {
        overrideType: 'config',
        installedModuleId: module.id,
        targetRef: key,
        patch: { value: parsed.value as string },
      },
      { onSuccess: setCreated },
    );
  };
  return (
    <div className="space-y-4 border-t border-slate-200 px-5 py-4">
      {values.length === 0 ? (
        <EmptyState
          title="No configuration"
          description="This module's template sets no configuration values."
        />
      ) : (
        <Table label={`Configuration of ${module.moduleName}`}>
          <thead>
            <tr>
              <Th>Key</Th>
              <Th>Effective value</Th>
              <Th>From</Th>
              <Th>Template default</Th>
            </tr>
          </thead>
          <Tbody>
            {values.map((v) => (
              <tr key={v.key} data-testid="resolved-value" data-key={v.key}>
                <Td className="font-mono text-xs text-slate-900">{v.key}</Td>
                <Td className="font-mono text-xs" data-testid="resolved-effective">
                  {formatValue(v.value)}
                </Td>
                <Td data-testid="resolved-source">
                  {v.source === 'override' ? (
                    <Badge tone="amber">override v{v.overrideVersion}</Badge>
                  ) : (
                    <Badge tone="neutral">template</Badge>
                  )}
                </Td>
                <Td className="font-mono text-xs text-slate-600">{formatValue(v.templateValue)}</Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
      {values.length > 0 ? (
        <form aria-label="New config override" noValidate onSubmit={onSubmit} className="space-y-3">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <SelectField
              id="override-key"
              label="Configuration key"
              value={key}
              onChange={(event) => {
                setKey(event.target.value);
                setCreated(null);
              }}
            >
              <option value="">Choose a key</option>
              {values.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.key}
                </option>
              ))}
            </SelectField>
            <TextField
              id="override-value"
              label="New value"
              value={raw}
              error={error}
              hint={target ? `Default ${formatValue(target.templateValue)}` : undefined}
              onChange={(event) => setRaw(event.target.value)}
              autoComplete="off"
            />
            <div className="flex items-end">
              <GatedButton gate={gate} type="submit" busy={create.isPending} spinning={create.isPending}>
                Create draft override
              </GatedButton>
            </div>
          </div>
          {create.isError ? <RefusalAlert error={create.error} testId="override-refusal" /> : null}
          {created ? (
            <Alert tone="success" testId="override-created">
              Draft v{created.version} of {created.targetRef} created; activate it in the list below.
            </Alert>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function OverrideList({
  tenant,
  moduleId,
  modules,
}: {
  tenant: string;
  moduleId: string;
  modules: readonly InstalledModule[];
}) {
  const [status, setStatus] = useState<OverrideFilter['status'] | ''>('');
  const filter: OverrideFilter = {
    ...(status ? { status } : {}),
    ...(moduleId ? { installedModuleId: moduleId } : {}),
  };
  const overrides = useAdminOverrides(tenant, filter);
  const move = useMoveOverride(tenant);
  const { confirm, dialog } = useConfirm();
  const [open, setOpen] = useState<string | null>(null);
  const activateGate = allOf(
    useCan(tenant, PERMISSION.overrideActivate),
    useAgentGate(tenant, 'activate overrides'),
  );
  const retireGate = useCan(tenant, PERMISSION.overrideEdit);
  const noteId = useId();
  const nameOf = (id: string) => modules.find((m) => m.id === id)?.moduleName ?? id;
  const stateGate = (ok: boolean, reason: string): ActionGate =>
    ok ? { allowed: true, reason: undefined } : { allowed: false, reason };
  return (
    <Card aria-labelledby="overrides-title">
      {dialog}
      <CardHeader
        titleId="overrides-title"
        title="Overrides"
        description={moduleId ? `Of ${nameOf(moduleId)}, newest first` : 'Of every module, newest first'}
      />
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 bg-slate-50/70 px-5 py-4">
        <div className="w-48">
          <SelectField
            id="override-status"
            label="Status"
            value={status}
            onChange={(event) => setStatus(event.target.value as OverrideFilter['status'] | '')}
          >
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="active">Active</option>
            <option value="retired">Retired</option>
          </SelectField>
        </div>
        <PermissionNotes
          id={noteId}
          actions={[
            { label: 'Activate', gate: activateGate },
            { label: 'Retire', gate: retireGate },
          ]}
        />
      </div>
      {move.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={move.error} testId="override-move-refusal" />
        </div>
      ) : null}
      {overrides.isPending ? (
        <LoadingState label="Loading overrides…" />
      ) : overrides.isError ? (
        <QueryError
          tenant={tenant}
          error={overrides.error}
          title="Could not load overrides"
          onRetry={() => void overrides.refetch()}
        />
      ) : overrides.data.length === 0 ? (
        <EmptyState
          testId="overrides-empty"
          title={status || moduleId ? 'No overrides match' : 'No overrides yet'}
          description="Create a draft override of a module's configuration above."
        />
      ) : (
        <>
          <Table label="Overrides">
            <thead>
              <tr>
                <Th>
                  <span className="sr-only">Details</span>
                </Th>
                <Th>Target</Th>
                <Th>Module</Th>
                <Th>Version</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <Tbody>
              {overrides.data.map((o) => (
                <Fragment key={o.id}>
                  <tr data-testid="override-row" data-target={o.targetRef} data-version={o.version}>
                    <Td>
                      <Button
                        variant="ghost"
                        className="px-1.5 py-0.5 text-xs"
                        aria-expanded={open === o.id}
                        aria-controls={`override-${o.id}`}
                        aria-label={`Details of ${o.targetRef} v${o.version}`}
                        onClick={() => setOpen(open === o.id ? null : o.id)}
                      >
                        {open === o.id ? '▾' : '▸'}
                      </Button>
                    </Td>
                    <Td>
                      <span className="font-mono text-xs text-slate-900">{o.targetRef}</span>
                      <div className="text-xs text-slate-600">{o.overrideType}</div>
                    </Td>
                    <Td className="font-mono text-xs">{nameOf(o.installedModuleId)}</Td>
                    <Td>v{o.version}</Td>
                    <Td>
                      <Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{o.status}</Badge>
                    </Td>
                    <Td className="text-right whitespace-nowrap">
                      <div className="flex justify-end gap-2">
                        <GatedButton
                          gate={allOf(
                            activateGate,
                            stateGate(o.status === 'draft', 'Only a draft can be activated'),
                          )}
                          noteId={noteId}
                          variant="secondary"
                          className="px-2.5 py-1 text-xs"
                          busy={move.isPending}
                          aria-label={`Activate ${o.targetRef} v${o.version}`}
                          onClick={() =>
                            confirm({
                              title: `Activate ${o.targetRef} v${o.version}?`,
                              confirmLabel: 'Activate',
                              impact: (
                                <p>
                                  The module {nameOf(o.installedModuleId)} uses this override for{' '}
                                  {o.targetRef}; the active override of the same target, if any, is retired
                                  for good.
                                </p>
                              ),
                              onConfirm: () => move.mutate({ overrideId: o.id, to: 'activate' }),
                            })
                          }
                        >
                          Activate
                        </GatedButton>
                        <GatedButton
                          gate={allOf(retireGate, stateGate(o.status !== 'retired', 'Retired already'))}
                          noteId={noteId}
                          variant="secondary"
                          className="px-2.5 py-1 text-xs"
                          busy={move.isPending}
                          aria-label={`Retire ${o.targetRef} v${o.version}`}
                          onClick={() =>
                            confirm({
                              title: `Retire ${o.targetRef} v${o.version}?`,
                              confirmLabel: 'Retire',
                              destructive: true,
                              impact: (
                                <p>
                                  A retired override cannot be activated again.
                                  {o.status === 'active'
                                    ? ` ${o.targetRef} goes back to the template default.`
                                    : ''}
                                </p>
                              ),
                              onConfirm: () => move.mutate({ overrideId: o.id, to: 'retire' }),
                            })
                          }
                        >
                          Retire
                        </GatedButton>
                      </div>
                    </Td>
                  </tr>
                  {open === o.id ? (
                    <tr id={`override-${o.id}`}>
                      <Td colSpan={6} className="bg-slate-50">
                        <dl className="grid grid-cols-1 gap-2 text-xs md:grid-cols-2">
                          <div>
                            <dt className="font-semibold text-slate-700">Patch</dt>
                            <dd className="font-mono break-all text-slate-900">{JSON.stringify(o.patch)}</dd>
                          </div>
                          <div>
                            <dt className="font-semibold text-slate-700">Created</dt>
                            <dd>
                              <When iso={o.createdAt} /> by {o.createdBy ?? 'the system'}
                            </dd>
                          </div>
                          {o.activatedAt ? (
                            <div>
                              <dt className="font-semibold text-slate-700">Activated</dt>
                              <dd>
                                <When iso={o.activatedAt} /> by {o.activatedBy ?? 'the system'}
                              </dd>
                            </div>
                          ) : null}
                          {o.retiredAt ? (
                            <div>
                              <dt className="font-semibold text-slate-700">Retired</dt>
                              <dd>
                                <When iso={o.retiredAt} /> by {o.retiredBy ?? 'the system'}
                              </dd>
                            </div>
                          ) : null}
                        </dl>
                      </Td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={overrides.hasNextPage}
            isFetchingNextPage={overrides.isFetchingNextPage}
            fetchNextPage={overrides.fetchNextPage}
          />
        </>
      )}
    </Card>
  );
}
