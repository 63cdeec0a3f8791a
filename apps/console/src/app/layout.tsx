import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { IdentityProvider } from '@/providers/identity';
import { QueryProvider } from '@/providers/query';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · EC3L', default: 'EC3L Console' },
  description: 'Admin console for EC3L, the multi-tenant control plane for enterprise configuration.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-slate-50 text-slate-900 antialiased">
        <QueryProvider>
          <IdentityProvider>
            <AppShell>{children}</AppShell>
          </IdentityProvider>
        </QueryProvider>
      </body>
    </html>
  );
}
