import { describe, expect, it } from 'vitest';
import { EMAIL_DRAG_TYPE, carriesEmails, readDraggedEmails, writeDraggedEmails } from './drag-emails';

/** jsdom has no DataTransfer: a minimal one with the parts the app uses. */
function transfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    effectAllowed: 'none',
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  } as unknown as DataTransfer;
}

describe('dragged emails', () => {
  it('carry their ids under the app type, and a text for elsewhere', () => {
    const t = transfer();
    writeDraggedEmails(t, ['e1', 'e2'], '2 messages');
    expect(carriesEmails(t)).toBe(true);
    expect(readDraggedEmails(t)).toEqual(['e1', 'e2']);
    expect(t.getData('text/plain')).toBe('2 messages');
    expect(t.effectAllowed).toBe('move');
  });

  it('a foreign or malformed drop moves nothing', () => {
    const files = transfer();
    files.setData('Files', 'x');
    expect(carriesEmails(files)).toBe(false);
    expect(readDraggedEmails(files)).toEqual([]);
    const bad = transfer();
    bad.setData(EMAIL_DRAG_TYPE, '{not json');
    expect(readDraggedEmails(bad)).toEqual([]);
    bad.setData(EMAIL_DRAG_TYPE, JSON.stringify(['ok', 3, null]));
    expect(readDraggedEmails(bad)).toEqual(['ok']);
  });
});
