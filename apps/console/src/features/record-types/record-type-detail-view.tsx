'use client';

import Link from 'next/link';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { FieldEditor } from '@/components/field-editor';
import { GatedButton } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { When } from '@/features/admin/log-parts';
import { errorCode, errorMessage, formErrorsFrom, isNotFound } from '@/lib/errors';
import {
  EMPTY_FIELD_DRAFT,
  type FieldDraft,
  type FieldDraftKey,
  fieldDraftErrors,
  toFieldInput,
} from '@/lib/fields';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import { countFields, RECORD_TYPE_TONES, type RecordType, recordTypeActions } from '@/lib/record-types';
import { useChoiceLists } from '@/queries/choice-lists';
import { useCan } from '@/queries/me';
import { useProject } from '@/queries/projects';
import {
  useAddRecordTypeField,
  useRecordType,
  useRecordTypes,
  useSetRecordTypeStatus,
} from '@/queries/record-types';
import { RecordTypeConfigCard } from './record-type-config-card';

export function RecordTypeDetailView({ projectId, id }: { projectId: string; id: string }) {
  return (
    <RequireTenant>
      {(tenant) => <RecordTypeDetail key={`${tenant}/${id}`} tenant={tenant} projectId={projectId} id={id} />}
    </RequireTenant>
  );
}

function Breadcrumb({ tenant, projectId }: { tenant: string; projectId: string }) {
  const project = useProject(tenant, projectId);
  return (
    <Link href={`/projects/${projectId}?tab=record-types`} className="hover:text-slate-700">
      ← {project.data?.name ?? 'Project'} · Record types
    </Link>
  );
}

function RecordTypeDetail({ tenant, projectId, id }: { tenant: string; projectId: string; id: string }) {
  const recordType = useRecordType(tenant, id);

  useEffect(() => {
    if (recordType.data) document.title = `${recordType.data.name} · Record types · EC3L`;
  }, [recordType.data]);

  if (recordType.isPending) {
    return (
      <>
        <PageHeader eyebrow={<Breadcrumb tenant={tenant} projectId={projectId} />} title="Record type" />
        <Card>
          <LoadingState label="Loading record type…" />
        </Card>
      </>
    );
  }
  if (recordType.isError) {
    const missing = isNotFound(recordType.error) || errorCode(recordType.error) === 'VALIDATION_ERROR';
    return (
      <>
        <PageHeader
          eyebrow={<Breadcrumb tenant={tenant} projectId={projectId} />}
          title={missing ? 'Record type not found' : 'Record type'}
        />
        <Card>
          {missing ? (
            <EmptyState
              testId="record-type-not-found"
              title={`Record type not found in tenant ${tenant}`}
              description="It may belong to another tenant. Pick one from the project's record types."
            />
          ) : (
            <ErrorState
              title="Could not load the record type"
              message={errorMessage(recordType.error)}
              onRetry={() => void recordType.refetch()}
            />
          )}
        </Card>
      </>
    );
  }
  return <RecordTypePage tenant={tenant} recordType={recordType.data} />;
}

