'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/errors';
import { readEventStream } from '@/lib/sse';
import { applyStreamEvent, endedStream, IDLE_STREAM, type StreamState, startedStream } from '@/lib/vibe';

/** Opens a POST event stream (through the SDK, `parseAs: 'stream'`) and answers its body. */
export type OpenStream = (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;

/**
 * Reads one generation stream at a time into a StreamState, token by token. Starting again aborts the
 * stream before; leaving the page (unmount) aborts it too, which closes the connection so the gateway
 * stops the generation.
 */
export const useEventStream = () => {
  const [state, setState] = useState<StreamState>(IDLE_STREAM);
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback(async (open: OpenStream) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    let s = startedStream();
    setState(s);
    try {
      const body = await open(controller.signal);
      await readEventStream(
        body,
        (event) => {
          s = applyStreamEvent(s, event);
          setState(s);
        },
        controller.signal,
      );
      if (!controller.signal.aborted) setState(endedStream(s));
    } catch (error) {
      if (!controller.signal.aborted) setState({ ...s, status: 'failed', error: errorMessage(error) });
    }
  }, []);

  const stop = useCallback(() => {
    const controller = current.current;
    if (!controller) return;
    controller.abort();
    current.current = null;
    setState((s) => (s.status === 'streaming' ? { ...s, status: 'failed', error: 'Stopped' } : s));
  }, []);

  return { state, start, stop };
};
