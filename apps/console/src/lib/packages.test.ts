import { Ec3lApiError } from '@ec3l/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedObjects,
  type Disposition,
  diffLosesData,
  diffSummary,
  dispositionLabel,
  INTENT_STEPS,
  type IntentStatus,
  installOverride,
  intentActions,
  intentStepState,
  overrideFlag,
  overrideImpact,
  overrideLabel,
  type PackageDiff,
  parsePackageJson,
  promotable,
  refusalDetails,
  shortChecksum,
} from './packages';

const DISPOSITIONS: Disposition[] = [
  'insert',
  'update',
  'delete',
  'delete_with_data',
  'same',
  'missing_dependency',
];
const STATUSES: IntentStatus[] = ['draft', 'previewed', 'approved', 'executed', 'rejected'];

const diffOf = (dispositions: Disposition[]): PackageDiff => {
  const count = (d: Disposition) => dispositions.filter((x) => x === d).length;
  return {
    packageKey: 'itsm.lite',
    fromVersion: '1.0.0',
    toVersion: '1.1.0',
    objects: dispositions.map((disposition, i) => ({
      objectType: 'field',
      key: `incident.f${i}`,
      disposition,
    })),
    summary: {
      insert: count('insert'),
      update: count('update'),
      delete: count('delete'),
      deleteWithData: count('delete_with_data'),
      same: count('same'),
      missingDependency: count('missing_dependency'),
    },
  };
};

describe('package diffs as shown', () => {
  it('the summary names each non-zero disposition with its count, in a fixed order', () => {
    expect(diffSummary(diffOf(['insert', 'insert', 'update', 'same']))).toBe(
      '2 inserts, 1 update, 1 unchanged',
    );
    expect(diffSummary(diffOf(['delete_with_data', 'missing_dependency']))).toBe(
      '1 delete with data, 1 missing dependency',
    );
    expect(diffSummary(diffOf([]))).toBe('no objects');
  });

  it('changed objects are every object but the unchanged ones; data loss is any delete', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DISPOSITIONS), { maxLength: 30 }), (ds) => {
        const diff = diffOf(ds);
        expect(changedObjects(diff)).toHaveLength(ds.filter((d) => d !== 'same').length);
        expect(diffLosesData(diff)).toBe(ds.includes('delete') || ds.includes('delete_with_data'));
      }),
    );
  });

  it('dispositions read as words', () => {
    expect(dispositionLabel('delete_with_data')).toBe('delete with data');
    expect(dispositionLabel('missing_dependency')).toBe('missing dependency');
  });

  it('checksums are shortened to the algorithm and 12 hex digits', () => {
    expect(shortChecksum(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab');
    expect(shortChecksum(null)).toBe('—');
    expect(shortChecksum('0123456789abcdef')).toBe('0123456789ab');
  });
});

describe('pasted packages', () => {
  it('an object parses; empty text, broken JSON and non-objects are refused before any call', () => {
    expect(parsePackageJson('{"key":"x.pkg","version":"1.0.0"}')).toEqual({
      ok: true,
      value: { key: 'x.pkg', version: '1.0.0' },
    });
    expect(parsePackageJson('  ')).toEqual({ ok: false, message: 'Paste or upload a package (JSON).' });
    expect(parsePackageJson('{').ok).toBe(false);
    expect(parsePackageJson('[1]').ok).toBe(false);
    expect(parsePackageJson('"text"').ok).toBe(false);
  });
});

