import { describe, expect, it } from 'vitest';
import { attachmentDisposition, downloadContentType } from './content-disposition.js';

describe('attachmentDisposition (RFC 6266, RFC 8187)', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Facture été.pdf')).toBe(
      `attachment; filename="Facture _t_.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`,
    );
  });

  it('never lets a path, a quote or a header break through', () => {
    const value = attachmentDisposition('../../etc/passwd"\r\nX-Evil: 1');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe(
      `attachment; filename=".._.._etc_passwd___X-Evil: 1"; filename*=UTF-8''.._.._etc_passwd%22__X-Evil%3A%201`,
    );
    expect(value).not.toContain('/');
  });
});

describe('downloadContentType (RFC 8620 §6.2)', () => {
  it('uses a well-formed accept type, else application/octet-stream', () => {
    expect(downloadContentType('application/pdf')).toBe('application/pdf');
    expect(downloadContentType('text/plain; charset=utf-8')).toBe('text/plain; charset=utf-8');
    expect(downloadContentType('text/html\r\nSet-Cookie: x=1')).toBe('application/octet-stream');
    expect(downloadContentType(undefined)).toBe('application/octet-stream');
    expect(downloadContentType(['a/b'])).toBe('application/octet-stream');
  });
});
