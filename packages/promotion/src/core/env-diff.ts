import type { EnvironmentPackage } from './state-hash.js';

/**
 * How a package of the source environment stands in the target: missing (the target has none),
 * outdated (the target holds other contents: another version or checksum), same; `extra` names a
 * package only the target holds (promotion leaves it alone).
 */
type PackageStatus = 'missing' | 'outdated' | 'same' | 'extra';

export type EnvironmentPackageState<C> = EnvironmentPackage & { contents: C };

export type EnvironmentPackageDiff<D> = {
  packageKey: string;
  status: PackageStatus;
  fromVersion: string | null;
  toVersion: string | null;
  fromChecksum: string | null;
  toChecksum: string | null;
  /** The per-object diff from the target's contents to the source's (null for same and extra). */
  diff: D | null;
};

/**
 * Compares two environments package by package, keyed by package key and ordered by it. Checksums
 * decide (a version republished with other contents is outdated); `diffContents(targetContents,
 * sourceContents)` gives the per-object dispositions of each package a promotion would apply.
 */
export const diffEnvironmentPackages = <C, D>(
  source: readonly EnvironmentPackageState<C>[],
  target: readonly EnvironmentPackageState<C>[],
  diffContents: (before: C | null, after: C) => D,
): EnvironmentPackageDiff<D>[] => {
  const byKey = new Map(target.map((p) => [p.packageKey, p]));
  const sourceKeys = new Set(source.map((p) => p.packageKey));
  const rows: EnvironmentPackageDiff<D>[] = source.map((from) => {
    const to = byKey.get(from.packageKey);
    const status: PackageStatus = !to ? 'missing' : to.checksum === from.checksum ? 'same' : 'outdated';
    return {
      packageKey: from.packageKey,
      status,
      fromVersion: from.version,
      toVersion: to?.version ?? null,
      fromChecksum: from.checksum,
      toChecksum: to?.checksum ?? null,
      diff: status === 'same' ? null : diffContents(to ? to.contents : null, from.contents),
    };
  });
  for (const to of target)
    if (!sourceKeys.has(to.packageKey))
      rows.push({
        packageKey: to.packageKey,
        status: 'extra',
        fromVersion: null,
        toVersion: to.version,
        fromChecksum: null,
        toChecksum: to.checksum,
        diff: null,
      });
  return rows.sort((a, b) => (a.packageKey < b.packageKey ? -1 : a.packageKey > b.packageKey ? 1 : 0));
};

/** The packages a promotion applies to the target: the missing and the outdated ones. */
export const packagesToApply = <D>(diff: readonly EnvironmentPackageDiff<D>[]) =>
  diff.filter((p) => p.status === 'missing' || p.status === 'outdated');
