import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStubAdapter } from '../adapters/stub.js';
import { scriptedAdapter } from '../testing-only/scripted.js';
import { extractJson } from './extract.js';
import { namespaceProblems } from './guard.js';
import { nextStatus } from './lifecycle.js';
import { applyPatchOps } from './patch.js';
import { checkCandidate, checkOutput, type PipelineEvent, runPipeline } from './pipeline.js';
import { generateRequest, refineRequest } from './prompt.js';
import { matchTemplate, stubFormPatch, stubPackage, stubRefine } from './templates.js';

const PROMPTS = [
  'HR onboarding for new employees',
  'an incident ticket desk',
  'asset register for laptops',
  'vendor and supplier contracts',
  'expense reimbursement',
  'facilities maintenance requests',
  'something else entirely',
];
const valid = stubPackage('asset register', 'Assets', 0);
const project = async () => ({ ok: true as const, diff: { summary: 'projected' } });

describe('stub templates', () => {
  it('O37: every template, app name and variant index gives a package that passes every check', () => {
    for (const prompt of PROMPTS)
      for (let i = 0; i < 5; i++)
        expect(checkCandidate(stubPackage(prompt, undefined, i)), `${prompt} #${i}`).toMatchObject({
          ok: true,
        });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.option(fc.string({ maxLength: 80 })),
        fc.integer({ min: 0, max: 4 }),
        (prompt, app, i) => {
          expect(checkCandidate(stubPackage(prompt, app ?? undefined, i)).ok).toBe(true);
        },
      ),
    );
  });

  it('an app named like a built-in package (HR, itsm.x) gets a key outside the reserved prefixes', () => {
    for (const app of ['hr', 'HR', 'itsm', 'hr_tools', 'Itsm x'])
      for (let i = 0; i < 2; i++) {
        const pkg = stubPackage('', app, i);
        expect(pkg.key, app).toMatch(/^vibe\.app_/);
        expect(checkCandidate(pkg), app).toMatchObject({ ok: true });
      }
    expect(stubPackage('', 'Assets', 0).key).toBe('vibe.assets');
  });

  it('matches templates by keyword, the generic one otherwise', () => {
    expect(PROMPTS.map((p) => matchTemplate(p).domain)).toEqual([
      'people',
      'service_desk',
      'asset',
      'vendor',
      'expense',
      'facilities',
      'generic',
    ]);
  });

  it('O39: the stub is deterministic: the same request gives byte-identical output; variants differ by index', async () => {
    const stub = createStubAdapter();
    const a = await stub.generate(generateRequest({ prompt: 'asset register', appName: 'Assets' }));
    const b = await stub.generate(generateRequest({ prompt: 'asset register', appName: 'Assets' }));
    expect(a.text).toBe(b.text);
    const texts = await Promise.all(
      [0, 1, 2, 3, 4].map(
        async (variantIndex) =>
          (await stub.generate(generateRequest({ prompt: 'asset register', variantIndex }))).text,
      ),
    );
    expect(new Set(texts).size).toBe(5);
  });

  it('a slowed stub leaves no abort listener on the signal once each wait is over, and an abort ends it', async () => {
    const stub = createStubAdapter({ chunkDelayMs: 1 });
    const controller = new AbortController();
    const added: number[] = [];
    const add = controller.signal.addEventListener.bind(controller.signal);
    const removed: number[] = [];
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<typeof add>) => {
      added.push(1);
      add(...args);
    };
    controller.signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      removed.push(1);
      remove(...args);
    };
    await stub.generate(generateRequest({ prompt: 'asset register', appName: 'Assets' }), {
      signal: controller.signal,
    });
    expect(added.length).toBeGreaterThan(10);
    expect(removed.length).toBe(added.length);
    const aborted = stub.generate(generateRequest({ prompt: 'asset register' }), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 5);
    await expect(aborted).rejects.toMatchObject({ failure: 'aborted' });
  });

  it('the stub refines by the prompt: fields, SLA and group; with nothing it understands it adds notes', () => {
    const refined = stubRefine(
      valid,
      'add a warranty field, sla 8 hours and assign to it-assets, remove the cost field',
    );
    const type = refined.recordTypes[0]!;
    expect(type.fields.map((f) => f.name)).toContain('warranty');
    expect(type.fields.map((f) => f.name)).not.toContain('cost');
    expect(refined.slaPolicies?.[0]?.config.durationMinutes).toBe(480);
    expect(refined.assignmentRules?.[0]?.config).toEqual({ type: 'static_group', value: 'it-assets' });
    expect(refined.version).toBe('0.1.1');
    expect(stubRefine(valid, 'make it nicer').recordTypes[0]!.fields.map((f) => f.name)).toContain('notes');
    expect(checkCandidate(refined).ok).toBe(true);
  });

  it('the stub proposes form patches for fields the form has', () => {
    expect(
      stubFormPatch('make the due date required and hide notes, make ghost required', ['due_date', 'notes']),
    ).toEqual([
      { op: 'toggleRequired', field: 'due_date', value: true },
      { op: 'toggleVisible', field: 'notes', value: false },
    ]);
  });
});

