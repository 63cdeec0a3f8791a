import { createStubAdapter, type LlmAdapter } from '@ec3l/vibe';
import { describe, expect, it } from 'vitest';
import { EVAL_PROMPTS, evaluateVibe } from './llm.js';

describe('pnpm eval:vibe on the stub', () => {
  it('every prompt of the frozen set is schema-valid on the first pass and after repair', async () => {
    const report = await evaluateVibe(createStubAdapter());
    expect(report.rows).toHaveLength(EVAL_PROMPTS.length);
    expect(report.rows.filter((r) => !r.firstPassValid)).toEqual([]);
    expect(report).toMatchObject({ firstPass: 1, afterRepair: 1 });
  });

  it('counts a refused first answer that a repair fixes as valid after repair only', async () => {
    const stub = createStubAdapter();
    let calls = 0;
    const flaky: LlmAdapter = {
      name: 'flaky',
      model: 'f',
      generate: async (request, options) =>
        ++calls % 2 === 1
          ? { text: 'no', usage: { inputTokens: 0, outputTokens: 0 } }
          : stub.generate(request, options),
    };
    const report = await evaluateVibe(flaky, { prompts: EVAL_PROMPTS.slice(0, 2) });
    expect(report).toMatchObject({ firstPass: 0, afterRepair: 1 });
    expect(report.rows.map((r) => r.attempts)).toEqual([2, 2]);
  });
});
