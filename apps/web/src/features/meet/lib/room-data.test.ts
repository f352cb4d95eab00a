import { describe, expect, it } from 'vitest';
import {
  MAX_CHAT_LENGTH,
  MAX_CHAT_LINES,
  appendChat,
  decodeChat,
  decodeHand,
  encodeChat,
  encodeHand,
} from './room-data';
import type { ChatLine } from './room-data';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('room data messages', () => {
  it('round-trips a chat line and a raised hand', () => {
    expect(decodeChat(encodeChat('m1', ' hello '))).toEqual({ id: 'm1', text: 'hello' });
    expect(decodeHand(encodeHand(true))).toBe(true);
    expect(decodeHand(encodeHand(false))).toBe(false);
  });

  it('drops what is not one of ours: bad JSON, wrong shapes, empty or oversized text', () => {
    expect(decodeChat(bytes('not json'))).toBeNull();
    expect(decodeChat(bytes('[1]'))).toBeNull();
    expect(decodeChat(bytes('{"id":1,"text":"x"}'))).toBeNull();
    expect(decodeChat(encodeChat('m', '   '))).toBeNull();
    expect(decodeChat(encodeChat('m', 'x'.repeat(MAX_CHAT_LENGTH + 1)))).toBeNull();
    expect(decodeHand(bytes('{"raised":"yes"}'))).toBeNull();
  });

  it('keeps the last lines only and ignores a line received twice', () => {
    const line = (i: number): ChatLine => ({
      id: `m${i}`,
      from: 'a',
      name: 'A',
      text: `${i}`,
      sentAt: i,
      mine: false,
    });
    let lines: ChatLine[] = [];
    for (let i = 0; i < MAX_CHAT_LINES + 5; i++) lines = appendChat(lines, line(i));
    expect(lines).toHaveLength(MAX_CHAT_LINES);
    expect(lines[0]?.id).toBe('m5');
    expect(appendChat(lines, line(MAX_CHAT_LINES + 4))).toHaveLength(MAX_CHAT_LINES);
  });
});
