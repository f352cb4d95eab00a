import { describe, expect, it } from 'vitest';
import { composeForWire } from './lmtp-client.js';
import type { BenchMessage } from './corpus.js';

const message: BenchMessage = {
  from: { name: 'Ann', address: 'ann@example.test' },
  to: 'bob@colibri.test',
  subject: 'Dots',
  messageId: '<dots@example.test>',
  date: new Date(Date.UTC(2026, 10, 29)),
  text: 'first line\n.starts with a dot\n..two dots\nlast',
};

describe('composeForWire', () => {
  it('gives DATA bytes as RFC 5321 §4.5.2 wants them: CRLF lines, leading dots doubled, a final CRLF', async () => {
    const [wire] = await composeForWire([message]);
    const data = wire!.data.toString('latin1');
    expect(wire!.mailFrom).toBe('ann@example.test');
    expect(wire!.rcptTo).toBe('bob@colibri.test');
    expect(data).toContain('\r\n..starts with a dot\r\n...two dots\r\n');
    expect(data.endsWith('\r\n')).toBe(true);
    expect(data).not.toMatch(/[^\r]\n/);
    // No line is the end-of-data marker on its own.
    expect(data.split('\r\n')).not.toContain('.');
  });
});
