/**
 * Server-sent events read from a fetch body (pure parsing, no DOM). A POST stream cannot use
 * EventSource, so the console parses `text/event-stream` itself, following the WHATWG rules: lines end
 * in LF, CR or CRLF (also when a chunk ends between the CR and the LF), `:` starts a comment, `data`
 * lines join with LF, an empty line dispatches, and an event cut off by the end of the stream is dropped.
 */

export type SseEvent = { event: string; data: string; id: string | undefined };

export type SseParser = {
  /** Feeds decoded text; every event completed by it is passed to `onEvent` in order. */
  push: (text: string) => void;
};

export const createSseParser = (onEvent: (event: SseEvent) => void): SseParser => {
  let buffer = '';
  // A chunk ended with CR: a LF opening the next chunk belongs to the same line break.
  let afterCR = false;
  let eventType = '';
  let data: string[] = [];
  let lastId: string | undefined;

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: eventType || 'message', data: data.join('\n'), id: lastId });
    eventType = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventType = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  };

  return {
    push(text) {
      let chunk = text;
      if (afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
      afterCR = false;
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) afterCR = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
};

/**
 * Reads an event stream to its end (or until `signal` aborts), passing each event to `onEvent`.
 * The decoder drops a leading byte order mark and keeps multi-byte characters split between chunks.
 */
export const readEventStream = async (
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> => {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = createSseParser(onEvent);
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) return;
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
};
