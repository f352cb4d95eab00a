import { describe, expect, it } from 'vitest';
import { parseSieve } from '../src/parse.js';
import { SAMPLE, run } from './support.js';

describe('RFC 5429 reject and ereject', () => {
  it('§2.1 example: reject with a multi-line reason cancels the implicit keep', () => {
    const script = `require ["reject"];
if address "from" "coyote@desert.example.org" {
    reject text:
I am not taking mail from you, and I don't
want your birdseed, either!
.
;
}`;
    expect(run(script, SAMPLE).actions).toEqual([
      {
        type: 'reject',
        reason: "I am not taking mail from you, and I don't\r\nwant your birdseed, either!\r\n",
        extended: false,
      },
    ]);
    expect(run('require "ereject"; ereject "no";', SAMPLE).actions).toEqual([
      { type: 'reject', reason: 'no', extended: true },
    ]);
  });

  it('§2.4 reject with keep, fileinto, redirect or vacation is a run-time error: the message is kept', () => {
    for (const other of ['keep;', 'fileinto "a";', 'redirect "a@b.example";', 'vacation "away";']) {
      for (const source of [`reject "no"; ${other}`, `${other} reject "no";`]) {
        const outcome = run(`require ["reject", "fileinto", "vacation"]; ${source}`, SAMPLE);
        expect(outcome.errors).toHaveLength(1);
        expect(outcome.actions.some((action) => action.type === 'reject')).toBe(false);
        expect(outcome.actions.some((action) => action.type === 'keep')).toBe(true);
      }
    }
    expect(run('require "reject"; discard; reject "no";', SAMPLE).errors).toEqual([]);
  });
});

describe('RFC 5230 vacation and RFC 6131 vacation-seconds', () => {
  it('§4 examples: reason, defaults (7 days, derived handle), keep stays', () => {
    const script = `require "vacation";
if header :contains "subject" "cyrus" {
    vacation "I'm out -- send mail to cyrus-bugs";
} else {
    vacation "I'm out -- call me at +1 304 555 0123";
}`;
    const outcome = run(script, SAMPLE);
    expect(outcome.actions).toEqual([
      {
        type: 'vacation',
        reason: "I'm out -- call me at +1 304 555 0123",
        mime: false,
        addresses: [],
        periodSeconds: 7 * 86_400,
        handle: expect.stringMatching(/^sieve-[0-9a-f]{16}$/),
      },
      { type: 'keep', flags: [] },
    ]);
  });

  it(':days, :addresses, :subject with a match variable, :from, :mime, :handle', () => {
    const script = `require ["vacation", "variables"];
if header :matches "subject" "*" {
  vacation :days 23 :addresses ["tjs@example.edu", "ts4z@landru.example.edu"]
    :subject "Automatic response to: \${1}" :from "me@example.edu" :mime :handle "h1" "I'm away";
}`;
    expect(run(script, SAMPLE).actions[0]).toEqual({
      type: 'vacation',
      reason: "I'm away",
      mime: true,
      subject: 'Automatic response to: I have a present for you',
      from: 'me@example.edu',
      addresses: ['tjs@example.edu', 'ts4z@landru.example.edu'],
      periodSeconds: 23 * 86_400,
      handle: 'h1',
    });
  });

  it('clamps the period; :seconds needs vacation-seconds and excludes :days', () => {
    const period = (source: string): number => {
      const action = run(source, SAMPLE).actions[0];
      return action?.type === 'vacation' ? action.periodSeconds : -1;
    };
    expect(period('require "vacation"; vacation :days 0 "x";')).toBe(86_400);
    expect(period('require "vacation"; vacation :days 365 "x";')).toBe(30 * 86_400);
    expect(period('require ["vacation", "vacation-seconds"]; vacation :seconds 3600 "x";')).toBe(86_400);
    expect(parseSieve('require "vacation"; vacation :seconds 3600 "x";')).toMatchObject({ ok: false });
    expect(
      parseSieve('require ["vacation", "vacation-seconds"]; vacation :days 1 :seconds 3600 "x";'),
    ).toMatchObject({ ok: false });
  });

  it('RFC 6131 §3 examples: vacation-seconds implies vacation; periods below a day are clamped', () => {
    const meeting = `require ["vacation-seconds"];
vacation :addresses ["tjs@example.edu", "ts4z@landru.example.edu"]
         :seconds 1800
         "I am in a meeting, and do not have access to email.";`;
    expect(run(meeting, SAMPLE).actions[0]).toMatchObject({ type: 'vacation', periodSeconds: 86_400 });
    const every = `require ["vacation-seconds"];

vacation :handle "auto-resp" :seconds 0
    "Your request has been received.  A service
     representative will contact you as soon as
     possible, usually within one business day.";`;
    expect(run(every, SAMPLE).actions[0]).toMatchObject({
      type: 'vacation',
      handle: 'auto-resp',
      periodSeconds: 86_400,
    });
    expect(parseSieve('require "vacation-seconds"; vacation :seconds 2147483648 "x";')).toMatchObject({
      ok: false,
      errors: [{ message: ':seconds must be less than 2^31' }],
    });
  });

  it('§4.2 the default handle changes with reason, subject, from and :mime', () => {
    const handle = (source: string): string => {
      const action = run(`require "vacation"; ${source}`, SAMPLE).actions[0];
      return action?.type === 'vacation' ? action.handle : '';
    };
    const handles = new Set([
      handle('vacation "a";'),
      handle('vacation "b";'),
      handle('vacation :subject "s" "a";'),
      handle('vacation :from "f@example.org" "a";'),
      handle('vacation :mime "a";'),
    ]);
    expect(handles.size).toBe(5);
    expect(handle('vacation "a";')).toBe(handle('vacation :days 3 "a";'));
  });

  it('a second vacation is a run-time error', () => {
    expect(run('require "vacation"; vacation "a"; vacation "b";', SAMPLE).errors[0]).toContain(
      'only one vacation',
    );
  });
});