describe('refusals explained', () => {
  const refusal = (status: number, code: string, details: unknown) =>
    new Ec3lApiError(status, { code, message: 'refused', details } as never);

  it('PACKAGE_OWNERSHIP_CONFLICT names the owning package, or says the object is outside any package', () => {
    expect(
      refusalDetails(
        refusal(409, 'PACKAGE_OWNERSHIP_CONFLICT', {
          conflicts: [
            { objectType: 'choice_list', key: 'desk_priority', owner: 'other.pkg' },
            { objectType: 'record_type', key: 'task', owner: null },
          ],
        }),
      ),
    ).toEqual([
      'choice list desk_priority is owned by package other.pkg',
      'record type task exists outside any package',
    ]);
  });

  it('PACKAGE_DATA_LOSS names the fields with their record counts; PACKAGE_REVERT_BLOCKED the record types and their dependents', () => {
    expect(
      refusalDetails(refusal(409, 'PACKAGE_DATA_LOSS', { fields: [{ key: 'incident.impact', records: 3 }] })),
    ).toEqual(['field incident.impact holds data in 3 records']);
    expect(
      refusalDetails(
        refusal(409, 'PACKAGE_REVERT_BLOCKED', { recordTypes: [{ key: 'incident', records: 1 }] }),
      ),
    ).toEqual(['record type incident holds 1 records']);
    expect(
      refusalDetails(
        refusal(409, 'PACKAGE_REVERT_BLOCKED', {
          dependents: [
            { key: 'desk_ticket', uses: 'task', as: 'baseType' },
            { key: 'visit.incident', uses: 'incident', as: 'reference' },
          ],
        }),
      ),
    ).toEqual([
      'desk_ticket uses task as its base type',
      'visit.incident uses incident as a reference target',
    ]);
  });

  it('PACKAGE_INVALID lists every problem; PROMOTION_DRIFT says which side changed', () => {
    expect(
      refusalDetails(
        refusal(400, 'PACKAGE_INVALID', {
          problems: ['/key PATTERN must match', { path: '/v', message: 'bad' }],
        }),
      ),
    ).toEqual(['/key PATTERN must match', '/v bad']);
    expect(refusalDetails(refusal(409, 'PROMOTION_DRIFT', { drifted: ['target'] }))).toEqual([
      'the target environment changed since the preview: preview again',
    ]);
  });

  it('a VALIDATION_ERROR lists each schema error with its path', () => {
    expect(
      refusalDetails(
        refusal(400, 'VALIDATION_ERROR', [
          { in: 'body', path: '/package', message: "must have required property 'version'" },
        ]),
      ),
    ).toEqual(["/package must have required property 'version'"]);
  });

  it('other errors and malformed details add no lines', () => {
    expect(refusalDetails(new Error('boom'))).toEqual([]);
    expect(refusalDetails(refusal(409, 'PACKAGE_DATA_LOSS', null))).toEqual([]);
    expect(refusalDetails(refusal(404, 'NOT_FOUND', { conflicts: [{}] }))).toEqual([]);
  });
});