function RecordTypePage({ tenant, recordType }: { tenant: string; recordType: RecordType }) {
  const setStatus = useSetRecordTypeStatus(tenant);
  const siblings = useRecordTypes(tenant, recordType.projectId);
  const choiceLists = useChoiceLists(tenant);
  const [failure, setFailure] = useState<string | null>(null);
  const schemaEdit = useCan(tenant, PERMISSION.schemaEdit);
  const actions = recordTypeActions(recordType.status);
  const activateGate = allOf(actions.activate, schemaEdit);
  const retireGate = allOf(actions.retire, schemaEdit);
  const { confirm, dialog } = useConfirm();
  const { total, inherited } = countFields(recordType);
  const byKey = new Map((siblings.data ?? []).map((rt) => [rt.key, rt]));
  const derived = (siblings.data ?? []).filter((rt) => rt.baseType === recordType.key);
  const choiceListName = (listId: string) => choiceLists.data?.find((l) => l.id === listId)?.name;
  const changesHref = `/changes?projectId=${recordType.projectId}`;

  const run = (action: 'activate' | 'retire') => {
    setFailure(null);
    setStatus.mutate(
      { id: recordType.id, action },
      { onError: (error) => setFailure(`Could not ${action} ${recordType.name}: ${errorMessage(error)}`) },
    );
  };

  const linkTo = (key: string) => {
    const rt = byKey.get(key);
    return rt ? (
      <Link
        href={`/projects/${recordType.projectId}/record-types/${rt.id}`}
        className="font-mono text-indigo-600 hover:underline"
      >
        {key}
      </Link>
    ) : (
      <span className="font-mono">{key}</span>
    );
  };

  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumb tenant={tenant} projectId={recordType.projectId} />}
        title={recordType.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-slate-700">{recordType.key}</span>
            <Badge tone={RECORD_TYPE_TONES[recordType.status]} testId="record-type-status">
              {recordType.status}
            </Badge>
            <span>v{recordType.version}</span>
          </span>
        }
        actions={
          <>
            {setStatus.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
            <GatedButton
              gate={activateGate}
              busy={setStatus.isPending}
              title={
                activateGate.reason ?? 'Activate: from then on the schema changes only through change records'
              }
              onClick={() => run('activate')}
            >
              Activate
            </GatedButton>
            <GatedButton
              variant="secondary"
              gate={retireGate}
              busy={setStatus.isPending}
              title={retireGate.reason ?? 'Retire: the record type stays, but takes no more changes'}
              onClick={() =>
                confirm({
                  title: `Retire ${recordType.name}?`,
                  impact: (
                    <p>
                      <span className="font-mono">{recordType.key}</span> stays with its fields and data, but
                      takes no more changes and cannot be targeted by new change records. Retiring cannot be
                      undone from the console.
                    </p>
                  ),
                  confirmLabel: 'Retire',
                  destructive: true,
                  onConfirm: () => run('retire'),
                })
              }
            >
              Retire
            </GatedButton>
            {dialog}
          </>
        }
      />
      {failure ? (
        <Alert tone="error" testId="record-type-error" className="mb-6">
          {failure}
        </Alert>
      ) : null}
      <Card className="mb-6 px-5 py-4">
        <dl className="grid gap-4 text-sm sm:grid-cols-5">
          <Fact label="Base type">
            {recordType.baseType ? linkTo(recordType.baseType) : <span className="text-slate-500">None</span>}
          </Fact>
          <Fact label="Fields">
            {total}
            {inherited > 0 ? <span className="text-slate-500"> ({inherited} inherited)</span> : null}
          </Fact>
          <Fact label="Derived types">
            {derived.length === 0 ? (
              <span className="text-slate-500">None</span>
            ) : (
              <span className="flex flex-wrap gap-2">
                {derived.map((rt) => (
                  <span key={rt.id}>{linkTo(rt.key)}</span>
                ))}
              </span>
            )}
          </Fact>
          <Fact label="Created">
            <When iso={recordType.createdAt} />
          </Fact>
          <Fact label="Updated">
            <When iso={recordType.updatedAt} />
          </Fact>
        </dl>
      </Card>
      <RecordTypeConfigCard
        tenant={tenant}
        recordType={recordType}
        gate={allOf(actions.editConfig, schemaEdit)}
      />
      <Card aria-labelledby="fields-title">
        <CardHeader
          titleId="fields-title"
          title="Fields"
          description="The effective schema: inherited fields first, root base type first"
        />
        {recordType.schema.fields.length === 0 ? (
          <EmptyState
            testId="fields-empty"
            title="No fields yet"
            description="This record type has no fields."
          />
        ) : (
          <Table label="Fields">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Type</Th>
                <Th>Label</Th>
                <Th>Required</Th>
                <Th>Origin</Th>
              </tr>
            </thead>
            <Tbody>
              {recordType.schema.fields.map((field) => (
                <tr
                  key={field.name}
                  data-testid="field-row"
                  className={field.inherited ? 'bg-slate-50/60' : undefined}
                >
                  <Td className="font-mono font-medium text-slate-900" data-testid="field-name">
                    {field.name}
                  </Td>
                  <Td>
                    <span className="font-mono text-xs">{field.type}</span>
                    {field.type === 'choice' && field.choiceListId ? (
                      <span className="ml-1.5 text-xs text-slate-500">
                        from {choiceListName(field.choiceListId) ?? 'a choice list'}
                      </span>
                    ) : null}
                    {field.type === 'reference' && field.referenceRecordTypeKey ? (
                      <span className="ml-1.5 text-xs text-slate-500">
                        → {linkTo(field.referenceRecordTypeKey)}
                      </span>
                    ) : null}
                  </Td>
                  <Td>{field.label ?? <span className="text-slate-500">—</span>}</Td>
                  <Td>
                    {field.required ? (
                      <Badge tone="indigo">required</Badge>
                    ) : (
                      <span className="text-slate-500">no</span>
                    )}
                  </Td>
                  <Td>
                    {field.inherited ? (
                      <Badge tone="sky">inherited from {field.inheritedFrom ?? 'a base type'}</Badge>
                    ) : (
                      <span className="text-xs text-slate-500">own</span>
                    )}
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
        {actions.addField.allowed ? (
          <AddFieldForm
            gate={schemaEdit}
            tenant={tenant}
            recordType={recordType}
            keys={[...byKey.keys()]}
            choiceLists={choiceLists.data ?? []}
          />
        ) : (
          <div
            data-testid="schema-locked"
            className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/60 px-5 py-4 text-sm"
          >
            <p className="max-w-3xl text-slate-600">
              {recordType.status === 'active' ? (
                <>
                  <span className="font-medium text-slate-800">
                    This schema is active: active schemas change through change records.
                  </span>{' '}
                  Create a change that targets {recordType.key}, add its ops, check it in and merge it.
                </>
              ) : (
                <span className="font-medium text-slate-800">{actions.addField.reason}.</span>
              )}{' '}
              Every merged change keeps a snapshot of the schema it replaced: see{' '}
              <Link href={changesHref} className="font-medium text-indigo-600 hover:underline">
                the changes of this project
              </Link>
              .
            </p>
            {recordType.status === 'active' ? (
              <Link
                href={changesHref}
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-white shadow-sm hover:bg-indigo-500"
              >
                Create a change
              </Link>
            ) : null}
          </div>
        )}
      </Card>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}

const SERVER_FIELDS = ['name', 'choiceListId', 'referenceRecordTypeKey'] as const;

/** POST /api/record-types/{recordTypeId}/fields, offered only while the record type is a draft. */
function AddFieldForm({
  gate,
  tenant,
  recordType,
  keys,
  choiceLists,
}: {
  gate: ActionGate;
  tenant: string;
  recordType: RecordType;
  keys: string[];
  choiceLists: { id: string; name: string }[];
}) {
  const add = useAddRecordTypeField(tenant);
  const [draft, setDraft] = useState<FieldDraft>(EMPTY_FIELD_DRAFT);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const [errors, setErrors] = useState<Partial<Record<FieldDraftKey | '_form', string>>>({});
  const [added, setAdded] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors = fieldDraftErrors(draft);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusInvalid();
      return;
    }
    const field = toFieldInput(draft);
    add.mutate(
      { id: recordType.id, field },
      {
        onSuccess: () => {
          setAdded(field.name);
          setDraft(EMPTY_FIELD_DRAFT);
        },
        onError: (error) => {
          setErrors(formErrorsFrom(error, SERVER_FIELDS));
          focusInvalid();
        },
      },
    );
  };

  return (
    <form
      ref={formRef}
      aria-label="Add field"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 border-t border-slate-200 bg-slate-50/60 px-5 py-5"
    >
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Add a field</h3>
        <p className="mt-0.5 text-xs text-slate-500">
          Possible while the record type is a draft; once active, its schema changes through change records.
        </p>
      </div>
      {errors._form ? (
        <Alert tone="error" testId="add-field-error">
          {errors._form}
        </Alert>
      ) : null}
      {added ? (
        <Alert tone="success" testId="add-field-success">
          Added the field {added}.
        </Alert>
      ) : null}
      <FieldEditor
        idPrefix="add-field"
        value={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors({});
          setAdded(null);
        }}
        errors={errors}
        choiceLists={choiceLists}
        recordTypeKeys={keys}
        disabled={add.isPending}
      />
      <GatedButton type="submit" gate={gate} busy={add.isPending} spinning={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add field'}
      </GatedButton>
    </form>
  );
}
