export type Batcher<T> = {
  /** Queues an item; resolves when the batch holding it was flushed (a failed flush rejects). */
  add(item: T): Promise<void>;
  /** Resolves once every item queued so far was flushed (whatever the outcome). */
  drain(): Promise<void>;
};

/**
 * Collects items added during one turn of the event loop and hands them to `flush` together right after
 * it: many small writes become one, and callers can still wait for theirs.
 */
export const createBatcher = <T>(flush: (items: T[]) => Promise<void>): Batcher<T> => {
  let queue: T[] = [];
  let scheduled: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();
  return {
    add(item) {
      queue.push(item);
      if (!scheduled) {
        const batch = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          const items = queue;
          queue = [];
          scheduled = null;
          return flush(items);
        });
        scheduled = batch;
        inFlight.add(batch);
        void batch.then(
          () => inFlight.delete(batch),
          () => inFlight.delete(batch),
        );
      }
      return scheduled;
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};
