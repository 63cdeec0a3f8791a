import type { GraphPackage } from '../package/schema.js';
import { hrLite } from './hr-lite.js';
import { itsmLite } from './itsm-lite.js';
import { templatePackages } from './template-packages.js';

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/** The packages every installation ships with, by key; frozen, so no caller can change them for others. */
export const BUILT_IN_PACKAGES: Readonly<Record<string, GraphPackage>> = deepFreeze({
  [hrLite.key]: hrLite,
  [itsmLite.key]: itsmLite,
});

/**
 * Every package version a template of the catalog installs, by `key@version`, frozen. The catalog is
 * seeded by migration and names its package by key and version; this is where they resolve.
 */
export const TEMPLATE_PACKAGES: Readonly<Record<string, GraphPackage>> = deepFreeze(
  Object.fromEntries([hrLite, itsmLite, ...templatePackages].map((p) => [`${p.key}@${p.version}`, p])),
);
