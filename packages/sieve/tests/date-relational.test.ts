import { describe, expect, it } from 'vitest';
import { SAMPLE, actionTypes, run } from './support.js';

// NOW in support.ts is 2026-03-10T08:30:00Z, a Tuesday.
describe('RFC 5260 date and currentdate', () => {
  it('§4 example: working hours in the original zone of the Date field', () => {
    const script = `require ["date", "relational", "fileinto"];
if allof(header :is "from" "boss@example.com",
         date :value "ge" :originalzone "date" "hour" "09",
         date :value "lt" :originalzone "date" "hour" "17")
{ fileinto "urgent"; }`;
    const at = (time: string): string[] =>
      actionTypes(run(script, `From: boss@example.com\nDate: Tue, 1 Apr 1997 ${time} -0800\n\nx`));
    expect(at('09:06:31')).toEqual(['fileinto:urgent']);
    expect(at('17:00:00')).toEqual(['keep']);
  });

  it('§5 currentdate with :value ranges and match variables', () => {
    const range = `require ["date", "relational", "vacation"];
if allof(currentdate :value "ge" "date" "2026-03-01", currentdate :value "le" "date" "2026-03-31")
{ vacation :days 7 "I'm away in March."; }`;
    expect(actionTypes(run(range, SAMPLE))).toEqual(['vacation', 'keep']);
    const folders = `require ["date", "variables", "fileinto"];
if currentdate :matches "month" "*" { set "month" "\${1}"; }
if currentdate :matches "year"  "*" { set "year" "\${1}"; }
fileinto "\${month}-\${year}";`;
    expect(actionTypes(run(folders, SAMPLE))).toEqual(['fileinto:03-2026']);
  });

  it('§4.2 every date-part, in UTC and with :zone', () => {
    const parts: Record<string, string> = {
      year: '2026',
      month: '03',
      day: '10',
      date: '2026-03-10',
      julian: '61109',
      hour: '08',
      minute: '30',
      second: '00',
      time: '08:30:00',
      iso8601: '2026-03-10T08:30:00+00:00',
      std11: 'Tue, 10 Mar 2026 08:30:00 +0000',
      zone: '+0000',
      weekday: '2',
    };
    for (const [part, value] of Object.entries(parts)) {
      expect(
        actionTypes(run(`require "date"; if currentdate "${part}" "${value}" { discard; }`, SAMPLE)),
        part,
      ).toEqual(['discard']);
    }
    const zoned =
      'require "date"; if currentdate :zone "-0930" "iso8601" "2026-03-09T23:00:00-09:30" { discard; }';
    expect(actionTypes(run(zoned, SAMPLE))).toEqual(['discard']);
  });

  it('date-parts, zones and envelope parts built from variables are checked at run time', () => {
    const cases: Array<[string, string, string]> = [
      [
        'require ["date", "variables"]; set "p" "decade"; if currentdate "${p}" "x" { discard; }',
        'currentdate',
        'unknown date-part "decade"',
      ],
      [
        'require ["date", "variables"]; set "z" "CET"; if currentdate :zone "${z}" "year" "x" { discard; }',
        'currentdate',
        'invalid :zone "CET"',
      ],
      [
        'require ["envelope", "variables"]; set "e" "auth"; if envelope "${e}" "x" { discard; }',
        'envelope "',
        'unknown envelope part "auth"',
      ],
    ];
    for (const [source, test, message] of cases) {
      const outcome = run(source, SAMPLE);
      expect(outcome.errors).toEqual([`line 1, column ${source.indexOf(test) + 1}: ${message}`]);
      expect(actionTypes(outcome)).toEqual(['keep']);
    }
  });

  it('date converts to UTC by default; unreadable dates never match', () => {
    const raw = 'Date: Tue, 1 Apr 1997 23:06:31 -0800 (PST)\n\nx';
    expect(actionTypes(run('require "date"; if date "date" "date" "1997-04-02" { discard; }', raw))).toEqual([
      'discard',
    ]);
    expect(
      actionTypes(
        run('require "date"; if date :matches "date" "date" "*" { discard; }', 'Date: yesterday\n\nx'),
      ),
    ).toEqual(['keep']);
  });

  it('§6 :index and :last pick one occurrence (Received dates after the ";")', () => {
    const raw = `Received: from a by b; Mon, 26 Feb 2007 09:00:00 -0500
Received: from c by d; Sun, 25 Feb 2007 10:00:00 -0500
X-Tag: first
X-Tag: second

x`;
    const date =
      'require ["date", "index"]; if date :index 1 :zone "-0500" "received" "iso8601" "2007-02-26T09:00:00-05:00" { discard; }';
    expect(actionTypes(run(date, raw))).toEqual(['discard']);
    const last =
      'require ["date", "index"]; if date :index 1 :last :zone "-0500" "received" "day" "25" { discard; }';
    expect(actionTypes(run(last, raw))).toEqual(['discard']);
    expect(
      actionTypes(run('require "index"; if header :index 2 "x-tag" "second" { discard; }', raw)),
    ).toEqual(['discard']);
    expect(
      actionTypes(run('require "index"; if header :index 3 "x-tag" "second" { discard; }', raw)),
    ).toEqual(['keep']);
  });
});

