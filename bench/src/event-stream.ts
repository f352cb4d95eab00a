/** One server-sent event (WHATWG HTML §9.2). */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` response (JMAP push, RFC 8620 §7.3) event by event: Node 20 has no
 * EventSource. Only what the bench needs: `event:` and `data:` lines, events split by a blank line.
 */
export class EventStreamReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    if (!response.ok || !response.body) throw new Error(`event stream refused: HTTP ${response.status}`);
    this.reader = response.body.getReader();
  }

  /** The next event named `name` (others, e.g. pings, are skipped); throws when the stream ends. */
  async next(name: string): Promise<ServerSentEvent> {
    for (;;) {
      const end = this.buffer.search(/\r?\n\r?\n/);
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const event: ServerSentEvent = { event: 'message', data: '' };
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith('event:')) event.event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        // Several data lines are one value, joined by line feeds.
        event.data = data.join('\n');
        if (event.event === name) return event;
        continue;
      }
      const chunk = await this.reader.read();
      if (chunk.done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
