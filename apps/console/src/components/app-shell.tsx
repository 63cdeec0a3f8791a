'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import { cx } from '@/lib/cx';
import { ADMIN_VIEW, hasPermission, type Me, PERMISSION } from '@/lib/permissions';
import { useIdentity } from '@/providers/identity';
import { useMe } from '@/queries/me';
import { usePermissions } from '@/queries/rbac';
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
  {
    href: '/records',
    label: 'Records',
    // A stack of rows: a table of records.
    icon: icon('M4 6h16M4 10h16M4 14h16M4 18h16'),
    match: (path) => path === '/records' || path.startsWith('/records/'),
  },
  {
    href: '/workflows',
    label: 'Workflows',
    // Three steps joined by arrows.
    icon: icon('M4 5h5v4H4zM15 15h5v4h-5zM4 15h5v4H4zM9 7h4a2 2 0 0 1 2 2v6M9 17h6'),
    match: (path) => path === '/workflows' || path.startsWith('/workflows/'),
  },
  {
    href: '/workflow-monitor',
    label: 'Workflow monitor',
    // A pulse line.
    icon: icon('M3 12h4l2-6 4 12 2-6h6'),
    match: (path) => path === '/workflow-monitor',
  },
  {
    href: '/templates',
    label: 'Templates',
    // A grid of four tiles.
    icon: icon('M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z'),
    match: (path) => path === '/templates',
  },
  {
    href: '/skills',
    label: 'Agent skills',
    // A puzzle piece.
    icon: icon(
      'M10 4a2 2 0 1 1 4 0v2h4v4h-2a2 2 0 1 0 0 4h2v4h-4v-2a2 2 0 1 0-4 0v2H6v-4h2a2 2 0 1 0 0-4H6V6h4V4Z',
    ),
    match: (path) => path === '/skills',
  },
  {
    href: '/runner',
    label: 'Runner',
    // A play button in a terminal.
    icon: icon('M4 5h16v14H4zM10 9l5 3-5 3V9Z'),
    match: (path) => path === '/runner',
  },
];

/** Tools, each shown only to an actor holding its permission. */
const TOOLS: (NavItem & { permission: string })[] = [
  {
    href: '/packages',
    label: 'Packages',
    permission: ADMIN_VIEW,
    // A box.
    icon: icon('M3 7.5 12 3l9 4.5-9 4.5-9-4.5Zm0 0V16.5L12 21l9-4.5V7.5M12 12v9'),
    match: (path) => path === '/packages',
  },
  {
    href: '/promotion',
    label: 'Promotion',
    permission: ADMIN_VIEW,
    // Three stages with an arrow rising through them.
    icon: icon('M4 19h4v-4H4zM10 19h4v-8h-4zM16 19h4V7h-4zM5 11l5-5 3 3 6-6M15 3h4v4'),
    match: (path) => path === '/promotion',
  },
  {
    href: '/studio/forms',
    label: 'Form Studio',
    permission: PERMISSION.formView,
    // A pen nib over a line: authoring forms.
    icon: icon('m15 5 4 4M4 20l1-4L16.5 4.5a2.1 2.1 0 0 1 3 3L8 19l-4 1ZM13 20h7'),
    match: (path) => path === '/studio/forms' || path.startsWith('/studio/forms/'),
  },
  {
    href: '/admin',
    label: 'Admin',
    permission: ADMIN_VIEW,
    icon: icon(
      'M9 12.75 11.25 15 15 9.75m-3-7.04A11.96 11.96 0 0 1 3.6 6 12 12 0 0 0 3 9.75c0 5.59 3.82 10.29 9 11.62 5.18-1.33 9-6.03 9-11.62 0-1.31-.21-2.57-.6-3.75h-.15c-3.2 0-6.1-1.25-8.25-3.29Z',
    ),
    match: (path) => path === '/admin' || path.startsWith('/admin/'),
  },
  {
    href: '/vibe-studio',
    label: 'Vibe Studio',
    permission: PERMISSION.vibeAuthor,
    // Sparkles: one large four-pointed star and a small one.
    icon: icon(
      'M9 4l1.6 4.4L15 10l-4.4 1.6L9 16l-1.6-4.4L3 10l4.4-1.6L9 4Zm9 10 .8 2.2L21 17l-2.2.8L18 20l-.8-2.2L15 17l2.2-.8L18 14Z',
    ),
    match: (path) => path === '/vibe-studio',
  },
];

/**
 * The sidebar's width: `auto` is icons only below 1024 px and full above; the toggle pins it open or
 * closed (kept in localStorage).
 */
type SidebarMode = 'auto' | 'collapsed' | 'expanded';
const SIDEBAR_KEY = 'ec3l.sidebar';
const WIDE = '(min-width: 1024px)';

