import { expect } from '@playwright/test';
import type { JmapAccount } from './jmap-raw.js';
import { expandTemplate } from './jmap-raw.js';

export interface ServerEvent {
  event: string;
  data: Record<string, unknown>;
}

/** An open text/event-stream: the events parsed so far, and whether the server ended it. */
export interface EventStream {
  status: number;
  contentType: string | null;
  events: ServerEvent[];
  ended: Promise<void>;
  close(): void;
}

export async function openEventSource(
  account: JmapAccount,
  values: Record<string, string>,
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(expandTemplate(account.session.eventSourceUrl, values), {
    headers: { Authorization: account.authorization, Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: ServerEvent[] = [];
  const read = async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        // Events are separated by a blank line (HTML Living Standard, server-sent events).
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
          const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
          if (data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // Aborted by close().
    }
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    ended: read(),
    close: () => controller.abort(),
  };
}

export const until = async (stream: EventStream, event: string): Promise<ServerEvent> => {
  await expect
    .poll(() => stream.events.some((e) => e.event === event), { timeout: 10_000, intervals: [50] })
    .toBe(true);
  return stream.events.find((e) => e.event === event)!;
};
