import { invalid } from '@ec3l/kernel';

const TENANT_SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';
const SLUG_RE = new RegExp(TENANT_SLUG_PATTERN);

/** True for a well-formed tenant slug: lower-case letters, digits and dashes, 1–63 characters. */
export const isTenantSlug = (value: string): boolean => SLUG_RE.test(value);

/** Returns the slug, or throws a validation error saying what a slug may contain. */
export const parseTenantSlug = (value: string): string => {
  if (!isTenantSlug(value)) {
    throw invalid(
      `"${value}" is not a valid tenant slug: use 1–63 lower-case letters, digits and dashes, starting with a letter or digit`,
      { field: 'slug' },
    );
  }
  return value;
};

/** Splits a comma-separated list, trimming blanks and dropping duplicates, keeping order. */
export const parseList = (value: string | undefined): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  ),
];
