'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { SortableGroups } from '@/components/sortable-groups';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT, SelectField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { errorMessage } from '@/lib/errors';
import { type FormDefinition, type PlacedField, placementUpdates, sectionMoveUpdates } from '@/lib/forms';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import type { RecordType } from '@/lib/record-types';
import { applyMove, type Move, type SortGroup } from '@/lib/reorder';
import {
  useCreatePlacement,
  useCreateSection,
  useDeletePlacement,
  useDeleteSection,
  useFormLayout,
  useUpdatePlacements,
  useUpdateSections,
} from '@/queries/forms';
import { useCan } from '@/queries/me';

const SMALL = 'px-2 py-1 text-xs';

/**
 * The form definition's own layout: sections (add, rename, reorder, delete) and the fields placed in
 * them (add from the record type's fields, one or two columns, reorder and move between sections by
 * drag and drop or by keyboard, remove).
 */
export function LayoutCard({
  tenant,
  recordType,
  form,
  editable,
}: {
  tenant: string;
  recordType: RecordType;
  form: FormDefinition;
  editable: boolean;
}) {
  const layout = useFormLayout(tenant, form.id);
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const gate = allOf(
    editable ? { allowed: true, reason: undefined } : { allowed: false, reason: 'The form is retired' },
    formEdit,
  );
  const updatePlacements = useUpdatePlacements(tenant);
  const updateSections = useUpdateSections(tenant);
  const deleteSection = useDeleteSection(tenant);
  const deletePlacement = useDeletePlacement(tenant);
  const { confirm, dialog } = useConfirm();
  const labelOf = (name: string) => recordType.schema.fields.find((f) => f.name === name)?.label ?? name;

  const sections = layout.sections ?? [];
  const groups: SortGroup<PlacedField>[] = sections.map(({ section, placements }) => ({
    id: section.id,
    title: section.title,
    items: [...placements]
      .sort((a, b) => a.orderIndex - b.orderIndex)
      .map((p) => ({
        id: p.id,
        field: p.field,
        label: labelOf(p.field),
        column: p.column,
        orderIndex: p.orderIndex,
      })),
  }));
  const placed = new Set(groups.flatMap((g) => g.items.map((i) => i.field)));
  const busy = updatePlacements.isPending || updateSections.isPending || deleteSection.isPending;
  const failure =
    updatePlacements.error ?? updateSections.error ?? deleteSection.error ?? deletePlacement.error;
  const noteId = `layout-note-${form.id}`;

  const onMove = (move: Move) => {
    const updates = placementUpdates(groups, applyMove(groups, move));
    if (updates.length > 0) updatePlacements.mutate(updates);
  };

  return (
    <Card aria-labelledby="layout-title" data-testid="layout-card">
      {dialog}
      <CardHeader
        titleId="layout-title"
        title="Layout"
        description="Sections and the fields placed in them. Drag a field by its handle, or focus the handle and use the arrow keys."
      />
      {layout.isPending ? (
        <LoadingState label="Loading the layout…" />
      ) : layout.error ? (
        <ErrorState
          title="Could not load the layout"
          message={errorMessage(layout.error)}
          onRetry={layout.refetch}
        />
      ) : (
        <div className="space-y-4 px-5 py-4">
          {failure ? (
            <Alert tone="error" testId="layout-error">
              {errorMessage(failure)}
            </Alert>
          ) : null}
          {groups.length === 0 ? (
            <EmptyState
              testId="layout-empty"
              title="No sections yet"
              description="Add a section, then place the record type’s fields in it."
            />
          ) : (
            <SortableGroups
              label="Sections"
              testId="layout-groups"
              groups={groups}
              labelOf={(item) => item.label}
              onMove={onMove}
              disabled={!gate.allowed || busy}
              renderGroupActions={(group) => {
                const index = groups.findIndex((g) => g.id === group.id);
                return (
                  <SectionActions
                    title={group.title}
                    gate={gate}
                    noteId={noteId}
                    first={index === 0}
                    last={index === groups.length - 1}
                    onMove={(step) => updateSections.mutate(sectionMoveUpdates(groups, index, index + step))}
                    onRename={(title) => updateSections.mutate([{ formSectionId: group.id, title }])}
                    onDelete={() =>
                      confirm({
                        title: `Delete the section ${group.title}?`,
                        impact:
                          group.items.length > 0
                            ? `Its ${group.items.length} placed field${group.items.length === 1 ? '' : 's'} leave the form too (the record type keeps the fields and records keep their data).`
                            : 'The section is empty; nothing else changes.',
                        confirmLabel: 'Delete section',
                        destructive: true,
                        onConfirm: () => deleteSection.mutate(group.id),
                      })
                    }
                  />
                );
              }}
              renderItem={(item) => (
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm font-medium text-slate-900">{item.label}</span>
                  <span className="font-mono text-xs text-slate-500">{item.field}</span>
                  <span className="ml-auto flex items-center gap-2">
                    <select
                      aria-label={`Column of ${item.label}`}
                      className={INLINE_SELECT}
                      value={item.column === 2 ? 2 : 1}
                      disabled={!gate.allowed || busy}
                      onChange={(e) =>
                        updatePlacements.mutate([
                          { formPlacementId: item.id, column: Number(e.target.value) },
                        ])
                      }
                    >
                      <option value={1}>Column 1</option>
                      <option value={2}>Column 2</option>
                    </select>
                    <Button
                      variant="ghost"
                      className={`${SMALL} text-rose-700 hover:text-rose-800`}
                      disabled={!gate.allowed || busy}
                      aria-label={`Remove ${item.label} from the form`}
                      onClick={() =>
                        confirm({
                          title: `Remove ${item.label} from the form?`,
                          impact:
                            'The field leaves this form; the record type keeps it and records keep their data.',
                          confirmLabel: 'Remove',
                          destructive: true,
                          onConfirm: () => deletePlacement.mutate(item.id),
                        })
                      }
                    >
                      Remove
                    </Button>
                  </span>
                </div>
              )}
            />
          )}
          <div className="grid grid-cols-1 gap-4 border-t border-slate-100 pt-4 lg:grid-cols-2">
            <AddSectionForm
              tenant={tenant}
              form={form}
              gate={gate}
              nextIndex={Math.max(-1, ...sections.map((s) => s.section.orderIndex)) + 1}
            />
            <AddFieldForm
              tenant={tenant}
              recordType={recordType}
              groups={groups}
              placed={placed}
              gate={gate}
            />
          </div>
        </div>
      )}
      <PermissionNotes id={noteId} actions={[{ label: 'Editing the layout', gate }]} />
    </Card>
  );
}

