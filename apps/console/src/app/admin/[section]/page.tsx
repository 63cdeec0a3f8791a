import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminView } from '@/features/admin/admin-view';
import { ADMIN_SECTIONS, adminSectionLabel, isAdminSection } from '@/lib/admin';

// Only the listed sections exist; any other /admin/x is the not-found page.
export const dynamicParams = false;

export const generateStaticParams = () => ADMIN_SECTIONS.map((section) => ({ section: section.key }));

export async function generateMetadata({
  params,
}: {
  params: Promise<{ section: string }>;
}): Promise<Metadata> {
  const { section } = await params;
  return { title: isAdminSection(section) ? `${adminSectionLabel(section)} · Admin` : 'Admin' };
}

export default async function AdminSectionPage({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  if (!isAdminSection(section)) notFound();
  return <AdminView section={section} />;
}
