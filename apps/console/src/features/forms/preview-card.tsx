'use client';

import { checkRecord, evaluateForm } from '@ec3l/form-rules';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { errorMessage } from '@/lib/errors';
import { layoutOfCompiled } from '@/lib/forms';
import type { RecordType } from '@/lib/record-types';
import { liveDataOf, type RecordDraft, recordDraftOf } from '@/lib/records';
import { type FormRef, useCompiledForm } from '@/queries/forms';
import { useTenantRecordTypes } from '@/queries/records';
import { FormFields } from './form-fields';

/**
 * The compiled form (definition, active override, rules) as a record would see it, with sample data
 * typed into it: every keystroke applies the rules with `evaluateForm`, the function the server checks
 * writes with, and lists what a save would be refused for (`checkRecord`).
 */
export function PreviewCard({
  tenant,
  recordType,
  formRef,
}: {
  tenant: string;
  recordType: RecordType;
  formRef: FormRef;
}) {
  const compiled = useCompiledForm(tenant, formRef);
  const types = useTenantRecordTypes(tenant);
  const fields = recordType.schema.fields;
  const [draft, setDraft] = useState<RecordDraft>(() => recordDraftOf(fields));
  const layout = compiled.data ? layoutOfCompiled(compiled.data) : null;
  const data = liveDataOf(fields, draft);
  const states = layout ? evaluateForm(layout.view, data) : {};
  const violations = layout ? checkRecord(layout.view, { data }) : [];
  return (
    <Card aria-labelledby="preview-title" data-testid="preview-card">
      <CardHeader
        titleId="preview-title"
        title="Live preview"
        description="Type sample data: the rules apply as you type, exactly as the server applies them to records."
        actions={
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            onClick={() => setDraft(recordDraftOf(fields))}
          >
            Reset
          </Button>
        }
      />
      {compiled.isPending ? (
        <LoadingState label="Compiling the form…" />
      ) : compiled.isError ? (
        <ErrorState
          title="Could not compile the form"
          message={errorMessage(compiled.error)}
          onRetry={() => void compiled.refetch()}
        />
      ) : layout ? (
        <div className="space-y-4 px-5 py-4">
          {compiled.data.missingFields.length > 0 ? (
            <p className="text-sm text-amber-800">
              Placed fields the record type no longer has are left out:{' '}
              {compiled.data.missingFields.join(', ')}.
            </p>
          ) : null}
          <FormFields
            tenant={tenant}
            recordType={recordType}
            recordTypes={types.data ?? []}
            layout={layout}
            states={states}
            draft={draft}
            onChange={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
            errors={{}}
            disabled={false}
            showHidden
          />
          <div role="status" aria-live="polite" data-testid="preview-verdict">
            {violations.length === 0 ? (
              <p className="text-sm text-emerald-800">A record with this data would be accepted.</p>
            ) : (
              <div className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
                <p className="font-medium">A save would be refused:</p>
                <ul className="mt-1 list-disc pl-5">
                  {violations.map((v) => (
                    <li
                      key={`${v.field}:${v.rule}`}
                      data-testid="preview-violation"
                      data-field={v.field}
                      data-rule={v.rule}
                    >
                      {v.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>
      ) : null}
    </Card>
  );
}
