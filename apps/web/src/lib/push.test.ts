import { describe, expect, it } from 'vitest';
import { openPushStream } from './push';
import type { StateChange } from './push';

/** An EventSource that the test drives: it records the URL and dispatches what it is told. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null;
  closed = false;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super();
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data?: string) {
    this.dispatchEvent(data === undefined ? new Event(type) : new MessageEvent(type, { data }));
  }
}

function open() {
  const changes: StateChange[] = [];
  let opens = 0;
  const close = openPushStream(
    {
      eventSourceUrl:
        'http://colibri.test/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}',
    },
    {
      onStateChange: (change) => changes.push(change),
      onOpen: () => (opens += 1),
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
      pingSeconds: 30,
    },
  );
  const source = FakeEventSource.last;
  if (!source) throw new Error('no EventSource opened');
  return { changes, opens: () => opens, close, source };
}

describe('openPushStream', () => {
  it('opens the Session eventSourceUrl for every type, kept open, with the cookie (RFC 8620 §7.3)', () => {
    const { source } = open();
    // RFC 6570 level 1 percent-encodes "*"; the server reads the decoded query.
    const url = new URL(source.url);
    expect(url.pathname).toBe('/jmap/eventsource');
    expect(Object.fromEntries(url.searchParams)).toEqual({ types: '*', closeafter: 'no', ping: '30' });
    expect(source.init).toEqual({ withCredentials: true });
  });

  it('hands over StateChange objects and ignores anything else', () => {
    const { changes, source } = open();
    source.emit('state', JSON.stringify({ '@type': 'StateChange', changed: { A1: { Email: 's9' } } }));
    source.emit('state', 'not json');
    source.emit('state', JSON.stringify({ '@type': 'Ping', interval: 30 }));
    expect(changes).toEqual([{ '@type': 'StateChange', changed: { A1: { Email: 's9' } } }]);
  });

  it('reports each (re)opening and closes when asked', () => {
    const { source, opens, close } = open();
    source.emit('open');
    source.emit('open');
    expect(opens()).toBe(2);
    close();
    expect(source.closed).toBe(true);
  });
});
