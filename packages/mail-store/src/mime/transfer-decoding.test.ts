import { describe, expect, it } from 'vitest';
import { createTransferDecoder, decodeTransfer } from './transfer-decoding.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('decodeTransfer', () => {
  it('decodes quoted-printable with soft line breaks and keeps invalid escapes literally', () => {
    expect(
      text(decodeTransfer(bytes('Caf=C3=A9 cr=\r\n=C3=A8me =  \nok =ZZ 100%=3D'), 'quoted-printable')),
    ).toBe('Café crème ok =ZZ 100%=');
  });

  it('decodes base64 across lines, ignoring junk and concatenated padding', () => {
    expect(text(decodeTransfer(bytes('aGVs\r\nbG8g*\r\nd29y bGQ='), 'base64'))).toBe('hello world');
    expect(text(decodeTransfer(bytes('aGk=aGk='), 'BASE64'))).toBe('hihi');
  });

  it('passes identity encodings and unknown ones through, reading only the first token', () => {
    expect(text(decodeTransfer(bytes('=41'), '8bit'))).toBe('=41');
    expect(text(decodeTransfer(bytes('=41'), 'x-unknown'))).toBe('=41');
    expect(text(decodeTransfer(bytes('QQ=='), '"base64" (quoted)'))).toBe('A');
  });

  it('decodes the same however the body is cut (a quad, "=XX", a soft line break across chunks)', () => {
    const samples: [string, string][] = [
      ['quoted-printable', 'Caf=C3=A9 cr=\r\n=C3=A8me =  \nok =ZZ =\r=A = \t\r\n=4'],
      ['quoted-printable', 'tail= \t '],
      ['base64', 'aGVs\r\nbG8g*\r\nd29y bGQ=aGk=\n=Q\nQ-_wQUJDR'],
    ];
    for (const [encoding, sample] of samples) {
      const body = bytes(sample);
      const whole = decodeTransfer(body, encoding);
      for (let at = 0; at <= body.byteLength; at++) {
        const decoder = createTransferDecoder(encoding);
        const parts = [
          decoder.decode(body.subarray(0, at)),
          decoder.decode(body.subarray(at)),
          decoder.flush(),
        ];
        expect(Buffer.concat(parts), `${encoding} cut at ${at}`).toEqual(Buffer.from(whole));
      }
    }
  });
});
