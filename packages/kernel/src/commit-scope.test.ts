import { describe, expect, it } from 'vitest';
import { afterCommit, runInCommitScope } from './commit-scope.js';
import type { RequestContext } from './context.js';
import { createEventBus, type DomainEvent } from './events.js';

const ctx: RequestContext = { tenantId: 't1', tenantSlug: 'acme', userId: 'alice', agentId: null };
const event = (entityId: string): DomainEvent => ({ type: 'record.created', status: 'succeeded', entityId });

describe('commit scope', () => {
  it('runs deferred work after the transaction resolves, in order, and at once outside any', async () => {
    const seen: string[] = [];
    afterCommit(() => seen.push('outside'));
    const result = await runInCommitScope(async () => {
      afterCommit(() => seen.push('first'));
      await new Promise((resolve) => setImmediate(resolve));
      afterCommit(() => seen.push('second'));
      seen.push('work done');
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual(['outside', 'work done', 'first', 'second']);
  });

  it('drops deferred work when the transaction rejects, and passes the rejection on', async () => {
    const seen: string[] = [];
    await expect(
      runInCommitScope(async () => {
        afterCommit(() => seen.push('never'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seen).toEqual([]);
  });

  it('a transaction opened inside another announces its own commit, whatever the outer one does', async () => {
    const seen: string[] = [];
    await expect(
      runInCommitScope(async () => {
        afterCommit(() => seen.push('outer'));
        await runInCommitScope(async () => afterCommit(() => seen.push('inner')));
        expect(seen).toEqual(['inner']);
        throw new Error('outer rolled back');
      }),
    ).rejects.toThrow();
    expect(seen).toEqual(['inner']);
  });

  it('a deferred callback that throws neither fails the commit nor stops the others', async () => {
    const seen: string[] = [];
    await runInCommitScope(async () => {
      afterCommit(() => {
        throw new Error('bad subscriber');
      });
      afterCommit(() => seen.push('still told'));
    });
    expect(seen).toEqual(['still told']);
  });
});

describe('domain events and transactions', () => {
  it('an event emitted inside a transaction is persisted and published once it commits, never on rollback', async () => {
    const persisted: string[] = [];
    const published: string[] = [];
    const bus = createEventBus({
      persist: async (record) => {
        persisted.push(record.executionId);
      },
    });
    bus.subscribe('record.created', (_ctx, e) => void published.push(e.entityId));
    await runInCommitScope(async () => {
      bus.emit(ctx, event('kept'));
      expect(persisted).toEqual([]);
      expect(published).toEqual([]);
    });
    await expect(
      runInCommitScope(async () => {
        bus.emit(ctx, event('rolled-back'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow();
    await bus.drain();
    expect(persisted).toEqual(['kept']);
    expect(published).toEqual(['kept']);
  });
});
