import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBatcher } from './batch.js';
import type { RequestContext } from './context.js';
import { createEventBus, type DomainEvent, DomainEventTypes, toTelemetryRecord } from './events.js';

const ctx: RequestContext = { tenantId: 't1', tenantSlug: 'acme', userId: 'alice', agentId: null };
const event: DomainEvent = { type: 'project.created', status: 'succeeded', entityId: 'p1' };

describe('domain event bus', () => {
  it('O1: emit never throws when persisting fails, synchronously or asynchronously', async () => {
    const errors: string[] = [];
    const syncFailing = createEventBus({
      persist: () => {
        throw new Error('disk on fire');
      },
      onError: (error, where) => errors.push(`${where}:${(error as Error).message}`),
    });
    const asyncFailing = createEventBus({
      persist: async () => {
        throw new Error('connection lost');
      },
      onError: (error, where) => errors.push(`${where}:${(error as Error).message}`),
    });
    expect(() => syncFailing.emit(ctx, event)).not.toThrow();
    expect(() => asyncFailing.emit(ctx, event)).not.toThrow();
    await syncFailing.drain();
    await asyncFailing.drain();
    expect(errors.sort()).toEqual(['persist:connection lost', 'persist:disk on fire']);
  });

  it('O1: emit returns before a slow subscriber finishes', async () => {
    const bus = createEventBus();
    let finished = false;
    bus.subscribe('project.created', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    bus.emit(ctx, event);
    expect(finished).toBe(false);
    await bus.drain();
    expect(finished).toBe(true);
  });

  it('O2: a throwing subscriber does not stop the others from receiving the event', async () => {
    const received: string[] = [];
    const bus = createEventBus({ onError: () => received.push('error reported') });
    bus.subscribe('project.created', () => {
      throw new Error('bad subscriber');
    });
    bus.subscribe('project.created', async () => {
      throw new Error('bad async subscriber');
    });
    bus.subscribe('project.created', (_ctx, e) => {
      received.push(`typed:${e.entityId}`);
    });
    bus.subscribe('*', (_ctx, e) => {
      received.push(`wildcard:${e.type}`);
    });
    bus.emit(ctx, event);
    await bus.drain();
    expect(received.sort()).toEqual([
      'error reported',
      'error reported',
      'typed:p1',
      'wildcard:project.created',
    ]);
  });

  it('O2: an onError reporter that throws is contained too', async () => {
    const bus = createEventBus({
      persist: async () => {
        throw new Error('x');
      },
      onError: () => {
        throw new Error('reporter broken');
      },
    });
    expect(() => bus.emit(ctx, event)).not.toThrow();
    await expect(bus.drain()).resolves.toBeUndefined();
  });

  it('unsubscribe and clearSubscribers stop delivery', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    const off = bus.subscribe('project.created', () => {
      seen.push('a');
    });
    bus.subscribe('tenant.created', () => {
      seen.push('b');
    });
    off();
    bus.emit(ctx, event);
    bus.clearSubscribers();
    bus.emit(ctx, { ...event, type: 'tenant.created' });
    await bus.drain();
    expect(seen).toEqual([]);
  });

  it('persists the derived telemetry record of each event', async () => {
    const stored: unknown[] = [];
    const now = new Date('2026-01-01T00:00:00Z');
    const bus = createEventBus({ persist: async (r) => void stored.push(r), now: () => now });
    bus.emit(ctx, { ...event, error: { code: 'E', message: 'm' } });
    await bus.drain();
    expect(stored).toEqual([
      expect.objectContaining({
        eventType: 'project.created',
        timestamp: now,
        tenantId: 't1',
        moduleId: 'system',
        executionType: 'task',
        actorType: 'user',
        actorId: 'alice',
        executionId: 'p1',
        errorCode: 'E',
        errorMessage: 'm',
      }),
    ]);
  });
});

describe('persisted', () => {
  it('flushes a batching store and waits for the persists, not for the subscribers', async () => {
    const batcher = createBatcher<unknown>(async () => {}, { windowMs: 60_000 });
    const bus = createEventBus({ persist: (r) => batcher.add(r), flush: () => batcher.drain() });
    let subscriberDone = false;
    bus.subscribe('project.created', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      subscriberDone = true;
    });
    bus.emit(ctx, event);
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    await bus.persisted();
    expect(performance.now() - started).toBeLessThan(150);
    expect(subscriberDone).toBe(false);
    await bus.drain();
    expect(subscriberDone).toBe(true);
  });
});

describe('toTelemetryRecord', () => {
  it('derives actor and execution type for every combination of identities', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.option(fc.uuid(), { nil: null }),
        fc.constantFrom(...DomainEventTypes),
        (userId, agentId, workflowId, type) => {
          const record = toTelemetryRecord(
            { ...ctx, userId, agentId },
            { type, status: 's', entityId: 'e', workflowId },
            new Date(0),
          );
          const expectedActor = agentId ? 'agent' : userId ? 'user' : 'system';
          expect(record.actorType).toBe(expectedActor);
          expect(record.actorId).toBe(agentId ?? userId ?? null);
          expect(record.executionType).toBe(workflowId ? 'workflow_step' : 'task');
        },
      ),
    );
  });
});
