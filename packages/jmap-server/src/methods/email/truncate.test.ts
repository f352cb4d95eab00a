import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from './truncate.js';

const bytes = (value: string) => new TextEncoder().encode(value).length;

describe('truncateUtf8 (RFC 8621 §4.2 maxBodyValueBytes)', () => {
  it('leaves short values and maxBytes 0 alone', () => {
    expect(truncateUtf8('hello', 5)).toEqual({ value: 'hello', isTruncated: false });
    expect(truncateUtf8('hello', 0)).toEqual({ value: 'hello', isTruncated: false });
  });

  it('never cuts inside a code point', () => {
    // "é" is 2 octets, "€" 3, "😀" 4.
    const text = 'aé€😀b';
    for (let max = 1; max < bytes(text); max += 1) {
      const { value, isTruncated } = truncateUtf8(text, max);
      expect(isTruncated).toBe(true);
      expect(bytes(value)).toBeLessThanOrEqual(max);
      expect(text.startsWith(value)).toBe(true);
      expect(value).not.toContain('\uFFFD');
    }
    expect(truncateUtf8(text, 3).value).toBe('aé');
    expect(truncateUtf8(text, 5).value).toBe('aé');
    expect(truncateUtf8(text, 6).value).toBe('aé€');
  });
});
