import type { MailStore } from '@colibri/mail-store';
import { USING, mime } from './colibri.js';
import type { Fixture, TestColibri } from './colibri.js';

/** One server-sent event (HTML Living Standard, §9.2 "Server-sent events"). */
export interface SseEvent {
  event: string;
  data: string;
}

/** Reads a text/event-stream response event by event, with a deadline for each read. */
export class SseReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  ended = false;

  constructor(response: Response) {
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
  }

  /** The next event, or null when the stream ends; throws after `timeoutMs` without one. */
  async next(timeoutMs = 3000): Promise<SseEvent | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event.event = line.slice(7);
          else if (line.startsWith('data: ')) event.data += line.slice(6);
        }
        return event;
      }
      if (this.ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left))),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') throw new Error(`no event within ${timeoutMs} ms`);
      if (chunk.done) this.ended = true;
      else this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** True when nothing arrives for `ms` milliseconds. */
  quiet(ms: number): Promise<boolean> {
    return nothingWithin((t) => this.next(t), ms);
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

/** True when `next` (which throws after its timeout) yields nothing within `ms` milliseconds. */
export async function nothingWithin(
  next: (timeoutMs: number) => Promise<unknown>,
  ms: number,
): Promise<boolean> {
  try {
    await next(ms);
    return false;
  } catch {
    return true;
  }
}

type MethodResponses = [string, Record<string, unknown>, string][];

/** POST /jmap/api with the core and mail capabilities. */
export async function jmapApi(
  url: string,
  authorization: string,
  methodCalls: unknown[],
  using: string[] = USING,
): Promise<MethodResponses> {
  const response = await fetch(`${url}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ using, methodCalls }),
  });
  if (response.status !== 200) throw new Error(`API ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { methodResponses: MethodResponses }).methodResponses;
}

/** A seed for startTestColibri: one message in ann's Inbox. */
export async function seedOneMessage(store: MailStore, fixture: Fixture): Promise<void> {
  const raw = await mime({
    from: 'Dora <dora@example.net>',
    to: 'ann@fixture.test',
    subject: 'Push me',
    text: 'Hello.',
  });
  await store.importMessage(fixture.ann.accountId, {
    raw,
    mailboxIds: [fixture.ann.inboxId],
    receivedAt: new Date('2024-03-01T10:00:05Z'),
  });
}

/** Toggles $flagged on ann's one message through JMAP; returns the new Email state. */
export async function flagAnnsMessage(
  colibri: TestColibri,
  authorization: string,
  flagged: boolean,
): Promise<string> {
  const accountId = colibri.fixture?.ann.accountId ?? '';
  const [[, query]] = (await jmapApi(colibri.httpUrl, authorization, [
    ['Email/query', { accountId }, 'q'],
  ])) as [[string, { ids: string[] }, string]];
  const id = query.ids[0] ?? '';
  const [[name, set]] = (await jmapApi(colibri.httpUrl, authorization, [
    ['Email/set', { accountId, update: { [id]: { 'keywords/$flagged': flagged || null } } }, 's'],
  ])) as [[string, Record<string, unknown>, string]];
  if (name !== 'Email/set' || !(id in ((set.updated ?? {}) as Record<string, unknown>)))
    throw new Error(`Email/set failed: ${JSON.stringify(set)}`);
  return set.newState as string;
}
