import { describe, expect, it } from 'vitest';
import { createBatcher } from './batch.js';

describe('createBatcher', () => {
  it('flushes the items of one turn together, in order, and resolves their callers', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number>(async (items) => {
      batches.push(items);
    });
    const done = [batcher.add(1), batcher.add(2), batcher.add(3)];
    await Promise.all(done);
    await batcher.add(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects the callers of a failed batch only, and drain waits without throwing', async () => {
    let fail = true;
    const batcher = createBatcher<string>(async () => {
      if (fail) throw new Error('store down');
    });
    const failed = batcher.add('a');
    await expect(failed).rejects.toThrow('store down');
    fail = false;
    await expect(batcher.add('b')).resolves.toBeUndefined();
    batcher.add('c').catch(() => {});
    await expect(batcher.drain()).resolves.toBeUndefined();
  });
});