describe('promotion intent lifecycle as offered', () => {
  it('each status offers the actions its transitions allow; terminal statuses offer none', () => {
    expect(intentActions('draft')).toEqual(['preview', 'reject']);
    expect(intentActions('previewed')).toEqual(['preview', 'approve', 'reject']);
    expect(intentActions('approved')).toEqual(['preview', 'execute', 'reject']);
    expect(intentActions('executed')).toEqual([]);
    expect(intentActions('rejected')).toEqual([]);
  });

  it('execute is offered only once approved, and approve only once previewed', () => {
    for (const status of STATUSES) {
      expect(intentActions(status).includes('execute')).toBe(status === 'approved');
      expect(intentActions(status).includes('approve')).toBe(status === 'previewed');
    }
  });

  it('the stepper marks the steps before the status done, the status current, the rest to do', () => {
    expect(INTENT_STEPS.map((s) => intentStepState('previewed', s))).toEqual([
      'done',
      'current',
      'todo',
      'todo',
    ]);
    expect(INTENT_STEPS.map((s) => intentStepState('executed', s))).toEqual(['done', 'done', 'done', 'done']);
    expect(INTENT_STEPS.map((s) => intentStepState('rejected', s))).toEqual([
      'done',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('only missing and outdated packages are promotable', () => {
    const row = (packageKey: string, status: 'missing' | 'outdated' | 'same' | 'extra') => ({
      packageKey,
      status,
      fromVersion: null,
      toVersion: null,
      fromChecksum: null,
      toChecksum: null,
      diff: null,
    });
    const diff = {
      projectId: 'p',
      fromEnvironmentId: 'a',
      toEnvironmentId: 'b',
      fromStateHash: 'x',
      toStateHash: 'y',
      summary: { missing: 1, outdated: 1, same: 1, extra: 1 },
      packages: [row('a', 'missing'), row('b', 'outdated'), row('c', 'same'), row('d', 'extra')],
    };
    expect(promotable(diff).map((p) => p.packageKey)).toEqual(['a', 'b']);
  });
});

describe('overriding a refused install', () => {
  const refusal = (code: string, details: unknown) =>
    new Ec3lApiError(409, { code, message: 'refused', details } as never);

  it('a refused downgrade offers installing the older version, naming both versions', () => {
    const override = installOverride(
      refusal('PACKAGE_DOWNGRADE', { installedVersion: '1.1.0', version: '1.0.0' }),
    );
    expect(override).toEqual({ kind: 'downgrade', installedVersion: '1.1.0', version: '1.0.0' });
    if (!override) throw new Error('no override');
    expect(overrideLabel(override)).toBe('Install the older version anyway');
    expect(overrideFlag(override)).toEqual({ allowDowngrade: true });
    expect(overrideImpact(override)).toEqual(['Replaces the installed 1.1.0 with the older 1.0.0.']);
  });

  it('a refusal for data loss offers dropping the data, listing each field and its records', () => {
    const override = installOverride(
      refusal('PACKAGE_DATA_LOSS', {
        fields: [
          { key: 'incident.impact', records: 3 },
          { key: 'incident.cause', records: 1 },
        ],
      }),
    );
    expect(override?.kind).toBe('data_loss');
    if (!override) throw new Error('no override');
    expect(overrideLabel(override)).toBe('Drop the data and install');
    expect(overrideFlag(override)).toEqual({ allowDataLoss: true });
    expect(overrideImpact(override)).toEqual([
      'incident.impact: 3 records hold a value that will no longer be shown',
      'incident.cause: 1 record holds a value that will no longer be shown',
    ]);
  });

  it('offers no override for other refusals, other errors or details it cannot read', () => {
    expect(installOverride(refusal('PACKAGE_OWNERSHIP_CONFLICT', { conflicts: [] }))).toBeNull();
    expect(installOverride(new Error('network'))).toBeNull();
    expect(installOverride(refusal('PACKAGE_DOWNGRADE', { installedVersion: '1.1.0' }))).toBeNull();
    expect(installOverride(refusal('PACKAGE_DATA_LOSS', { fields: [{ key: 'x' }] }))).toBeNull();
    expect(installOverride(refusal('PACKAGE_DATA_LOSS', null))).toBeNull();
  });

  it('lists exactly the readable fields of a data-loss refusal, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.string({ minLength: 1 }), records: fc.integer({ min: 1 }) })),
        fc.array(fc.anything(), { maxLength: 3 }),
        (fields, junk) => {
          const override = installOverride(refusal('PACKAGE_DATA_LOSS', { fields: [...fields, ...junk] }));
          const readable = [...fields, ...junk].filter(
            (f): f is { key: string; records: number } =>
              typeof f === 'object' &&
              f !== null &&
              typeof (f as { key?: unknown }).key === 'string' &&
              typeof (f as { records?: unknown }).records === 'number',
          );
          if (readable.length === 0) expect(override).toBeNull();
          else {
            expect(override).toEqual({
              kind: 'data_loss',
              fields: readable.map(({ key, records }) => ({ key, records })),
            });
            expect(overrideImpact(override as NonNullable<typeof override>)).toHaveLength(readable.length);
          }
        },
      ),
    );
  });
});
