import { Ec3lApiError, type Schemas } from '@ec3l/sdk';
import type { Tone } from '@/components/ui/badge';
import { parseJsonObject } from './workflows';

/** Rules for the packages and promotion pages (pure, no DOM). */

export type PackageDiff = Schemas['PackageDiff'];
export type PackageObjectDiff = Schemas['PackageObjectDiff'];
export type Disposition = PackageObjectDiff['disposition'];
export type PackageInstall = Schemas['PackageInstall'];
export type InstallResult = Schemas['PackageInstallResult'];
export type BuiltInPackage = Schemas['BuiltInPackage'];
export type GraphPackage = Schemas['GraphPackage'];
export type EnvironmentDiff = Schemas['EnvironmentDiff'];
export type EnvironmentPackageDiff = Schemas['EnvironmentPackageDiff'];
export type PromotionIntent = Schemas['PromotionIntent'];
export type IntentStatus = PromotionIntent['status'];

const DISPOSITION_TONE: Record<Disposition, Tone> = {
  insert: 'emerald',
  update: 'sky',
  delete: 'amber',
  delete_with_data: 'rose',
  same: 'neutral',
  missing_dependency: 'rose',
};

export const dispositionTone = (d: Disposition): Tone => DISPOSITION_TONE[d];

/** The disposition as a user reads it: `delete_with_data` → `delete with data`. */
export const dispositionLabel = (d: Disposition): string => d.replaceAll('_', ' ');

/** The objects of a diff that change something (every disposition but `same`). */
export const changedObjects = (diff: PackageDiff): PackageObjectDiff[] =>
  diff.objects.filter((o) => o.disposition !== 'same');

/** One line saying what a diff does: `3 inserts, 1 update, 2 unchanged`. */
export const diffSummary = (diff: PackageDiff): string => {
  const s = diff.summary;
  const parts: string[] = [];
  const add = (n: number, one: string, many: string) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  add(s.insert, 'insert', 'inserts');
  add(s.update, 'update', 'updates');
  add(s.delete, 'delete', 'deletes');
  add(s.deleteWithData, 'delete with data', 'deletes with data');
  add(s.missingDependency, 'missing dependency', 'missing dependencies');
  add(s.same, 'unchanged', 'unchanged');
  return parts.length > 0 ? parts.join(', ') : 'no objects';
};

/** True when applying the diff removes data or cannot work: the confirm dialog asks for the key typed. */
export const diffLosesData = (diff: PackageDiff): boolean =>
  diff.summary.deleteWithData > 0 || diff.summary.delete > 0;

/** A checksum as shown in tables: the algorithm and the first 12 hex digits. */
export const shortChecksum = (checksum: string | null | undefined): string => {
  if (!checksum) return '—';
  const [algorithm, hex] = checksum.includes(':') ? checksum.split(':', 2) : ['', checksum];
  return `${algorithm ? `${algorithm}:` : ''}${(hex ?? '').slice(0, 12)}`;
};

export type ParsedPackage = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Pasted or uploaded package JSON, parsed only: the API validates the package and answers
 * PACKAGE_INVALID with every problem, so the console checks no more than that it is a JSON object.
 */