const WIDTH: Record<SidebarMode, string> = { auto: 'w-16 lg:w-60', collapsed: 'w-16', expanded: 'w-60' };
/** Labels next to icons: hidden (still read by screen readers) when the sidebar is narrow. */
const LABEL: Record<SidebarMode, string> = {
  auto: 'sr-only lg:not-sr-only',
  collapsed: 'sr-only',
  expanded: '',
};
/** Blocks shown only in a wide sidebar. */
const WIDE_ONLY: Record<SidebarMode, string> = {
  auto: 'hidden lg:block',
  collapsed: 'hidden',
  expanded: 'block',
};

const useSidebarMode = () => {
  const [mode, setMode] = useState<SidebarMode>('auto');
  useEffect(() => {
    const stored = window.localStorage.getItem(SIDEBAR_KEY);
    if (stored === 'collapsed' || stored === 'expanded') setMode(stored);
  }, []);
  const expanded = () => (mode === 'auto' ? window.matchMedia(WIDE).matches : mode === 'expanded');
  const toggle = () => {
    const next: SidebarMode = expanded() ? 'collapsed' : 'expanded';
    window.localStorage.setItem(SIDEBAR_KEY, next);
    setMode(next);
  };
  return { mode, toggle };
};

function NavLink({ item, active, mode }: { item: NavItem; active: boolean; mode: SidebarMode }) {
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      title={item.label}
      className={cx(
        'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400',
        active ? 'bg-slate-800 text-white' : 'hover:bg-slate-800/60 hover:text-white',
      )}
    >
      {item.icon}
      <span className={LABEL[mode]}>{item.label}</span>
    </Link>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? '/';
  const { tenant } = useIdentity();
  const tenantSlug = tenant.status === 'ready' ? tenant.slug : null;
  const me = useMe(tenantSlug);
  const catalog = usePermissions(tenantSlug ?? '', tenantSlug !== null);
  const { mode, toggle } = useSidebarMode();
  // Hidden until the actor is known to hold the permission: never offered, then taken away.
  const tools = TOOLS.filter((item) =>
    hasPermission(
      me.data,
      item.permission,
      catalog.data?.map((p) => p.name),
    ),
  );
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-semibold text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      {/* The dark column runs the page's full height; the sidebar inside it stays in view. */}
      <div className={cx('shrink-0 bg-slate-900 transition-[width]', WIDTH[mode])} data-testid="sidebar">
        <aside className="sticky top-0 flex h-screen flex-col overflow-y-auto text-slate-300">
          <Link href="/" className="flex items-center gap-2.5 px-4 py-5 text-white">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-indigo-500 text-sm font-bold">
              E3
            </span>
            <span className={cx('leading-tight', LABEL[mode])}>
              <span className="block text-sm font-semibold">EC3L</span>
              <span className="block text-xs text-slate-400">Admin console</span>
            </span>
          </Link>
          <nav aria-label="Navigation" className="flex flex-col gap-1 px-2 pb-3">
            {NAV.map((item) => (
              <NavLink key={item.href} item={item} active={item.match(pathname)} mode={mode} />
            ))}
            {tools.length > 0 ? (
              <>
                <p
                  className={cx(
                    'px-3 pt-5 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase',
                    WIDE_ONLY[mode],
                  )}
                >
                  Tools
                </p>
                {tools.map((item) => (
                  <NavLink key={item.href} item={item} active={item.match(pathname)} mode={mode} />
                ))}
              </>
            ) : null}
          </nav>
          <div className="mt-auto">
            {me.data && tenantSlug ? (
              <ActorSummary me={me.data} tenant={tenantSlug} className={WIDE_ONLY[mode]} />
            ) : null}
            <p className={cx('px-5 py-4 text-xs text-slate-400', WIDE_ONLY[mode])}>
              Multi-tenant control plane for enterprise configuration
            </p>
          </div>
        </aside>
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white/95 px-4 py-2.5 backdrop-blur md:px-6">
          <button
            type="button"
            onClick={toggle}
            data-testid="sidebar-toggle"
            aria-label="Toggle navigation"
            className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <svg
              viewBox="0 0 24 24"
              className="size-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.7"
              aria-hidden="true"
            >
              <path strokeLinecap="round" d="M4 6h16M4 12h16M4 18h16" />
            </svg>
          </button>
          <p className="min-w-0 truncate text-sm text-slate-600" data-testid="current-tenant">
            Tenant <span className="font-semibold text-slate-900">{tenantSlug ?? '…'}</span>
          </p>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
            <TenantSwitcher />
            <UserIdInput />
          </div>
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none md:px-8 md:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}

/** Who the console acts as, and with which roles, as the gateway sees it (GET /api/rbac/me). */
function ActorSummary({ me, tenant, className }: { me: Me; tenant: string; className: string }) {
  const active = me.roles.filter((role) => role.status === 'active');
  return (
    <div
      data-testid="actor-summary"
      className={cx('mx-3 rounded-lg bg-slate-800/60 px-3 py-2.5 ring-1 ring-white/5', className)}
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
