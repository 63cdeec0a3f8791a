import type { GraphPackage } from '@ec3l/graph-packages';
import type { VibeProblem } from './problems.js';

/** The namespace of vibe packages: package keys start with `vibe.`, record type keys with `vibe_`. */
export const VIBE_PACKAGE_PREFIX = 'vibe.';
export const VIBE_TYPE_PREFIX = 'vibe_';
/** Prefixes of the built-in packages, never taken by generated ones. */
const RESERVED = ['hr', 'itsm'] as const;

const reservedIn = (key: string) =>
  RESERVED.find((r) => key === r || key.startsWith(`${r}.`) || key.startsWith(`${r}_`));

/** True when a name after the `vibe.` prefix would take a built-in package's prefix (`hr`, `itsm`). */
export const isReservedName = (name: string): boolean => reservedIn(name) !== undefined;

const nsProblem = (path: string, code: string, message: string): VibeProblem => ({
  stage: 'namespace',
  path,
  code,
  message,
});

/**
 * The namespace guard: the package key is `vibe.<name>` and every record type, choice list and workflow
 * the package creates is keyed `vibe_…`; reserved prefixes (`hr`, `itsm`) appear nowhere as an owned key;
 * everything else the package names (base types, reference targets) is its own or a declared binding.
 * Pure: runs at generation and again before anything is stored or installed.
 */
export const namespaceProblems = (pkg: GraphPackage): VibeProblem[] => {
  const problems: VibeProblem[] = [];
  if (!pkg.key.startsWith(VIBE_PACKAGE_PREFIX) || reservedIn(pkg.key.slice(VIBE_PACKAGE_PREFIX.length)))
    problems.push(
      nsProblem(
        '/key',
        'PACKAGE_NAMESPACE',
        `the package key must start with "${VIBE_PACKAGE_PREFIX}" (got "${pkg.key}")`,
      ),
    );
  const owned: [string, { key: string }[]][] = [
    ['recordTypes', pkg.recordTypes],
    ['choiceLists', pkg.choiceLists ?? []],
    ['workflows', pkg.workflows ?? []],
  ];
  for (const [collection, items] of owned)
    items.forEach((item, i) => {
      const rest = item.key.slice(VIBE_TYPE_PREFIX.length);
      if (!item.key.startsWith(VIBE_TYPE_PREFIX) || reservedIn(rest))
        problems.push(
          nsProblem(
            `/${collection}/${i}/key`,
            'KEY_NAMESPACE',
            `keys of what the package creates must start with "${VIBE_TYPE_PREFIX}" (got "${item.key}")`,
          ),
        );
    });
  const bound = new Set(pkg.bindings?.recordTypes ?? []);
  const own = new Set(pkg.recordTypes.map((t) => t.key));
  pkg.bindings?.recordTypes?.forEach((key, i) => {
    if (own.has(key) || key.startsWith(VIBE_TYPE_PREFIX))
      problems.push(
        nsProblem(`/bindings/recordTypes/${i}`, 'BINDING_NAMESPACE', `"${key}" cannot be a binding`),
      );
  });
  pkg.recordTypes.forEach((t, i) => {
    if (t.baseType && !own.has(t.baseType) && !bound.has(t.baseType))
      problems.push(
        nsProblem(
          `/recordTypes/${i}/baseType`,
          'FOREIGN_TYPE',
          `"${t.baseType}" is neither in the package nor bound`,
        ),
      );
    t.fields.forEach((f, j) => {
      const target = f.referenceRecordTypeKey;
      if (target && !own.has(target) && !bound.has(target))
        problems.push(
          nsProblem(
            `/recordTypes/${i}/fields/${j}/referenceRecordTypeKey`,
            'FOREIGN_TYPE',
            `"${target}" is neither in the package nor bound`,
          ),
        );
    });
  });
  return problems;
};
