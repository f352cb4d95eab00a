import { describe, expect, it } from 'vitest';
import { SAMPLE, actionTypes, run } from './support.js';

// RFC 5228 §9.1, as printed (upper-case :DOMAIN and NOT included).
const EXAMPLE_9_1 = `#
# Example Sieve Filter
# Declare any optional features or extension used by the script
#
require ["fileinto"];

#
# Handle messages from known mailing lists
# Move messages from IETF filter discussion list to filter mailbox
#
if header :is "Sender" "owner-ietf-mta-filters@imc.org"
        {
        fileinto "filter";  # move to "filter" mailbox
        }
#
# Keep all messages to or from people in my company
#
elsif address :DOMAIN :is ["From", "To"] "example.com"
        {
        keep;               # keep in "In" mailbox
        }

#
# Try and catch unsolicited email.  If a message is not to me,
# or it contains a subject known to be spam, file it away.
#
elsif anyof (NOT address :all :contains
               ["To", "Cc", "Bcc"] "me@example.com",
             header :matches "subject"
               ["*make*money*fast*", "*university*dipl*mas*"])
        {
        fileinto "spam";   # move to "spam" mailbox
        }
else
        {
        # Move all other (non-company) mail to "personal"
        # mailbox.
        fileinto "personal";
        }
`;

describe('RFC 5228 §9.1 example', () => {
  it('files list mail into "filter"', () => {
    const outcome = run(EXAMPLE_9_1, 'Sender: owner-ietf-mta-filters@imc.org\nTo: me@example.com\n\nx');
    expect(outcome.actions).toEqual([{ type: 'fileinto', mailbox: 'filter', create: false, flags: [] }]);
  });

  it('keeps company mail', () => {
    expect(actionTypes(run(EXAMPLE_9_1, 'From: Boss <boss@EXAMPLE.com>\nTo: x@y.org\n\nx'))).toEqual([
      'keep',
    ]);
  });

  it('files mail not to me, or with a spammy subject, into "spam"', () => {
    expect(actionTypes(run(EXAMPLE_9_1, SAMPLE))).toEqual(['fileinto:spam']);
    const spam = 'To: list@lists.example.org\nCc: me@example.com\nSubject: Make lots of MONEY very fast\n\nx';
    expect(actionTypes(run(EXAMPLE_9_1, spam))).toEqual(['fileinto:spam']);
  });

  it('files the rest into "personal"', () => {
    expect(
      actionTypes(
        run(EXAMPLE_9_1, 'To: list@lists.example.org\nCc: "Me" <me@example.com>\nSubject: hi\n\nx'),
      ),
    ).toEqual(['fileinto:personal']);
  });
});

