import { invalid, isTenantSlug } from '@ec3l/kernel';

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
