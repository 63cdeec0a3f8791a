import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, readEventStream, type SseEvent } from './sse';

const parseAll = (chunks: string[]): SseEvent[] => {
  const out: SseEvent[] = [];
  const parser = createSseParser((e) => out.push(e));
  for (const chunk of chunks) parser.push(chunk);
  return out;
};

const streamOf = (chunks: Uint8Array[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

describe('event stream parsing', () => {
  it('reads named events with their data and id, and unnamed ones as message', () => {
    expect(parseAll(['event: stage\ndata: {"stage":"generation"}\nid: 1\n\n', 'data: plain\n\n'])).toEqual([
      { event: 'stage', data: '{"stage":"generation"}', id: '1' },
      { event: 'message', data: 'plain', id: '1' },
    ]);
  });

  it('joins several data lines with a line feed and keeps a value without its one leading space', () => {
    expect(parseAll(['data:a\ndata:  b\ndata\n\n'])).toEqual([
      { event: 'message', data: 'a\n b\n', id: undefined },
    ]);
  });

  it('ignores comments (the heartbeat), unknown fields and blank lines without data', () => {
    expect(parseAll([': heartbeat\n\nretry: 10\nfoo: bar\n\n\nevent: token\ndata: x\n\n'])).toEqual([
      { event: 'token', data: 'x', id: undefined },
    ]);
  });

  it('accepts CR and CRLF line ends, also when a chunk ends between the CR and the LF', () => {
    expect(parseAll(['event: token\r\ndata: a\r', '\ndata: b\r\r', 'data: c\r\n', '\r\n'])).toEqual([
      { event: 'token', data: 'a\nb', id: undefined },
      { event: 'message', data: 'c', id: undefined },
    ]);
  });

  it('drops an event the end of the stream cut off', () => {
    expect(parseAll(['data: done\n\ndata: cut'])).toEqual([
      { event: 'message', data: 'done', id: undefined },
    ]);
  });

  it('an event type does not leak into the next event', () => {
    expect(parseAll(['event: error\n\ndata: x\n\n'])).toEqual([
      { event: 'message', data: 'x', id: undefined },
    ]);
  });

  it('yields the same events however the stream is cut into chunks', () => {
    const field = fc.constantFrom('event', 'data', 'id', 'retry', '');
    const value = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));
    const eol = fc.constantFrom('\n', '\r', '\r\n');
    const lineArb = fc
      .tuple(field, value, eol, fc.boolean())
      .map(([f, v, end, comment]) => `${comment ? ':' : ''}${f}${f ? ': ' : ''}${v}${end}`);
    const stream = fc.array(fc.oneof(lineArb, eol), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let at = 0;
        for (const p of points) {
          chunks.push(text.slice(at, p));
          at = p;
        }
        chunks.push(text.slice(at));
        expect(parseAll(chunks)).toEqual(parseAll([text]));
      }),
    );
  });
});

describe('reading a fetch body', () => {
  it('decodes characters split across chunks and drops a leading byte order mark', async () => {
    const bytes = new TextEncoder().encode('\uFEFFevent: token\ndata: café ✓\n\n');
    const events: SseEvent[] = [];
    await readEventStream(streamOf([bytes.slice(0, 25), bytes.slice(25, 26), bytes.slice(26)]), (e) =>
      events.push(e),
    );
    expect(events).toEqual([{ event: 'token', data: 'café ✓', id: undefined }]);
  });

  it('stops reading once aborted and cancels the body', async () => {
    const controller = new AbortController();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode('data: tick\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const events: SseEvent[] = [];
    await readEventStream(
      body,
      (e) => {
        events.push(e);
        if (events.length === 3) controller.abort();
      },
      controller.signal,
    );
    expect(events.length).toBe(3);
    expect(cancelled).toBe(true);
  });
});
