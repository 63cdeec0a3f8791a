import type { ReactNode } from 'react';
import { cx } from '@/lib/cx';

const TONES = {
  error: 'border-rose-200 bg-rose-50 text-rose-700',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  info: 'border-slate-200 bg-slate-50 text-slate-600',
} as const;

/** A message about a form as a whole: the server's refusal (role=alert) or what it did (role=status). */
export function Alert({
  tone,
  testId,
  children,
  className,
}: {
  tone: keyof typeof TONES;
  testId?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      className={cx('rounded-md border px-3 py-2 text-sm', TONES[tone], className)}
    >
      {children}
    </div>
  );
}
