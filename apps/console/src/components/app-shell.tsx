'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cx } from '@/lib/cx';
import { ADMIN_VIEW, hasPermission, type Me } from '@/lib/permissions';
import { useIdentity } from '@/providers/identity';
import { useMe } from '@/queries/me';
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
  {
    href: '/changes',
    label: 'Changes',
    // A pull request: two commits on a branch and the arrow merging into the third.
    icon: icon(
      'M8.25 6a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0Zm0 12a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0Zm12 0a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0ZM6 8.25v7.5m12 0V9a3 3 0 0 0-3-3h-4.5m0 0 2.25-2.25M10.5 6l2.25 2.25',
    ),
    match: (path) => path === '/changes' || path.startsWith('/changes/'),
  },
];

/** Tools, each shown only to an actor holding its permission. */
const TOOLS: (NavItem & { permission: string })[] = [
  {
    href: '/admin',
    label: 'Admin',
    permission: ADMIN_VIEW,
    icon: icon(
      'M9 12.75 11.25 15 15 9.75m-3-7.04A11.96 11.96 0 0 1 3.6 6 12 12 0 0 0 3 9.75c0 5.59 3.82 10.29 9 11.62 5.18-1.33 9-6.03 9-11.62 0-1.31-.21-2.57-.6-3.75h-.15c-3.2 0-6.1-1.25-8.25-3.29Z',
    ),
    match: (path) => path === '/admin' || path.startsWith('/admin/'),
  },
];

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  return (
    <Link
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
}

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? '/';
  const { tenant } = useIdentity();
  const tenantSlug = tenant.status === 'ready' ? tenant.slug : null;
  const me = useMe(tenantSlug);
  // Hidden until the actor is known to hold the permission: never offered, then taken away.
  const tools = TOOLS.filter((item) => hasPermission(me.data, item.permission));
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      {/* The dark column runs the page's full height; the sidebar inside it stays in view. */}
      <div className="shrink-0 bg-slate-900 md:w-60">
        <aside className="flex flex-col text-slate-300 md:sticky md:top-0 md:h-screen">
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
            {NAV.map((item) => (
              <NavLink key={item.href} item={item} active={item.match(pathname)} />
            ))}
            {tools.length > 0 ? (
              <>
                <p className="hidden px-3 pt-5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase md:block">
                  Tools
                </p>
                {tools.map((item) => (
                  <NavLink key={item.href} item={item} active={item.match(pathname)} />
                ))}
              </>
            ) : null}
          </nav>
          <div className="mt-auto">
            {me.data && tenantSlug ? <ActorSummary me={me.data} tenant={tenantSlug} /> : null}
            <p className="hidden px-5 py-4 text-xs text-slate-500 md:block">
              Multi-tenant control plane for enterprise configuration
            </p>
          </div>
        </aside>
      </div>
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

/** Who the console acts as, and with which roles, as the gateway sees it (GET /api/rbac/me). */
function ActorSummary({ me, tenant }: { me: Me; tenant: string }) {
  const active = me.roles.filter((role) => role.status === 'active');
  return (
    <div
      data-testid="actor-summary"
      className="mx-3 hidden rounded-lg bg-slate-800/60 px-3 py-2.5 ring-1 ring-white/5 md:block"
    >
      <p className="text-xs text-slate-400">Acting as</p>
      <p className="truncate text-sm font-medium text-white" data-testid="actor-id">
        {me.actorId ?? 'anonymous'}
      </p>
      <p className="mt-0.5 truncate text-xs text-slate-400">
        {active.length > 0 ? active.map((role) => role.name).join(', ') : `No roles in ${tenant}`}
      </p>
    </div>
  );
}