describe('extracting JSON from untrusted output', () => {
  it('finds the object in fences and prose', () => {
    expect(extractJson('Sure! ```json\n{"a": {"b": "}"}}\n``` done')).toEqual({
      ok: true,
      value: { a: { b: '}' } },
    });
  });

  it('O40: refuses output that is not JSON, too deep or too large, before parsing it', () => {
    expect(extractJson('no json here')).toMatchObject({ ok: false, problem: { code: 'NO_JSON' } });
    expect(extractJson('{"a": [1, 2,]}')).toMatchObject({ ok: false, problem: { code: 'INVALID_JSON' } });
    expect(extractJson(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`)).toMatchObject({
      ok: false,
      problem: { code: 'TOO_DEEP' },
    });
    expect(extractJson(`{"a":"${'x'.repeat(600_000)}"}`)).toMatchObject({
      ok: false,
      problem: { code: 'OUTPUT_TOO_LARGE' },
    });
    expect(extractJson('{"a": 1')).toMatchObject({ ok: false, problem: { code: 'NO_JSON' } });
  });

  it('O38: no input makes the checks throw: every string is an answer', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = checkOutput(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('namespace guard', () => {
  it('O41: package keys outside vibe., type keys outside vibe_, reserved prefixes and foreign types are refused', () => {
    expect(namespaceProblems(valid)).toEqual([]);
    expect(namespaceProblems({ ...valid, key: 'hr.lite' }).map((p) => p.code)).toEqual(['PACKAGE_NAMESPACE']);
    expect(namespaceProblems({ ...valid, key: 'vibe.itsm' }).map((p) => p.code)).toEqual([
      'PACKAGE_NAMESPACE',
    ]);
    const types = (key: string) => ({ ...valid, recordTypes: [{ ...valid.recordTypes[0]!, key }] });
    expect(namespaceProblems(types('incident')).map((p) => p.code)).toEqual(['KEY_NAMESPACE']);
    expect(namespaceProblems(types('vibe_hr_employee')).map((p) => p.code)).toEqual(['KEY_NAMESPACE']);
    const foreign = {
      ...valid,
      recordTypes: [{ ...valid.recordTypes[0]!, baseType: 'task' }],
    };
    expect(namespaceProblems(foreign).map((p) => p.code)).toEqual(['FOREIGN_TYPE']);
    expect(namespaceProblems({ ...foreign, bindings: { recordTypes: ['task'] } })).toEqual([]);
  });
});

describe('patch ops', () => {
  it('O55: remove_field never removes the last field of a type, whatever the ops', () => {
    const names = valid.recordTypes[0]!.fields.map((f) => f.name);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { maxLength: 10 }), (removed) => {
        const outcome = applyPatchOps(
          valid,
          removed.map((fieldName) => ({
            op: 'remove_field' as const,
            recordTypeKey: 'vibe_asset',
            fieldName,
          })),
        );
        if (outcome.ok) expect(outcome.package.recordTypes[0]!.fields.length).toBeGreaterThan(0);
      }),
    );
    const all = names.map((fieldName) => ({
      op: 'remove_field' as const,
      recordTypeKey: 'vibe_asset',
      fieldName,
    }));
    expect(applyPatchOps(valid, all)).toMatchObject({
      ok: false,
      code: 'LAST_FIELD',
      index: names.length - 1,
    });
  });

  it('applies add, rename (following the SLA), set_sla and set_assignment_group; leaves the input alone', () => {
    const outcome = applyPatchOps(valid, [
      { op: 'add_field', recordTypeKey: 'vibe_asset', field: { name: 'owner', type: 'string' } },
      { op: 'rename_field', recordTypeKey: 'vibe_asset', from: 'status', to: 'state' },
      { op: 'set_sla', recordTypeKey: 'vibe_asset', durationMinutes: 30 },
      { op: 'set_assignment_group', recordTypeKey: 'vibe_asset', groupKey: 'ops' },
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(checkCandidate(outcome.package).ok).toBe(true);
    expect(outcome.package.slaPolicies?.[0]?.config).toMatchObject({
      durationMinutes: 30,
      completeWhen: { field: 'state' },
    });
    expect(valid.recordTypes[0]!.fields.map((f) => f.name)).toContain('status');
    expect(
      applyPatchOps(valid, [
        { op: 'add_field', recordTypeKey: 'vibe_asset', field: { name: 'model', type: 'string' } },
      ]),
    ).toMatchObject({
      ok: false,
      code: 'FIELD_EXISTS',
    });
    expect(
      applyPatchOps(valid, [{ op: 'set_sla', recordTypeKey: 'nope', durationMinutes: 1 }]),
    ).toMatchObject({ ok: false, code: 'RECORD_TYPE_MISSING' });
  });
});

describe('draft lifecycle', () => {
  it('O51: mutations go back to draft, install only from previewed, installed and discarded are terminal', () => {
    expect(nextStatus('previewed', 'patch')).toBe('draft');
    expect(nextStatus('draft', 'install')).toBeNull();
    expect(nextStatus('previewed', 'install')).toBe('installed');
    for (const terminal of ['installed', 'discarded'] as const)
      for (const action of [
        'refine',
        'patch',
        'restore',
        'adopt_variant',
        'preview',
        'install',
        'discard',
      ] as const)
        expect(nextStatus(terminal, action)).toBeNull();
  });
});

describe('the repair loop', () => {
  it('O43: refused output is sent back with its problems; a repaired answer passes (each attempt an event)', async () => {
    const { adapter, requests } = scriptedAdapter(['not json at all', JSON.stringify(valid)]);
    const events: PipelineEvent[] = [];
    const result = await runPipeline({
      adapter,
      request: generateRequest({ prompt: 'assets' }),
      project,
      onEvent: (e) => events.push(e),
    });
    expect(result).toMatchObject({ ok: true, package: { key: 'vibe.assets' } });
    expect(result.attempts.map((a) => a.outcome)).toEqual(['invalid', 'valid']);
    expect(requests.map((r) => r.kind)).toEqual(['generate', 'repair']);
    expect(requests[1]!.user).toContain('NO_JSON');
    expect(events.filter((e) => e.type === 'stage').map((e) => (e.type === 'stage' ? e.stage : ''))).toEqual([
      'generation',
      'extract_json',
      'repair',
      'generation',
      'extract_json',
      'validate_schema',
      'projection',
      'diff',
    ]);
  });

  it('O44: the loop is bounded: 1 + repairAttempts calls, then a failure with the last problems', async () => {
    for (const repairAttempts of [0, 1, 3]) {
      const { adapter, requests } = scriptedAdapter([JSON.stringify({ ...valid, key: 'hr.stolen' })]);
      const result = await runPipeline({
        adapter,
        request: generateRequest({ prompt: 'x' }),
        project,
        repairAttempts,
      });
      expect(result.ok).toBe(false);
      expect(requests).toHaveLength(1 + repairAttempts);
      if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['PACKAGE_NAMESPACE']);
    }
  });

  it('O45: projection problems are repaired like any other', async () => {
    const { adapter } = scriptedAdapter([JSON.stringify(valid)]);
    let calls = 0;
    const result = await runPipeline({
      adapter,
      request: generateRequest({ prompt: 'x' }),
      repairAttempts: 1,
      project: async () =>
        ++calls === 1
          ? {
              ok: false,
              problems: [
                { stage: 'projection', path: '', code: 'BINDING_TARGET_MISSING', message: 'no task' },
              ],
            }
          : { ok: true, diff: 'd' },
    });
    expect(result).toMatchObject({ ok: true, diff: 'd' });
    expect(result.attempts.map((a) => a.problems.map((p) => p.code))).toEqual([
      ['BINDING_TARGET_MISSING'],
      [],
    ]);
  });

  it('refinement requests carry the previous package', () => {
    expect(refineRequest({ prompt: 'add x', previous: valid }).user).toContain('"vibe.assets"');
  });
});