export const parsePackageJson = (text: string): ParsedPackage => {
  if (text.trim() === '') return { ok: false, message: 'Paste or upload a package (JSON).' };
  const parsed = parseJsonObject(text);
  return parsed.ok ? parsed : { ok: false, message: parsed.error };
};

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * The lines under a refused install, promotion or uninstall naming what refused it, from the error's
 * details: the owner of a conflicting object, the fields or record types holding data, the problems
 * of an invalid package (or the request's schema errors), the environment that drifted.
 */
export const refusalDetails = (error: unknown): string[] => {
  if (!(error instanceof Ec3lApiError)) return [];
  if (error.code === 'VALIDATION_ERROR')
    return asArray(error.details).map((d) =>
      `${String(asRecord(d).path ?? '')} ${String(asRecord(d).message ?? '')}`.trim(),
    );
  const details = asRecord(error.details);
  switch (error.code) {
    case 'PACKAGE_OWNERSHIP_CONFLICT':
      return asArray(details.conflicts).map((c) => {
        const { objectType, key, owner } = asRecord(c);
        const what = `${String(objectType).replace('_', ' ')} ${String(key)}`;
        return owner ? `${what} is owned by package ${String(owner)}` : `${what} exists outside any package`;
      });
    case 'PACKAGE_DATA_LOSS':
      return asArray(details.fields).map((f) => {
        const { key, records } = asRecord(f);
        return `field ${String(key)} holds data in ${String(records)} records`;
      });
    case 'PACKAGE_REVERT_BLOCKED':
      return [
        ...asArray(details.recordTypes).map((t) => {
          const { key, records } = asRecord(t);
          return `record type ${String(key)} holds ${String(records)} records`;
        }),
        ...asArray(details.dependents).map((d) => {
          const { key, uses, as } = asRecord(d);
          return `${String(key)} uses ${String(uses)} as ${as === 'baseType' ? 'its base type' : 'a reference target'}`;
        }),
      ];
    case 'PACKAGE_INVALID':
      return asArray(details.problems).map((p) =>
        typeof p === 'string'
          ? p
          : `${String(asRecord(p).path ?? '')} ${String(asRecord(p).message ?? '')}`.trim(),
      );
    case 'PACKAGE_GRAPH_INVALID':
      return asArray(details.errors).map((e) =>
        typeof e === 'string' ? e : String(asRecord(e).message ?? JSON.stringify(e)),
      );
    case 'PROMOTION_DRIFT':
      return asArray(details.drifted).map(
        (d) => `the ${String(d)} environment changed since the preview: preview again`,
      );
    case 'PROMOTION_STATE_CONFLICT':
      return asArray(details.allowedFrom).length > 0
        ? [`allowed from: ${asArray(details.allowedFrom).map(String).join(', ')}`]
        : [];
    default:
      return [];
  }
};

/**
 * A refused install the user may override deliberately: a downgrade (the installed and the offered
 * version) or fields holding data the package drops (each field with the records holding a value).
 */
export type InstallOverride =
  | { kind: 'downgrade'; installedVersion: string; version: string }
  | { kind: 'data_loss'; fields: { key: string; records: number }[] };

/** The override a refused install offers, from its error; null for every other refusal. */
export const installOverride = (error: unknown): InstallOverride | null => {
  if (!(error instanceof Ec3lApiError)) return null;
  const details = asRecord(error.details);
  if (error.code === 'PACKAGE_DOWNGRADE') {
    const { installedVersion, version } = details;
    return typeof installedVersion === 'string' && typeof version === 'string'
      ? { kind: 'downgrade', installedVersion, version }
      : null;
  }
  if (error.code === 'PACKAGE_DATA_LOSS') {
    const fields = asArray(details.fields).flatMap((f) => {
      const { key, records } = asRecord(f);
      return typeof key === 'string' && typeof records === 'number' ? [{ key, records }] : [];
    });
    return fields.length > 0 ? { kind: 'data_loss', fields } : null;
  }
  return null;
};

/** The action offering the override, as its button reads. */
export const overrideLabel = (override: InstallOverride): string =>
  override.kind === 'downgrade' ? 'Install the older version anyway' : 'Drop the data and install';

/** The install body's flag the override sets; the flags of earlier overrides stay set. */
export const overrideFlag = (
  override: InstallOverride,
): { allowDowngrade: true } | { allowDataLoss: true } =>
  override.kind === 'downgrade' ? { allowDowngrade: true } : { allowDataLoss: true };

/** The confirm dialog's impact lines of an override: the versions, or each field and its records. */
export const overrideImpact = (override: InstallOverride): string[] =>
  override.kind === 'downgrade'
    ? [`Replaces the installed ${override.installedVersion} with the older ${override.version}.`]
    : override.fields.map(
        (f) =>
          `${f.key}: ${f.records} ${f.records === 1 ? 'record holds a value' : 'records hold a value'} that will no longer be shown`,
      );

/** The next lifecycle actions an intent in `status` offers, in the order shown. */
export type IntentAction = 'preview' | 'approve' | 'execute' | 'reject';

export const intentActions = (status: IntentStatus): IntentAction[] => {
  switch (status) {
    case 'draft':
      return ['preview', 'reject'];
    case 'previewed':
      return ['preview', 'approve', 'reject'];
    case 'approved':
      return ['preview', 'execute', 'reject'];
    default:
      return [];
  }
};

/** The lifecycle's steps and where an intent is on it, for the stepper shown with each intent. */
export const INTENT_STEPS = ['draft', 'previewed', 'approved', 'executed'] as const;

export const intentStepState = (
  status: IntentStatus,
  step: (typeof INTENT_STEPS)[number],
): 'done' | 'current' | 'todo' | 'skipped' => {
  if (status === 'rejected') return step === 'draft' ? 'done' : 'skipped';
  const at = INTENT_STEPS.indexOf(status as (typeof INTENT_STEPS)[number]);
  const i = INTENT_STEPS.indexOf(step);
  if (i < at) return 'done';
  if (i === at) return status === 'executed' ? 'done' : 'current';
  return 'todo';
};

const INTENT_TONE: Record<IntentStatus, Tone> = {
  draft: 'neutral',
  previewed: 'sky',
  approved: 'indigo',
  executed: 'emerald',
  rejected: 'rose',
};

export const intentTone = (status: IntentStatus): Tone => INTENT_TONE[status];

const PACKAGE_STATE_TONE: Record<EnvironmentPackageDiff['status'], Tone> = {
  missing: 'amber',
  outdated: 'sky',
  same: 'emerald',
  extra: 'neutral',
};

export const packageStateTone = (status: EnvironmentPackageDiff['status']): Tone =>
  PACKAGE_STATE_TONE[status];

/** What a promotion from one environment to another would move: the packages missing or outdated in the target. */
export const promotable = (diff: EnvironmentDiff): EnvironmentPackageDiff[] =>
  diff.packages.filter((p) => p.status === 'missing' || p.status === 'outdated');
