import type { Metadata } from 'next';
import { ProjectDetailView } from '@/features/projects/project-detail-view';
import { isProjectTab } from '@/lib/project-tabs';

export const metadata: Metadata = { title: 'Project' };

export default async function ProjectPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  const { id } = await params;
  const { tab } = await searchParams;
  const initial = typeof tab === 'string' ? tab : undefined;
  return <ProjectDetailView id={id} initialTab={isProjectTab(initial) ? initial : 'environments'} />;
}
