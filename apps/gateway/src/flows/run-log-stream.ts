import { withTenant } from '@ec3l/db';
import type { RequestContext } from '@ec3l/kernel';

type Listener = () => void;

/**
 * Wakes the log streams of one agent run on this replica when a line is appended or the run moves.
 * Streams also poll the database (`pollMs`), so a write through another replica reaches them too:
 * the gateway may run as several replicas, and a poll of one indexed row per open stream costs less
 * than a dedicated LISTEN connection per replica (which PGlite, the embedded default, cannot share).
 */
export const createRunLogHub = () => {
  const listeners = new Map<string, Set<Listener>>();
  const keyOf = (tenantId: string, runId: string) => `${tenantId}:${runId}`;
  return {
    /** Tells this replica's streams of the run that something changed. */
    publish: (tenantId: string, runId: string): void => {
      for (const listener of listeners.get(keyOf(tenantId, runId)) ?? []) listener();
    },
    /** Registers a stream; the answer removes it again. */
    subscribe: (tenantId: string, runId: string, listener: Listener): (() => void) => {
      const key = keyOf(tenantId, runId);
      const set = listeners.get(key) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    /** How many streams are subscribed (released ones are gone). */
    subscriptions: (): number => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
};

export type RunLogHub = ReturnType<typeof createRunLogHub>;

type LogRead = { ended: boolean; status: string; lines: unknown[]; total: number };

/**
 * Follows one run's log for a stream: sends the lines after `from`, then each new batch as it lands,
 * and `end` once the run has ended. Reads never overlap and run in the stream's tenant scope whoever
 * woke them. Answers a stop function that releases the subscription and the poll.
 */
export const followRunLog = (options: {
  hub: RunLogHub;
  ctx: RequestContext;
  runId: string;
  from: number;
  pollMs: number;
  read: (from: number) => Promise<LogRead>;
  send: (batch: { lines: unknown[]; firstIndex: number }) => Promise<void>;
  end: (status: string) => Promise<void>;
  fail: (error: unknown) => void;
}): (() => void) => {
  let sent = options.from;
  let reading = false;
  let again = false;
  let stopped = false;
  const pump = async (): Promise<void> => {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const read = await withTenant(options.ctx.tenantId, () => options.read(sent));
        if (stopped) return;
        if (read.lines.length > 0) {
          await options.send({ lines: read.lines, firstIndex: sent });
          sent += read.lines.length;
        }
        if (read.ended) {
          stop();
          await options.end(read.status);
          return;
        }
      } while (again && !stopped);
    } catch (error) {
      stop();
      options.fail(error);
    } finally {
      reading = false;
    }
  };
  const wake = () => {
    void pump();
  };
  const unsubscribe = options.hub.subscribe(options.ctx.tenantId, options.runId, wake);
  const timer = setInterval(wake, options.pollMs);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    unsubscribe();
  };
  wake();
  return stop;
};
