/** The tabs of a project's page; `?tab=` opens one (links back from a record type open its tab). */
const PROJECT_TABS = ['environments', 'modules', 'record-types'] as const;

export type ProjectTab = (typeof PROJECT_TABS)[number];

export const isProjectTab = (value: string | undefined): value is ProjectTab =>
  (PROJECT_TABS as readonly (string | undefined)[]).includes(value);
