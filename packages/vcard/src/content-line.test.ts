import { describe, expect, it } from 'vitest';
import { fold, parseContentLine, structuredValue, unescapeText, writeContentLine } from './content-line.js';

describe('content lines (RFC 6350 §3.3)', () => {
  it('reads a group, a name and parameters, case-insensitively', () => {
    expect(parseContentLine('item1.EMAIL;type=INTERNET;TYPE=pref:a@example.com')).toEqual({
      group: 'item1',
      name: 'email',
      params: { type: ['INTERNET', 'pref'] },
      value: 'a@example.com',
    });
  });

  it('keeps a colon, semicolon and comma inside a quoted parameter value', () => {
    const p = parseContentLine('ADR;GEO="geo:12.3457,78.910";LABEL="a;b":;;street');
    expect(p?.params).toEqual({ geo: ['geo:12.3457,78.910'], label: ['a;b'] });
    expect(p?.value).toBe(';;street');
  });

  it('splits unquoted multi-valued parameters (RFC 6350 §5.6 TYPE=work,voice)', () => {
    expect(parseContentLine('TEL;TYPE=work,voice:tel:+1')?.params.type).toEqual(['work', 'voice']);
  });

  it('decodes RFC 6868 caret escapes in parameter values (RFC 6868 §4 example)', () => {
    const p = parseContentLine('ADR;LABEL="123 Main Street^nAny Town, CA 91921-1234^nU.S.A.":;;');
    expect(p?.params.label).toEqual(['123 Main Street\nAny Town, CA 91921-1234\nU.S.A.']);
    expect(parseContentLine(`X-A;X-P=^^ and ^':v`)?.params['x-p']).toEqual(['^ and "']);
  });

  it('turns vCard 2.1 bare parameters into TYPE and ENCODING', () => {
    expect(parseContentLine('TEL;WORK;VOICE:(111) 555-1212')?.params).toEqual({ type: ['work', 'voice'] });
    expect(parseContentLine('NOTE;QUOTED-PRINTABLE:a=3Db')?.params).toEqual({
      encoding: ['quoted-printable'],
    });
  });

  it('refuses a line without a colon or with an unclosed quote', () => {
    expect(parseContentLine('NOTE just text')).toBeUndefined();
    expect(parseContentLine('NOTE;X="open:value')).toBeUndefined();
  });

  it('unescapes TEXT (RFC 6350 §3.4) and splits structured values on unescaped separators', () => {
    expect(unescapeText('a\\, b\\; c\\\\ d\\ne')).toBe('a, b; c\\ d\ne');
    expect(structuredValue('Stevenson;John;Philip,Paul;Dr.;Jr.\\,x')).toEqual([
      ['Stevenson'],
      ['John'],
      ['Philip', 'Paul'],
      ['Dr.'],
      ['Jr.,x'],
    ]);
  });

  it('writes parameters quoted when needed and with RFC 6868 carets', () => {
    expect(writeContentLine({ name: 'adr', params: { label: ['a\nb "c"'], geo: ['geo:1,2'] } }, ';;x')).toBe(
      `ADR;LABEL=a^nb ^'c^';GEO="geo:1,2":;;x`,
    );
  });

  it('folds at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2)', () => {
    const line = `NOTE:${'é'.repeat(60)}`;
    const folded = fold(line).split('\r\n');
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });
});
