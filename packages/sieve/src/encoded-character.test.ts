import { describe, expect, it } from 'vitest';
import { decodeEncodedCharacters } from './encoded-character.js';

describe('decodeEncodedCharacters (RFC 5228 §2.4.2.4)', () => {
  it('decodes hex octets as UTF-8 and unicode code points', () => {
    expect(decodeEncodedCharacters('${hex:24 24}')).toEqual({ ok: true, value: '$$' });
    expect(decodeEncodedCharacters('$${HEX: 24}{')).toEqual({ ok: true, value: '$${' });
    expect(decodeEncodedCharacters('${unicode:1F600} ${Unicode:41 42}')).toEqual({
      ok: true,
      value: '😀 AB',
    });
    expect(decodeEncodedCharacters('${hex:c3 a9}')).toEqual({ ok: true, value: 'é' });
  });

  it('handles the RFC 5228 §2.4.2.4 examples as the RFC says', () => {
    const examples: Array<[string, string | null]> = [
      ['$${hex:40}', '$@'],
      ['${hex: 40 }', '@'],
      ['${HEX: 40}', '@'],
      ['${hex:40', '${hex:40'],
      ['${hex:400}', '${hex:400}'],
      ['${hex:4${hex:30}}', '${hex:40}'],
      ['${unicode:40}', '@'],
      ['${ unicode:40}', '${ unicode:40}'],
      ['${UNICODE:40}', '@'],
      ['${UnICoDE:0000040}', '@'],
      ['${Unicode:40}', '@'],
      ['${Unicode:Cool}', '${Unicode:Cool}'],
      ['${unicode:200000}', null],
      ['${Unicode:DF01}', null],
    ];
    for (const [input, output] of examples) {
      const expected =
        output === null ? { ok: false, message: expect.any(String) } : { ok: true, value: output };
      expect(decodeEncodedCharacters(input), input).toEqual(expected);
    }
  });

  it('leaves malformed sequences as written, refuses invalid code points', () => {
    expect(decodeEncodedCharacters('${hex:}${hex:zz}${hex:c3}${hex:123}')).toEqual({
      ok: true,
      value: '${hex:}${hex:zz}${hex:c3}${hex:123}',
    });
    expect(decodeEncodedCharacters('${unicode:D800}')).toMatchObject({ ok: false });
  });
});
