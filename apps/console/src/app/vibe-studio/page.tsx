import type { Metadata } from 'next';
import { VibeStudioView } from '@/features/vibe/vibe-studio-view';

export const metadata: Metadata = { title: 'Vibe Studio' };

export default function VibeStudioPage() {
  return <VibeStudioView />;
}
