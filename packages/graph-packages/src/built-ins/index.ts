import type { GraphPackage } from '../package/schema.js';
import { hrLite } from './hr-lite.js';
import { itsmLite } from './itsm-lite.js';

/** The packages every installation ships with, by key. */
export const BUILT_IN_PACKAGES: Readonly<Record<string, GraphPackage>> = Object.freeze({
  [hrLite.key]: hrLite,
  [itsmLite.key]: itsmLite,
});
