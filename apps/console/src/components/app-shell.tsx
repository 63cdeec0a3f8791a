'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cx } from '@/lib/cx';
import { TenantSwitcher } from './tenant-switcher';
import { UserIdInput } from './user-id-input';

type NavItem = { href: string; label: string; icon: ReactNode; match: (path: string) => boolean };

const icon = (d: string) => (
  <svg
    viewBox="0 0 24 24"
    className="size-5 shrink-0"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.7"
    aria-hidden="true"
  >
    <path strokeLinecap="round" strokeLinejoin="round" d={d} />
  </svg>
);

/** Only pages that work are listed. */
const NAV: NavItem[] = [
  {
    href: '/',
    label: 'Dashboard',
    icon: icon('M3 12 12 3l9 9M5 10v10h5v-6h4v6h5V10'),
    match: (path) => path === '/',
  },
  {
    href: '/projects',
    label: 'Projects',
    icon: icon('M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z'),
    match: (path) => path === '/projects' || path.startsWith('/projects/'),
  },
];

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? '/';
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col bg-slate-900 text-slate-300 md:sticky md:top-0 md:h-screen md:w-60">
        <Link href="/" className="flex items-center gap-2.5 px-5 py-5 text-white">
          <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-500 text-sm font-bold">
            E3
          </span>
          <span className="leading-tight">
            <span className="block text-sm font-semibold">EC3L</span>
            <span className="block text-xs text-slate-400">Admin console</span>
          </span>
        </Link>
        <nav aria-label="Navigation" className="flex gap-1 px-3 pb-3 md:flex-col">
          {NAV.map((item) => {
            const active = item.match(pathname);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors',
                  active ? 'bg-slate-800 text-white' : 'hover:bg-slate-800/60 hover:text-white',
                )}
              >
                {item.icon}
                {item.label}
              </Link>
            );
          })}
        </nav>
        <p className="mt-auto hidden px-5 py-4 text-xs text-slate-500 md:block">
          Multi-tenant control plane for enterprise configuration
        </p>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3 md:px-8">
          <TenantSwitcher />
          <UserIdInput />
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8 md:px-8">{children}</main>
      </div>
    </div>
  );
}
