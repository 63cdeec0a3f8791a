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

describe('createBatcher with a window', () => {
  it('keeps a batch open for its window, across turns of the event loop', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number>(
      async (items) => {
        batches.push(items);
      },
      { windowMs: 30 },
    );
    const first = batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = batcher.add(2);
    expect(batches).toEqual([]);
    await Promise.all([first, second]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('flushes at once when the batch is full or somebody drains', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number>(
      async (items) => {
        batches.push(items);
      },
      { windowMs: 60_000, maxItems: 3 },
    );
    const full = [batcher.add(1), batcher.add(2), batcher.add(3)];
    await Promise.all(full);
    expect(batches).toEqual([[1, 2, 3]]);
    batcher.add(4).catch(() => {});
    const started = performance.now();
    await batcher.drain();
    expect(batches).toEqual([[1, 2, 3], [4]]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