function SectionActions({
  title,
  gate,
  noteId,
  first,
  last,
  onMove,
  onRename,
  onDelete,
}: {
  title: string;
  gate: ActionGate;
  noteId: string;
  first: boolean;
  last: boolean;
  onMove: (step: -1 | 1) => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [text, setText] = useState(title);
  if (renaming)
    return (
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '' && text.trim() !== title) onRename(text.trim());
          setRenaming(false);
        }}
      >
        <input
          aria-label={`New title of ${title}`}
          // biome-ignore lint/a11y/noAutofocus: the rename box opens on request and takes the focus the button had
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="w-40 rounded-md border-0 px-2 py-1 text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
        <Button type="submit" className={SMALL}>
          Save
        </Button>
        <Button variant="ghost" className={SMALL} onClick={() => setRenaming(false)}>
          Cancel
        </Button>
      </form>
    );
  return (
    <span className="flex flex-wrap gap-1">
      <GatedButton
        variant="ghost"
        className={SMALL}
        gate={gate}
        noteId={noteId}
        disabled={first}
        aria-label={`Move section ${title} up`}
        onClick={() => onMove(-1)}
      >
        Up
      </GatedButton>
      <GatedButton
        variant="ghost"
        className={SMALL}
        gate={gate}
        noteId={noteId}
        disabled={last}
        aria-label={`Move section ${title} down`}
        onClick={() => onMove(1)}
      >
        Down
      </GatedButton>
      <GatedButton
        variant="ghost"
        className={SMALL}
        gate={gate}
        noteId={noteId}
        aria-label={`Rename section ${title}`}
        onClick={() => {
          setText(title);
          setRenaming(true);
        }}
      >
        Rename
      </GatedButton>
      <GatedButton
        variant="ghost"
        className={`${SMALL} text-rose-700 hover:text-rose-800`}
        gate={gate}
        noteId={noteId}
        aria-label={`Delete section ${title}`}
        onClick={onDelete}
      >
        Delete
      </GatedButton>
    </span>
  );
}

