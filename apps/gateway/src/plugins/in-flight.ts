import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Counts the requests whose handlers are still at work: from onRequest until their reply is sent
 * (onSend, which comes after the handler even when the client has gone away) or the response ends.
 * `settled()` resolves once none is left, or after `timeoutMs` whatever is still running.
 */
export const trackInFlight = (app: FastifyInstance, timeoutMs = 10_000) => {
  const open = new Set<FastifyRequest>();
  let waiters: (() => void)[] = [];
  const finish = (request: FastifyRequest) => {
    if (!open.delete(request) || open.size > 0) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  app.addHook('onRequest', async (request) => {
    open.add(request);
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    finish(request);
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    finish(request);
  });
  return {
    get size() {
      return open.size;
    },
    settled: (): Promise<void> => {
      if (open.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
};
