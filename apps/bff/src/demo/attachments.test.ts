import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { landscapePng, makeInvitation, makePdf } from './attachments.js';

describe('demo attachments', () => {
  it('makes a PDF whose xref offsets point at its objects', () => {
    const pdf = makePdf('Invoice (2024)', ['Line one', 'Total: 12.00 EUR']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
    expect(text).toContain('(Invoice \\(2024\\)) Tj');
  });

  it('makes a PNG with the signature, a correct header and inflatable pixel data', () => {
    const png = landscapePng(16, 10);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(16);
    expect(png.readUInt32BE(20)).toBe(10);
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength((16 * 3 + 1) * 10);
  });

  it('makes an iTIP REQUEST with folded lines of at most 75 octets', () => {
    const ics = makeInvitation(
      {
        uid: 'demo-1@colibri.test',
        summary: 'Quarterly planning, with a summary long enough to need folding across lines',
        location: 'Room 2; 3rd floor',
        description: 'Agenda:\n- budget',
        start: new Date('2024-03-05T09:00:00Z'),
        minutes: 60,
        organizer: { name: 'Carol Nguyen', email: 'carol@colibri.test' },
        attendees: [{ name: 'Alice Durand', email: 'alice@colibri.test' }],
      },
      new Date('2024-03-01T00:00:00Z'),
    );
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20240305T090000Z\r\n');
    expect(ics).toContain('LOCATION:Room 2\\; 3rd floor\r\n');
    expect(ics).toContain('DESCRIPTION:Agenda:\\n- budget\r\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
