import { describe, expect, it } from 'vitest';
import { traceHeaders } from './trace-headers.js';

const base = {
  mailFrom: 'dora@example.net',
  recipient: 'bob@colibri.test',
  helo: 'mx.example.net',
  clientHostname: 'mx.example.net',
  clientAddress: '192.0.2.10',
  serverName: 'colibri.localhost',
  protocol: 'ESMTP',
  id: 'ABC123',
  date: new Date('2024-03-05T08:00:00Z'),
};

describe('traceHeaders (RFC 5321 §4.4)', () => {
  it('writes Return-Path and a folded Received line for the one recipient', () => {
    expect(traceHeaders(base)).toBe(
      'Return-Path: <dora@example.net>\r\n' +
        'Received: from mx.example.net (mx.example.net [192.0.2.10])\r\n' +
        '\tby colibri.localhost (Colibri) with ESMTP id ABC123\r\n' +
        '\tfor <bob@colibri.test>; Tue, 05 Mar 2024 08:00:00 +0000\r\n',
    );
  });

  it('keeps client-supplied names from breaking the header', () => {
    const text = traceHeaders({
      ...base,
      helo: 'evil\r\nX-Injected: yes',
      clientHostname: '[192.0.2.10]',
      mailFrom: '',
    });
    expect(text.split('\r\n').filter((line) => line.startsWith('X-Injected'))).toEqual([]);
    expect(text).toContain('Return-Path: <>\r\n');
    expect(text).toContain('Received: from evilX-Injected:yes ([192.0.2.10])');
  });
});
