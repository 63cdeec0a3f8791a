'use client';

import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadingState } from '@/components/ui/states';
import {
  EMPTY_EXPLAIN_FORM,
  type ExplainFormField,
  type ExplainFormValues,
  type ExplainQuery,
  RESOURCE_TYPES,
  toExplainQuery,
} from '@/lib/access-forms';
import { cx } from '@/lib/cx';
import { errorCode, formErrorsFrom } from '@/lib/errors';
import { describeRule, type Explanation } from '@/lib/permissions';
import { useExplain, usePermissions } from '@/queries/rbac';
import { QueryError } from './forbidden-state';

type Errors = Partial<Record<ExplainFormField, string>>;

/** "Would this user be allowed?": the gateway's decision for any user, with the rule behind it. */
export function ExplainCard({ tenant }: { tenant: string }) {
  const catalog = usePermissions(tenant);
  const [values, setValues] = useState<ExplainFormValues>(EMPTY_EXPLAIN_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [asked, setAsked] = useState<ExplainQuery | null>(null);
  const explanation = useExplain(tenant, asked);

  const set = (field: ExplainFormField) => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: event.target.value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = toExplainQuery(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setAsked(parsed.query);
  };

  // The gateway checks the question too (a 400 names the query parameter at fault).
  const invalid = explanation.isError && errorCode(explanation.error) === 'VALIDATION_ERROR';

  return (
    <>
      <CardHeader
        titleId="explain-title"
        title="Explain"
        description="Would a user be allowed, and by which rule? Nothing is recorded."
      />
      <form aria-label="Explain access" noValidate onSubmit={onSubmit} className="space-y-4 px-5 py-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="explain-user"
            label="User ID"
            placeholder="rita"
            value={values.userId}
            onChange={set('userId')}
            error={errors.userId}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            id="explain-permission"
            label="Permission"
            value={values.permission}
            onChange={set('permission')}
            error={errors.permission}
          >
            <option value="">Choose…</option>
            {(catalog.data ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="explain-resource-type"
            label="Resource type"
            value={values.resourceType}
            onChange={set('resourceType')}
            error={errors.resourceType}
            hint="Optional"
          >
            <option value="">Any</option>
            {RESOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </SelectField>
          <TextField
            id="explain-resource-id"
            label="Resource ID"
            placeholder="All of the type"
            value={values.resourceId}
            onChange={set('resourceId')}
            error={errors.resourceId}
            hint="Optional"
            autoComplete="off"
          />
        </div>
        <Button type="submit" variant="secondary" className="w-full">
          Explain
        </Button>
      </form>
      {asked ? (
        <div className="border-t border-slate-100 px-5 py-5">
          {explanation.isPending ? (
            <LoadingState label="Asking the gateway…" />
          ) : explanation.isError ? (
            invalid ? (
              <Alert tone="error" testId="explain-error">
                {formErrorsFrom(explanation.error, [])._form}
              </Alert>
            ) : (
              <QueryError
                tenant={tenant}
                error={explanation.error}
                title="Could not explain"
                onRetry={() => void explanation.refetch()}
              />
            )
          ) : (
            <ExplanationResult explanation={explanation.data} />
          )}
        </div>
      ) : null}
    </>
  );
}

function ExplanationResult({ explanation }: { explanation: Explanation }) {
  const allowed = explanation.outcome === 'allow';
  const resource = explanation.resourceType
    ? ` on ${explanation.resourceType} ${explanation.resourceId ?? '(any)'}`
    : '';
  return (
    <div
      data-testid="explain-result"
      className={cx(
        'rounded-lg p-4 ring-1 ring-inset',
        allowed ? 'bg-emerald-50/60 ring-emerald-600/20' : 'bg-rose-50/60 ring-rose-600/20',
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={allowed ? 'emerald' : 'rose'}>{allowed ? 'Allowed' : 'Denied'}</Badge>
        <p className="text-sm font-medium text-slate-900">
          {explanation.userId} is {allowed ? 'allowed' : 'not allowed'}{' '}
          <span className="font-mono text-[13px]">{explanation.permission}</span>
          {resource}
        </p>
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Reason</dt>
        <dd className="text-slate-900" data-testid="explain-reason">
          {explanation.reason}
        </dd>
        <dt className="text-slate-500">Rule</dt>
        <dd className="text-slate-900">
          {describeRule(explanation.rule)}
          {explanation.code ? (
            <span className="ml-2 font-mono text-xs text-slate-500">{explanation.code}</span>
          ) : null}
        </dd>
      </dl>
    </div>
  );
}
