import type { Metadata } from 'next';
import { SkillsView } from '@/features/agents/skills-view';

export const metadata: Metadata = { title: 'Agent skills' };

export default function SkillsPage() {
  return <SkillsView />;
}
