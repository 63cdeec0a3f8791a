import { describe, expect, it } from 'vitest';
import { validatePackage } from '../core/validate.js';
import { packageChecksum } from '../package/checksum.js';
import { TEMPLATE_PACKAGES } from './index.js';

describe('template packages', () => {
  it('are every version the catalog installs, each valid and keyed by key@version', () => {
    expect(Object.keys(TEMPLATE_PACKAGES).sort()).toEqual([
      'custom.starter@1.0.0',
      'facilities.lite@1.0.0',
      'finance.lite@1.0.0',
      'hr.lite@1.0.0',
      'hr.lite@1.1.0',
      'itsm.lite@1.0.0',
      'legal.lite@1.0.0',
    ]);
    for (const [id, pkg] of Object.entries(TEMPLATE_PACKAGES)) {
      expect(`${pkg.key}@${pkg.version}`).toBe(id);
      const result = validatePackage(pkg);
      expect(result.ok ? [] : result.problems).toEqual([]);
      expect(result.ok && result.checksum).toBe(packageChecksum(pkg));
    }
    expect(Object.isFrozen(TEMPLATE_PACKAGES['finance.lite@1.0.0']!.recordTypes[0])).toBe(true);
  });

  it('hr.lite 1.1.0 adds fields to 1.0.0 and keeps every field of it', () => {
    const v10 = TEMPLATE_PACKAGES['hr.lite@1.0.0']!;
    const v11 = TEMPLATE_PACKAGES['hr.lite@1.1.0']!;
    const fields = (p: typeof v10, key: string) =>
      p.recordTypes.find((t) => t.key === key)!.fields.map((f) => f.name);
    expect(fields(v11, 'employee')).toEqual([...fields(v10, 'employee'), 'phone']);
    expect(fields(v11, 'department')).toEqual([...fields(v10, 'department'), 'location']);
    expect(packageChecksum(v11)).not.toBe(packageChecksum(v10));
  });

  it('the custom starter is empty and still valid', () => {
    const starter = TEMPLATE_PACKAGES['custom.starter@1.0.0']!;
    expect(starter.recordTypes).toEqual([]);
    expect(validatePackage(starter).ok).toBe(true);
  });
});
