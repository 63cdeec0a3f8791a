'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { NewPanel } from '@/components/new-panel';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { TextAreaField, TextField } from '@/components/ui/field';
import { EmptyState, LoadingState, Spinner } from '@/components/ui/states';
import { type ChoiceList, parseChoiceItems } from '@/lib/choice-lists';
import { cx } from '@/lib/cx';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import { plural } from '@/lib/format';
import { type ActionGate, PERMISSION } from '@/lib/permissions';
import {
  useAddChoiceItem,
  useChoiceItems,
  useChoiceLists,
  useCreateChoiceList,
} from '@/queries/choice-lists';
import { useCan } from '@/queries/me';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

/** The tenant's choice lists (the values a choice field offers), with their items. */
export function ChoiceListsPanel({ tenant }: { tenant: string }) {
  const lists = useChoiceLists(tenant);
  const can = useCan(tenant, PERMISSION.schemaEdit);
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <NewPanel
          label="New choice list"
          title="New choice list"
          description={`In tenant ${tenant}`}
          gate={can}
        >
          {() => <ChoiceListForm tenant={tenant} can={can} />}
        </NewPanel>
      </div>
      <Card aria-labelledby="choice-lists-title">
        <CardHeader
          titleId="choice-lists-title"
          title="Choice lists"
          description={
            lists.data
              ? `${plural(lists.data.length, 'list')} in ${tenant}; any record type's choice field can use them`
              : `Tenant ${tenant}`
          }
          actions={
            lists.isFetching && !lists.isPending ? <Spinner className="size-4 text-slate-500" /> : null
          }
        />
        {lists.isPending ? (
          <LoadingState label="Loading choice lists…" />
        ) : lists.isError ? (
          <QueryError
            tenant={tenant}
            error={lists.error}
            title="Could not load choice lists"
            onRetry={() => void lists.refetch()}
          />
        ) : lists.data.length === 0 ? (
          <EmptyState
            testId="choice-lists-empty"
            title="No choice lists yet"
            description="Create one with New choice list: a name and its items."
          />
        ) : (
          <ul className="divide-y divide-slate-100">
            {lists.data.map((list) => (
              <ChoiceListRow key={list.id} tenant={tenant} list={list} can={can} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function ChoiceListRow({ tenant, list, can }: { tenant: string; list: ChoiceList; can: ActionGate }) {
  const items = useChoiceItems(tenant, list.id);
  const add = useAddChoiceItem(tenant);
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (value.trim() === '') {
      setError('Give the item a value');
      return;
    }
    setError(null);
    const item = label.trim() ? { value: value.trim(), label: label.trim() } : { value: value.trim() };
    add.mutate(
      { listId: list.id, item },
      {
        onSuccess: () => {
          setValue('');
          setLabel('');
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  const disabled = !can.allowed || add.isPending;
  return (
    <li data-testid="choice-list" aria-label={`Choice list ${list.name}`} className="px-5 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium text-slate-900">{list.name}</h3>
        <Badge tone={list.status === 'active' ? 'emerald' : 'amber'}>{list.status}</Badge>
        <span className="ml-auto text-xs text-slate-500">
          created <When iso={list.createdAt} />
        </span>
      </div>
      {items.isPending ? (
        <p className="mt-2 text-sm text-slate-500">Loading items…</p>
      ) : items.isError ? (
        <p className="mt-2 text-sm text-rose-600">Could not load the items: {errorMessage(items.error)}</p>
      ) : items.data.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No items yet</p>
      ) : (
        <ul aria-label={`Items of ${list.name}`} className="mt-2 flex flex-wrap gap-1.5">
          {items.data.map((item) => (
            <li
              key={item.id}
              data-testid="choice-item"
              className={cx(
                'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs ring-1 ring-inset',
                item.isActive
                  ? 'bg-indigo-50 text-indigo-800 ring-indigo-600/20'
                  : 'bg-slate-50 text-slate-500 ring-slate-300',
              )}
            >
              <span className="font-mono">{item.value}</span>
              {item.label !== item.value ? <span className="text-indigo-600/80">{item.label}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label={`Add an item to ${list.name}`}
        noValidate
        onSubmit={onAdd}
        className="mt-3 flex flex-wrap gap-2"
      >
        <input
          aria-label={`Value of the new item of ${list.name}`}
          placeholder="value"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          disabled={disabled}
          title={can.reason}
          className="w-36 rounded-md border-0 px-2.5 py-1 font-mono text-xs shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50"
        />
        <input
          aria-label={`Label of the new item of ${list.name}`}
          placeholder="Label (optional)"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          disabled={disabled}
          title={can.reason}
          className="w-44 rounded-md border-0 px-2.5 py-1 text-xs shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50"
        />
        <Button
          type="submit"
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          disabled={disabled}
          title={can.reason}
        >
          Add item
        </Button>
        {error ? (
          <p role="alert" className="w-full text-xs text-rose-600">
            {error}
          </p>
        ) : null}
      </form>
    </li>
  );
}

function ChoiceListForm({ tenant, can }: { tenant: string; can: ActionGate }) {
  const create = useCreateChoiceList(tenant);
  const [name, setName] = useState('');
  const [itemsText, setItemsText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'name' | 'items' | '_form', string>>>({});
  const [created, setCreated] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const next: typeof errors = {};
    if (name.trim() === '') next.name = 'Name is required';
    const parsed = parseChoiceItems(itemsText);
    if (!parsed.ok) next.items = parsed.error;
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.ok) return;
    create.mutate(
      { name: name.trim(), items: parsed.items },
      {
        onSuccess: (list) => {
          setCreated(`${list.name} with ${plural(parsed.items.length, 'item')}`);
          setName('');
          setItemsText('');
        },
        onError: (error) => setErrors(formErrorsFrom(error, ['name', 'items'] as const)),
      },
    );
  };

  const disabled = !can.allowed || create.isPending;
  return (
    <form aria-label="Create choice list" noValidate onSubmit={onSubmit} className="space-y-4 px-5 py-5">
      {errors._form ? (
        <Alert tone="error" testId="choice-list-form-error">
          {errors._form}
        </Alert>
      ) : null}
      {created ? (
        <Alert tone="success" testId="choice-list-form-success">
          Created {created}.
        </Alert>
      ) : null}
      <TextField
        id="choice-list-name"
        label="Name"
        placeholder="Priorities"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setErrors((prev) => ({ ...prev, name: undefined, _form: undefined }));
        }}
        error={errors.name}
        disabled={disabled}
        autoComplete="off"
        hint="Unique in the tenant"
      />
      <TextAreaField
        id="choice-list-items"
        label="Items"
        placeholder={'p1 = Critical\np2 = High\np3'}
        value={itemsText}
        onChange={(event) => {
          setItemsText(event.target.value);
          setErrors((prev) => ({ ...prev, items: undefined }));
        }}
        error={errors.items}
        disabled={disabled}
        rows={5}
        className="font-mono"
        hint="One per line: value, or value = Label"
      />
      <GatedButton type="submit" gate={can} busy={disabled} className="w-full">
        {create.isPending ? <Spinner className="size-4 text-white" /> : null}
        {create.isPending ? 'Creating…' : 'Create choice list'}
      </GatedButton>
    </form>
  );
}