describe('RFC 5231 relational and RFC 4790 i;ascii-numeric', () => {
  it(':value with i;ascii-numeric compares numbers; non-numbers are infinity', () => {
    const script = `require ["relational", "comparator-i;ascii-numeric"];
if header :value "lt" :comparator "i;ascii-numeric" ["x-priority"] ["3"] { discard; }`;
    expect(actionTypes(run(script, 'X-Priority: 2 (High)\n\nx'))).toEqual(['discard']);
    expect(actionTypes(run(script, 'X-Priority: 10\n\nx'))).toEqual(['keep']);
    expect(actionTypes(run(script, 'X-Priority: high\n\nx'))).toEqual(['keep']);
    const is =
      'require "comparator-i;ascii-numeric"; if header :comparator "i;ascii-numeric" "x-n" "007" { discard; }';
    expect(actionTypes(run(is, 'X-N: 7\n\nx'))).toEqual(['discard']);
  });

  it(':count counts addresses and header fields', () => {
    const script = `require ["relational", "comparator-i;ascii-numeric"];
if address :count "ge" :comparator "i;ascii-numeric" ["to", "cc"] ["3"] { discard; }`;
    expect(actionTypes(run(script, 'To: a@x.org, b@x.org\nCc: c@x.org\n\nx'))).toEqual(['discard']);
    expect(actionTypes(run(script, 'To: a@x.org, b@x.org\n\nx'))).toEqual(['keep']);
    const fields =
      'require ["relational", "comparator-i;ascii-numeric"]; if header :count "eq" :comparator "i;ascii-numeric" "received" "0" { discard; }';
    expect(actionTypes(run(fields, SAMPLE))).toEqual(['discard']);
  });
});

describe('RFC 5233 subaddress', () => {
  it(':user and :detail with "+"', () => {
    const script = `require ["envelope", "subaddress", "fileinto"];
if envelope :user "to" "postmaster" { fileinto "inbox.postmaster"; stop; }
if envelope :detail :is "to" "mta-filters" { fileinto "inbox.ietf-mta-filters"; stop; }
if address :detail "to" "" { fileinto "empty-detail"; stop; }`;
    const to = (rcpt: string, raw = SAMPLE): string[] =>
      actionTypes(run(script, raw, {}, {}, { from: 'a@b.org', to: rcpt }));
    expect(to('postmaster+x@example.com')).toEqual(['fileinto:inbox.postmaster']);
    expect(to('ken+mta-filters@example.com')).toEqual(['fileinto:inbox.ietf-mta-filters']);
    expect(to('ken@example.com', 'To: ken+@example.com\n\nx')).toEqual(['fileinto:empty-detail']);
    expect(to('ken@example.com', 'To: ken@example.com\n\nx')).toEqual(['keep']);
  });
});
