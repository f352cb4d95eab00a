import { describe, expect, it } from 'vitest';
import { parseStructuredHeader } from './structured-header.js';

describe('parseStructuredHeader', () => {
  it('parses a type with quoted, unquoted and commented parameters', () => {
    expect(parseStructuredHeader('Text/HTML; charset="UTF-8" (comment); format=flowed')).toEqual({
      value: 'text/html',
      params: { charset: 'UTF-8', format: 'flowed' },
    });
    expect(parseStructuredHeader('attachment; filename="a \\"quoted\\" name;.pdf"').params.filename).toBe(
      'a "quoted" name;.pdf',
    );
  });

  it('joins RFC 2231 continuations and decodes their charset', () => {
    const header =
      'attachment; filename*0*=iso-8859-1\'fr\'R%E9sum%E9; filename*1=" final"; filename*2*=%2Epdf; filename=fallback.pdf';
    expect(parseStructuredHeader(header).params.filename).toBe('Résumé final.pdf');
    expect(parseStructuredHeader("inline; filename*=UTF-8''%E2%82%AC.txt").params.filename).toBe('€.txt');
  });

  it('decodes RFC 2047 words in names, which many mailers send', () => {
    expect(parseStructuredHeader('application/pdf; name="=?UTF-8?B?UmFwcG9ydC5wZGY=?="').params.name).toBe(
      'Rapport.pdf',
    );
  });

  it('keeps the first of duplicated parameters and tolerates a missing semicolon', () => {
    expect(parseStructuredHeader('multipart/mixed; boundary="a"; boundary="b"').params.boundary).toBe('a');
    expect(parseStructuredHeader('multipart/mixed\tboundary="x"')).toEqual({
      value: 'multipart/mixed',
      params: { boundary: 'x' },
    });
  });

  it('never throws on junk', () => {
    for (const junk of ['', ';;;', '"unterminated', '(((', 'a/b; =x; y=; z', 'x*999999*=a']) {
      expect(() => parseStructuredHeader(junk)).not.toThrow();
    }
    expect(parseStructuredHeader(null)).toEqual({ value: '', params: {} });
  });
});
