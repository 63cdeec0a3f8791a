import { redirect } from 'next/navigation';
import { FIRST_ADMIN_SECTION } from '@/lib/admin';

/** /admin opens the first section. */
export default function AdminIndexPage() {
  redirect(`/admin/${FIRST_ADMIN_SECTION}`);
}
