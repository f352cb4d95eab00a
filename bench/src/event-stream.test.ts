import { describe, expect, it } from 'vitest';
import { EventStreamReader } from './event-stream.js';

const streamOf = (...chunks: string[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
  );

describe('EventStreamReader', () => {
  it('returns the named events whole, across chunk boundaries, skipping others', async () => {
    const reader = new EventStreamReader(
      streamOf('event: ping\ndata: {"@type":"Ping"}\n\nevent: st', 'ate\ndata: {"a":\ndata: 1}\n\n'),
    );
    expect(await reader.next('state')).toEqual({ event: 'state', data: '{"a":\n1}' });
    await expect(reader.next('state')).rejects.toThrow(/ended/);
  });

  it('refuses a response that is not a stream', () => {
    expect(() => new EventStreamReader(new Response('no', { status: 401 }))).toThrow(/HTTP 401/);
  });
});
