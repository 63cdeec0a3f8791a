export const DRAFT_STATUSES = ['draft', 'previewed', 'installed', 'discarded'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export type DraftAction =
  | 'refine'
  | 'patch'
  | 'restore'
  | 'adopt_variant'
  | 'preview'
  | 'install'
  | 'discard';

/**
 * The draft lifecycle: package mutations (refine, patch, restore, adopt variant) go back to `draft`,
 * preview to `previewed`, install only from `previewed`; `installed` and `discarded` are terminal.
 * The next status, or null when the action is refused.
 */
export const nextStatus = (status: DraftStatus, action: DraftAction): DraftStatus | null => {
  if (status === 'installed' || status === 'discarded') return null;
  switch (action) {
    case 'install':
      return status === 'previewed' ? 'installed' : null;
    case 'discard':
      return 'discarded';
    case 'preview':
      return 'previewed';
    default:
      return 'draft';
  }
};
