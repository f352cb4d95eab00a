import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

describe('decodeText (RFC 8621 §4.1.4 EmailBodyValue)', () => {
  it('decodes UTF-8, and reads valid UTF-8 labelled us-ascii or unlabelled as UTF-8', () => {
    const utf8 = new TextEncoder().encode('Grüße €');
    expect(decodeText(utf8, 'utf-8')).toEqual({ text: 'Grüße €', isEncodingProblem: false });
    expect(decodeText(utf8, 'US-ASCII')).toEqual({ text: 'Grüße €', isEncodingProblem: false });
    expect(decodeText(utf8, null)).toEqual({ text: 'Grüße €', isEncodingProblem: false });
  });

  it('decodes the declared charset', () => {
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'iso-8859-1').text).toBe('café');
  });

  it('flags malformed input and unknown charsets as encoding problems, best effort', () => {
    expect(decodeText(Uint8Array.from([0x61, 0xff, 0x62]), 'utf-8')).toEqual({
      text: 'a\uFFFDb',
      isEncodingProblem: true,
    });
    expect(decodeText(Uint8Array.from([0x61]), 'x-klingon')).toEqual({ text: 'a', isEncodingProblem: true });
  });
});
