'use client';

import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * Returns `focusInvalid()`: call it when a submit comes back with field errors (set in the same turn);
 * once they render, focus moves to the form's first invalid control (`aria-invalid="true"`, which the
 * field components set), so the user lands on what to fix. Typing later never moves focus.
 */
export const useFocusFirstInvalid = (form: RefObject<HTMLFormElement | null>) => {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, form]);
  return useCallback(() => setRequest((n) => n + 1), []);
};
