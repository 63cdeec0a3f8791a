'use client';

import { type ButtonHTMLAttributes, useId } from 'react';
import { type ActionGate, permissionNotes } from '@/lib/permissions';
import { Button } from './ui/button';
import { Spinner } from './ui/states';

/** A padlock: what the actor's permissions hold back. */
function LockIcon({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} fill="currentColor" aria-hidden="true">
      <path
        fillRule="evenodd"
        d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/**
 * Why the actor may not take an action, in the page (not only in a tooltip) and reachable by keyboard:
 * a focusable line the action's control points at with aria-describedby.
 */
function PermissionReason({ id, reason }: { id: string; reason: string | undefined }) {
  return (
    <span
      id={id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the reason of a disabled control must be reachable by keyboard, and a disabled button takes no focus
      tabIndex={0}
      data-testid="permission-reason"
      className="inline-flex items-center gap-1 rounded text-xs text-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <LockIcon className="size-3.5 shrink-0" />
      {reason}
    </span>
  );
}

type Variant = 'primary' | 'secondary' | 'ghost';

/**
 * A button behind an ActionGate: disabled while the gate refuses, with the reason as its title; when the
 * actor's permissions are what refuses, the reason is also shown under it (PermissionReason).
 */
export function GatedButton({
  gate,
  busy = false,
  spinning = false,
  variant = 'primary',
  noteId,
  disabled,
  children,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  gate: ActionGate;
  busy?: boolean;
  spinning?: boolean;
  variant?: Variant;
  /** A PermissionNotes block that already shows the reason: point at it instead of repeating it. */
  noteId?: string | undefined;
}) {
  const id = useId();
  const refusedByPermission = !gate.allowed && gate.permission !== undefined;
  const showReason = refusedByPermission && noteId === undefined;
  const button = (
    <Button
      variant={variant}
      disabled={!gate.allowed || busy || disabled}
      title={gate.reason}
      aria-describedby={refusedByPermission ? (noteId ?? id) : undefined}
      className={className}
      {...props}
    >
      {spinning ? (
        <Spinner className={variant === 'primary' ? 'size-4 text-white' : 'size-4 text-slate-500'} />
      ) : null}
      {children}
    </Button>
  );
  if (!showReason) return button;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {button}
      <PermissionReason id={id} reason={gate.reason} />
    </span>
  );
}

/**
 * One note under a row of gated buttons, saying which of them the actor's permissions hold back and
 * why; the buttons point at it with `noteId` (its `id`). Nothing renders when permissions hold none back.
 */
export function PermissionNotes({
  id,
  actions,
  className,
  testId = 'permission-note',
}: {
  id: string;
  actions: readonly { label: string; gate: ActionGate }[];
  className?: string;
  testId?: string;
}) {
  const notes = permissionNotes(actions);
  if (notes.length === 0) return null;
  return (
    <div
      id={id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the reasons of disabled buttons must be reachable by keyboard
      tabIndex={0}
      data-testid={testId}
      className={
        className ??
        'space-y-1 border-t border-amber-200 bg-amber-50 px-5 py-2.5 text-sm text-amber-900 focus-visible:outline-2 focus-visible:outline-indigo-600'
      }
    >
      {notes.map((note) => (
        <p key={note.reason} className="flex items-start gap-2">
          <LockIcon className="mt-0.5 size-4 shrink-0 text-amber-600" />
          <span>{note.text}</span>
        </p>
      ))}
    </div>
  );
}
