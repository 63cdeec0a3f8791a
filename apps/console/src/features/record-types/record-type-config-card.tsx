'use client';

import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { AssignmentEditor, SlaEditor } from '@/components/config-editor';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { SlideOver, useConfirm } from '@/components/ui/modal';
import { Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import type { ActionGate } from '@/lib/permissions';
import {
  assignmentDraftOf,
  buildAssignment,
  buildSla,
  type ConfigErrors,
  configErrorsFrom,
  describeAssignment,
  describeSla,
  slaDraftOf,
} from '@/lib/record-configs';
import type { RecordType } from '@/lib/record-types';
import { useUpdateRecordTypeConfig } from '@/queries/record-types';

/** Who new records go to and the service level they are held to; a draft's editor edits them directly. */
export function RecordTypeConfigCard({
  tenant,
  recordType,
  gate,
}: {
  tenant: string;
  recordType: RecordType;
  gate: ActionGate;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Card aria-labelledby="config-title" className="mb-6">
      <CardHeader
        titleId="config-title"
        title="Routing and SLA"
        description={
          recordType.status === 'draft' ? (
            'Edited directly while the type is a draft'
          ) : (
            <>
              Changes through a{' '}
              <Link
                href={`/changes?projectId=${recordType.projectId}`}
                className="text-indigo-600 hover:underline"
              >
                change record
              </Link>{' '}
              (set_assignment, set_sla)
            </>
          )
        }
        actions={
          <GatedButton
            variant="secondary"
            gate={gate}
            onClick={() => setOpen(true)}
            data-testid="edit-config"
          >
            Edit configuration
          </GatedButton>
        }
      />
      <dl className="grid grid-cols-1 gap-4 px-5 py-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Assignment</dt>
          <dd className="mt-1 text-slate-900" data-testid="config-assignment">
            {describeAssignment(recordType.assignmentConfig)}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">SLA</dt>
          <dd className="mt-1 text-slate-900" data-testid="config-sla">
            {describeSla(recordType.slaConfig)}
          </dd>
        </div>
      </dl>
      <SlideOver
        open={open}
        title="Routing and SLA"
        description={`${recordType.name} (draft)`}
        onClose={() => setOpen(false)}
        testId="config-panel"
      >
        <ConfigForm tenant={tenant} recordType={recordType} onSaved={() => setOpen(false)} />
      </SlideOver>
    </Card>
  );
}

function ConfigForm({
  tenant,
  recordType,
  onSaved,
}: {
  tenant: string;
  recordType: RecordType;
  onSaved: () => void;
}) {
  const update = useUpdateRecordTypeConfig(tenant);
  const [assignment, setAssignment] = useState(() => assignmentDraftOf(recordType.assignmentConfig));
  const [sla, setSla] = useState(() => slaDraftOf(recordType.slaConfig));
  const [errors, setErrors] = useState<ConfigErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const { confirm, dialog } = useConfirm();
  const fieldTypes = new Map(recordType.schema.fields.map((f) => [f.name, f.type]));
  const fields = [...fieldTypes.keys()];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const builtAssignment = buildAssignment(assignment, fieldTypes);
    const builtSla = buildSla(sla, new Set(fields));
    if (!builtAssignment.ok || !builtSla.ok) {
      setErrors({
        ...(builtAssignment.ok ? {} : builtAssignment.errors),
        ...(builtSla.ok ? {} : builtSla.errors),
      });
      focusInvalid();
      return;
    }
    setErrors({});
    const body = { assignmentConfig: builtAssignment.config, slaConfig: builtSla.config };
    const save = () =>
      update.mutate(
        { id: recordType.id, body },
        {
          onSuccess: onSaved,
          onError: (error) => {
            setErrors(configErrorsFrom(error));
            focusInvalid();
          },
        },
      );
    const cleared = [
      ...(recordType.assignmentConfig && !body.assignmentConfig ? ['assignment'] : []),
      ...(recordType.slaConfig && !body.slaConfig ? ['SLA'] : []),
    ];
    if (cleared.length === 0) return save();
    confirm({
      title: `Clear the ${cleared.join(' and ')}?`,
      impact: (
        <p>
          Records of <span className="font-mono">{recordType.key}</span> created from now on get no{' '}
          {cleared.join(' and no ')}. The current configuration is not kept anywhere.
        </p>
      ),
      confirmLabel: 'Clear and save',
      destructive: true,
      onConfirm: save,
    });
  };

  const pending = update.isPending;
  return (
    <form
      ref={formRef}
      aria-label="Routing and SLA"
      noValidate
      onSubmit={onSubmit}
      className="space-y-6 px-5 py-5"
    >
      {errors._form ? (
        <Alert tone="error" testId="config-form-error">
          {errors._form}
        </Alert>
      ) : null}
      <AssignmentEditor
        idPrefix="config"
        value={assignment}
        onChange={(next) => {
          setAssignment(next);
          setErrors({});
        }}
        errors={errors}
        fields={fields}
        disabled={pending}
      />
      <SlaEditor
        idPrefix="config"
        value={sla}
        onChange={(next) => {
          setSla(next);
          setErrors({});
        }}
        errors={errors}
        fields={fields}
        disabled={pending}
      />
      <Button type="submit" disabled={pending} data-testid="save-config">
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Saving…' : 'Save configuration'}
      </Button>
      {dialog}
    </form>
  );
}
