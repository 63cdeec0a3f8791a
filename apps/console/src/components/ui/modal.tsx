'use client';

import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { cx } from '@/lib/cx';
import { Button } from './button';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * While `open`: focus moves into `ref` (its `[data-autofocus]` element, else its first field, else its
 * first focusable one),
 * Tab and Shift+Tab cycle inside it, Escape calls `onEscape`, and the page behind cannot scroll. On close,
 * focus returns to the element that had it before.
 */
const useFocusTrap = (ref: RefObject<HTMLElement | null>, open: boolean, onEscape: () => void) => {
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;
  useEffect(() => {
    if (!open) return;
    const container = ref.current;
    if (!container) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusables = () =>
      Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
    // A marked element first, else the first field (a form's), else the first focusable one.
    const field = focusables().find((el) => el.matches('input, select, textarea'));
    (
      container.querySelector<HTMLElement>('[data-autofocus]') ??
      field ??
      focusables()[0] ??
      container
    ).focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscapeRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const list = focusables();
      if (list.length === 0) {
        event.preventDefault();
        return;
      }
      const first = list[0]!;
      const last = list[list.length - 1]!;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !container.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !container.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.body.style.overflow = overflow;
      if (before?.isConnected) before.focus();
    };
  }, [open, ref]);
};

/**
 * Renders into document.body. Dialogs open only after a user action, never during server rendering or
 * hydration, so the portal exists in the same commit as the dialog and the focus trap finds it.
 */
function Portal({ children }: { children: ReactNode }) {
  return typeof document === 'undefined' ? null : createPortal(children, document.body);
}

export type ConfirmRequest = {
  /** The question, e.g. "Merge this change?" */
  title: string;
  /** What happens, in the dialog's body: the impact the user confirms. */
  impact: ReactNode;
  /** The confirm button's label, e.g. "Merge". */
  confirmLabel: string;
  /** When set, the confirm button stays disabled until this exact text is typed. */
  typeToConfirm?: string | null | undefined;
  /** Destructive actions get a red confirm button. */
  destructive?: boolean;
  onConfirm: () => void;
};

/**
 * A modal confirmation for destructive or irreversible actions: labelled by its title, described by its
 * impact, focus kept inside, Escape or Cancel closes it without acting. Focus starts on Cancel (or on
 * the text box when a key must be typed), so Enter never confirms by accident.
 */
function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const [typed, setTyped] = useState('');
  const open = request !== null;
  useFocusTrap(ref, open, onClose);
  useEffect(() => {
    if (open) setTyped('');
  }, [open]);
  if (!request) return null;
  const needed = request.typeToConfirm ?? null;
  const ready = needed === null || typed.trim() === needed;
  return (
    <Portal>
      <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4">
        <div
          ref={ref}
          role="alertdialog"
          aria-modal="true"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-impact`}
          data-testid="confirm-dialog"
          className="w-full max-w-lg rounded-xl bg-white shadow-xl ring-1 ring-slate-200"
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!ready) return;
              onClose();
              request.onConfirm();
            }}
          >
            <div className="px-5 pt-5">
              <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
                {request.title}
              </h2>
              <div id={`${id}-impact`} className="mt-2 space-y-2 text-sm text-slate-700">
                {request.impact}
              </div>
              {needed !== null ? (
                <div className="mt-4">
                  <label htmlFor={`${id}-typed`} className="block text-sm font-medium text-slate-700">
                    Type <span className="font-mono font-semibold text-slate-900">{needed}</span> to confirm
                  </label>
                  <input
                    id={`${id}-typed`}
                    data-autofocus
                    autoComplete="off"
                    spellCheck={false}
                    value={typed}
                    onChange={(event) => setTyped(event.target.value)}
                    className="mt-1.5 block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
                  />
                </div>
              ) : null}
            </div>
            <div className="mt-5 flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
              <Button
                variant="secondary"
                onClick={onClose}
                data-autofocus={needed === null ? true : undefined}
              >
                Cancel
              </Button>
              <Button
                type="submit"
                disabled={!ready}
                className={cx(request.destructive && 'bg-rose-600 hover:bg-rose-500 disabled:bg-rose-300')}
              >
                {request.confirmLabel}
              </Button>
            </div>
          </form>
        </div>
      </div>
    </Portal>
  );
}

/** `confirm(request)` opens the dialog; render `dialog` once in the component. */
export const useConfirm = () => {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  return {
    confirm: setRequest,
    dialog: <ConfirmDialog request={request} onClose={() => setRequest(null)} />,
  };
};

/**
 * A panel sliding in from the right for a "New …" form, so lists keep the page's width. A modal dialog
 * labelled by its title; Escape or Close shuts it.
 */
export function SlideOver({
  open,
  title,
  description,
  onClose,
  children,
  testId,
}: {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useFocusTrap(ref, open, onClose);
  if (!open) return null;
  return (
    <Portal>
      <div className="fixed inset-0 z-50 flex justify-end bg-slate-900/40">
        <button
          type="button"
          tabIndex={-1}
          aria-hidden="true"
          className="flex-1 cursor-default"
          onClick={onClose}
        />
        <div
          ref={ref}
          role="dialog"
          aria-modal="true"
          aria-labelledby={`${id}-title`}
          data-testid={testId}
          className="flex h-full w-full max-w-md flex-col overflow-y-auto bg-white shadow-xl"
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
            <div>
              <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
                {title}
              </h2>
              {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
            </div>
            <Button variant="ghost" className="px-2 py-1" onClick={onClose} aria-label={`Close ${title}`}>
              <span aria-hidden="true">✕</span>
            </Button>
          </div>
          <div className="flex-1">{children}</div>
        </div>
      </div>
    </Portal>
  );
}
