import type { Metadata } from 'next';
import { PromotionView } from '@/features/promotion/promotion-view';

export const metadata: Metadata = { title: 'Promotion' };

export default function PromotionPage() {
  return <PromotionView />;
}