describe('RFC 5228 commands and tests', () => {
  it('§3.1 if/elsif/else runs one branch', () => {
    const script = `require "fileinto";
if header :contains "from" "coyote" {
   discard;
} elsif header :contains ["subject"] ["$$$"] {
   discard;
} else {
   fileinto "INBOX";
}`;
    expect(actionTypes(run(script, SAMPLE))).toEqual(['discard']);
    expect(actionTypes(run(script, 'Subject: win $$$\n\nx'))).toEqual(['discard']);
    expect(actionTypes(run(script, 'Subject: hi\n\nx'))).toEqual(['fileinto:INBOX']);
  });

  it('§3.1 second example: one redirect of three', () => {
    const script = `if header :contains ["From"] ["coyote"] {
   redirect "acm@example.com";
} elsif header :contains "Subject" "$$$" {
   redirect "postmaster@example.com";
} else {
   redirect "field@example.com";
}`;
    expect(run(script, SAMPLE).actions).toEqual([{ type: 'redirect', address: 'acm@example.com' }]);
    expect(run(script, 'Subject: $$$\n\nx').actions).toEqual([
      { type: 'redirect', address: 'postmaster@example.com' },
    ]);
    expect(run(script, 'Subject: hi\n\nx').actions).toEqual([
      { type: 'redirect', address: 'field@example.com' },
    ]);
  });

  it('§5.7 header values without surrounding white space; the empty key', () => {
    const raw = 'X-Caffeine:   C8H10N4O2  \n\nx';
    expect(actionTypes(run('if header :is "X-Caffeine" "C8H10N4O2" { discard; }', raw))).toEqual(['discard']);
    expect(actionTypes(run('if header :is ["X-Caffeine"] [""] { discard; }', raw))).toEqual(['keep']);
    expect(actionTypes(run('if header :contains ["X-Caffeine"] [""] { discard; }', raw))).toEqual([
      'discard',
    ]);
    expect(actionTypes(run('if not header :matches "Cc" "?*" { discard; }', raw))).toEqual(['discard']);
  });

  it('§5.4 envelope drops source routes; a null reverse-path is "" for every part', () => {
    const env = { from: '<@relay.example:tim@example.com>', to: 'me+box@example.com' };
    const domain = 'require "envelope"; if envelope :domain "from" "example.com" { discard; }';
    expect(actionTypes(run(domain, SAMPLE, {}, {}, env))).toEqual(['discard']);
    const nullPath = { from: '', to: 'me@example.com' };
    for (const part of [':all', ':localpart', ':domain', ':user', ':detail']) {
      const script = `require ["envelope", "subaddress"]; if envelope ${part} "from" "" { discard; }`;
      expect(actionTypes(run(script, SAMPLE, {}, {}, nullPath)), part).toEqual(['discard']);
    }
  });

  it('§2.10.2 implicit keep when no action cancels it; stop ends the run', () => {
    expect(actionTypes(run('if false { discard; }', SAMPLE))).toEqual(['keep']);
    expect(actionTypes(run('stop; discard;', SAMPLE))).toEqual(['keep']);
    expect(actionTypes(run('discard;', SAMPLE))).toEqual(['discard']);
  });

  it('§4.2 redirect cancels the implicit keep; duplicates collapse', () => {
    const outcome = run('redirect "bart@example.com"; redirect "bart@example.com";', SAMPLE);
    expect(outcome.actions).toEqual([{ type: 'redirect', address: 'bart@example.com' }]);
    expect(actionTypes(run('require "fileinto"; fileinto "a"; fileinto "a"; keep; keep;', SAMPLE))).toEqual([
      'fileinto:a',
      'keep',
    ]);
  });

  it('§5.1 address parts and §5.4 envelope', () => {
    const raw = 'From: "Coyote, Wile E." <Wile.Coyote@Desert.Example.org> (genius)\n\nx';
    expect(actionTypes(run('if address :localpart "from" "wile.coyote" { discard; }', raw))).toEqual([
      'discard',
    ]);
    expect(actionTypes(run('if address :domain "from" "desert.example.org" { discard; }', raw))).toEqual([
      'discard',
    ]);
    expect(
      actionTypes(
        run(
          'if address :all :comparator "i;octet" "from" "Wile.Coyote@Desert.Example.org" { discard; }',
          raw,
        ),
      ),
    ).toEqual(['discard']);
    const envelope = 'require "envelope"; if envelope :all :is "from" "tim@example.com" { discard; }';
    expect(
      actionTypes(run(envelope, SAMPLE, {}, {}, { from: '<tim@example.com>', to: 'me@example.com' })),
    ).toEqual(['discard']);
    const nullPath = 'require "envelope"; if envelope :is "from" "" { discard; }';
    expect(actionTypes(run(nullPath, SAMPLE, {}, {}, { from: '', to: 'me@example.com' }))).toEqual([
      'discard',
    ]);
  });

  it('§5.1 address reads groups and quoted local parts', () => {
    const raw = 'To: friends: "a@b"@example.com, Bob <bob@example.net>;, carol@example.org\n\nx';
    const test = (key: string, part = ':all'): string[] =>
      actionTypes(run(`if address ${part} "to" "${key}" { discard; }`, raw));
    expect(test('bob@example.net')).toEqual(['discard']);
    expect(test('carol@example.org')).toEqual(['discard']);
    expect(test('a@b', ':localpart')).toEqual(['discard']);
    expect(test('example.com', ':domain')).toEqual(['discard']);
    expect(test('friends', ':localpart')).toEqual(['keep']);
  });

  it('§5.5 exists, §5.9 size, §5.2/§5.3/§5.8 allof, anyof, not', () => {
    expect(actionTypes(run('if exists ["From", "Date"] { discard; }', SAMPLE))).toEqual(['discard']);
    expect(actionTypes(run('if exists ["From", "X-None"] { discard; }', SAMPLE))).toEqual(['keep']);
    expect(actionTypes(run('if size :over 100 { discard; }', SAMPLE))).toEqual(['discard']);
    expect(actionTypes(run('if size :under 100 { discard; }', SAMPLE))).toEqual(['keep']);
    expect(actionTypes(run('if allof (true, not false) { discard; }', SAMPLE))).toEqual(['discard']);
    expect(actionTypes(run('if anyof (false, false) { discard; }', SAMPLE))).toEqual(['keep']);
  });

  it('§2.7.3 comparators: i;ascii-casemap by default, i;octet exact', () => {
    expect(
      actionTypes(run('if header :is "subject" "I HAVE A PRESENT FOR YOU" { discard; }', SAMPLE)),
    ).toEqual(['discard']);
    expect(
      actionTypes(
        run('if header :comparator "i;octet" :is "subject" "I HAVE A PRESENT FOR YOU" { discard; }', SAMPLE),
      ),
    ).toEqual(['keep']);
    expect(actionTypes(run('if header :matches "subject" "I have ? present*" { discard; }', SAMPLE))).toEqual(
      ['discard'],
    );
    expect(
      actionTypes(run('if header :matches "subject" "I have \\\\? present*" { discard; }', SAMPLE)),
    ).toEqual(['keep']);
  });

  it('§2.10.6 a run-time error keeps the actions so far, adds the implicit keep and reports', () => {
    const outcome = run(
      'require "fileinto"; fileinto "a"; redirect "a@b.c"; redirect "d@e.f";',
      SAMPLE,
      {},
      { maxRedirects: 1 },
    );
    expect(actionTypes(outcome)).toEqual(['fileinto:a', 'redirect', 'keep']);
    expect(outcome.errors).toEqual(['line 1, column 53: more than 1 redirects']);
  });

  it('enforces maxActions and maxSteps', () => {
    const many = run(
      'require "fileinto"; fileinto "a"; fileinto "b"; fileinto "c";',
      SAMPLE,
      {},
      { maxActions: 2 },
    );
    expect(many.errors[0]).toContain('more than 2 actions');
    expect(actionTypes(many)).toEqual(['fileinto:a', 'fileinto:b', 'keep']);
    const steps = run('if true { if true { discard; } }', SAMPLE, {}, { maxSteps: 3 });
    expect(steps.errors[0]).toContain('more than 3 steps');
    expect(actionTypes(steps)).toEqual(['keep']);
  });

  it('§2.4.2.4 encoded characters are decoded only under require "encoded-character"', () => {
    const raw = 'Subject: win $$$ now\n\nx';
    const script = 'if header :contains "Subject" "$${hex:24 24}" { discard; }';
    expect(actionTypes(run(`require "encoded-character";\n${script}`, raw))).toEqual(['discard']);
    expect(actionTypes(run(script, raw))).toEqual(['keep']);
    expect(
      actionTypes(
        run('require "encoded-character"; if header :is "x" "${unicode:48 49}" { discard; }', 'X: HI\n\nx'),
      ),
    ).toEqual(['discard']);
  });

  it('§4.4 discard only cancels the implicit keep; an explicit keep still keeps', () => {
    expect(actionTypes(run('discard; keep;', SAMPLE))).toEqual(['discard', 'keep']);
  });
});
