import { createHash } from 'node:crypto';

/** One package as an environment holds it: what the state hash and the environment diff compare. */
export type EnvironmentPackage = { packageKey: string; version: string; checksum: string };

/**
 * The hash of an environment's package state: sha256 over the canonical list of its packages (sorted by
 * key, each as key, version, checksum). Equal states hash equal whatever the order rows were read in;
 * any install, upgrade, promotion or uninstall in the environment changes it.
 */
export const environmentStateHash = (packages: readonly EnvironmentPackage[]): string => {
  const canonical = [...packages]
    .sort((a, b) => (a.packageKey < b.packageKey ? -1 : a.packageKey > b.packageKey ? 1 : 0))
    .map((p) => [p.packageKey, p.version, p.checksum]);
  return `sha256:${createHash('sha256').update(JSON.stringify(canonical)).digest('hex')}`;
};