function AddSectionForm({
  tenant,
  form,
  gate,
  nextIndex,
}: {
  tenant: string;
  form: FormDefinition;
  gate: ActionGate;
  nextIndex: number;
}) {
  const create = useCreateSection(tenant);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError('Give the section a title');
      return;
    }
    create.mutate(
      { formDefinitionId: form.id, title: title.trim(), orderIndex: nextIndex },
      {
        onSuccess: () => {
          setTitle('');
          setError(undefined);
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <form aria-label="Add a section" noValidate onSubmit={onSubmit} className="space-y-2">
      <TextField
        id="section-title"
        label="New section"
        value={title}
        error={error}
        placeholder="e.g. Details"
        onChange={(event) => setTitle(event.target.value)}
        autoComplete="off"
      />
      <GatedButton
        type="submit"
        variant="secondary"
        gate={gate}
        busy={create.isPending}
        data-testid="add-section"
      >
        Add section
      </GatedButton>
    </form>
  );
}

function AddFieldForm({
  tenant,
  recordType,
  groups,
  placed,
  gate,
}: {
  tenant: string;
  recordType: RecordType;
  groups: readonly SortGroup<PlacedField>[];
  placed: ReadonlySet<string>;
  gate: ActionGate;
}) {
  const create = useCreatePlacement(tenant);
  const free = recordType.schema.fields.filter((f) => !placed.has(f.name));
  const [field, setField] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [column, setColumn] = useState(1);
  const [error, setError] = useState<string | undefined>();
  const section = groups.find((g) => g.id === sectionId) ?? groups[0];
  const chosen = free.find((f) => f.name === field) ?? free[0];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!section || !chosen) return;
    create.mutate(
      {
        formSectionId: section.id,
        field: chosen.name,
        column,
        orderIndex: Math.max(-1, ...section.items.map((i) => i.orderIndex)) + 1,
      },
      { onSuccess: () => setError(undefined), onError: (e) => setError(errorMessage(e)) },
    );
  };
  const reason =
    groups.length === 0
      ? 'Add a section first'
      : free.length === 0
        ? 'Every field of the record type is on the form'
        : undefined;
  return (
    <form aria-label="Place a field" noValidate onSubmit={onSubmit} className="space-y-2">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <SelectField
          id="placement-field"
          label="Field"
          value={chosen?.name ?? ''}
          disabled={free.length === 0}
          error={error}
          onChange={(e) => setField(e.target.value)}
        >
          {free.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label ?? f.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="placement-section"
          label="Section"
          value={section?.id ?? ''}
          disabled={groups.length === 0}
          onChange={(e) => setSectionId(e.target.value)}
        >
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="placement-column"
          label="Column"
          value={column}
          onChange={(e) => setColumn(Number(e.target.value))}
        >
          <option value={1}>1</option>
          <option value={2}>2</option>
        </SelectField>
      </div>
      <GatedButton
        type="submit"
        variant="secondary"
        gate={allOf(reason ? { allowed: false, reason } : { allowed: true, reason: undefined }, gate)}
        busy={create.isPending}
        data-testid="add-placement"
      >
        Place field
      </GatedButton>
      {reason ? <p className="text-xs text-slate-600">{reason}.</p> : null}
    </form>
  );
}
