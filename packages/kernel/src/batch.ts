export type Batcher<T> = {
  /** Queues an item; resolves when the batch holding it was flushed (a failed flush rejects). */
  add(item: T): Promise<void>;
  /** Flushes what is queued now and resolves once every item queued so far was flushed (whatever the outcome). */
  drain(): Promise<void>;
};

export type BatcherOptions = {
  /**
   * How long a batch stays open for more items after its first one, in milliseconds. 0 (the default)
   * closes it after the current turn of the event loop. A window of a few milliseconds lets a busy
   * process write the items of many requests in one statement instead of one statement per request.
   */
  windowMs?: number;
  /** A batch reaching this many items is flushed at once, whatever is left of its window. */
  maxItems?: number;
};

/**
 * The window of the write-behind stores (audit entries, domain events): long enough for a busy process
 * to write the entries of many requests in one statement, short enough that another replica sees them
 * at once. A process killed outright can lose the entries of its last window, as it could lose those
 * of its last turn before; a graceful stop drains them.
 */
export const WRITE_BEHIND_WINDOW_MS = 10;

type OpenBatch = { flushed: Promise<void>; close: () => void };

/**
 * Collects items and hands them to `flush` together: many small writes become one, and callers can
 * still wait for theirs. A batch opens with its first item and closes after the turn of the event
 * loop, or after `windowMs`, or when it holds `maxItems`, or when somebody drains.
 */
export const createBatcher = <T>(
  flush: (items: T[]) => Promise<void>,
  { windowMs = 0, maxItems = 1000 }: BatcherOptions = {},
): Batcher<T> => {
  let queue: T[] = [];
  let open: OpenBatch | null = null;
  const inFlight = new Set<Promise<void>>();

  const openBatch = (): OpenBatch => {
    let close!: () => void;
    const closed = new Promise<void>((resolve) => {
      close = resolve;
    });
    const timer = windowMs > 0 ? setTimeout(close, windowMs) : undefined;
    const immediate = windowMs > 0 ? undefined : setImmediate(close);
    const flushed = closed.then(() => {
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      const items = queue;
      queue = [];
      open = null;
      return flush(items);
    });
    inFlight.add(flushed);
    void flushed.then(
      () => inFlight.delete(flushed),
      () => inFlight.delete(flushed),
    );
    return { flushed, close };
  };

  return {
    add(item) {
      queue.push(item);
      open ??= openBatch();
      const batch = open;
      if (queue.length >= maxItems) batch.close();
      return batch.flushed;
    },
    async drain() {
      open?.close();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};
