import { randomUUID } from 'node:crypto';

/** A fresh random (v4) UUID. */
export const newId = (): string => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the string is a UUID in canonical textual form. */
export const isUuid = (value: string): boolean => UUID_RE.test(value);

const TENANT_SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** True for a well-formed tenant slug: lower-case letters, digits and dashes, 1–63 characters. */
export const isTenantSlug = (value: string): boolean => TENANT_SLUG_RE.test(value);

/** Splits a comma-separated list, trimming blanks and dropping duplicates, keeping order. */
export const parseList = (value: string | undefined): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  ),
];
