'use client';

import { type ReactNode, useState } from 'react';
import type { ActionGate } from '@/lib/permissions';
import { GatedButton } from './gated-button';
import { SlideOver } from './ui/modal';

/**
 * A "New …" button that opens its form in a slide-over panel, so the list beside it keeps the page's
 * width. The button follows `gate` (disabled with its reason when the actor may not create). `children`
 * gets `close` to shut the panel (e.g. after the form opened what it created).
 */
export function NewPanel({
  label,
  title,
  description,
  gate,
  children,
  testId,
}: {
  label: string;
  title: string;
  description?: ReactNode;
  gate: ActionGate;
  children: (close: () => void) => ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <GatedButton gate={gate} onClick={() => setOpen(true)} data-testid={testId}>
        <span aria-hidden="true">+</span> {label}
      </GatedButton>
      <SlideOver open={open} title={title} description={description} onClose={close}>
        {children(close)}
      </SlideOver>
    </>
  );
}
