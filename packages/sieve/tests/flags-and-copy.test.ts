import { describe, expect, it } from 'vitest';
import { SAMPLE, actionTypes, run } from './support.js';

describe('RFC 5232 imap4flags', () => {
  it('§7 example: setflag then fileinto takes the internal flags', () => {
    const script = `require "imap4flags";
require "fileinto";
if header :contains "from" "coyote@desert.example.org" {
    setflag "\\\\Flagged";
    fileinto "INBOX.From Boss";
}`;
    expect(run(script, SAMPLE).actions).toEqual([
      { type: 'fileinto', mailbox: 'INBOX.From Boss', create: false, flags: ['\\Flagged'] },
    ]);
  });

  it('addflag/removeflag deduplicate case-insensitively; the implicit keep gets the flags', () => {
    const script = `require "imap4flags";
addflag ["\\\\Seen", "$Work \\\\seen"];
addflag "\\\\Answered $work";
removeflag "\\\\ANSWERED";`;
    expect(run(script, SAMPLE).actions).toEqual([{ type: 'keep', flags: ['\\Seen', '$Work'] }]);
  });

  it(':flags overrides the internal variable; variable-name forms and hasflag', () => {
    const script = `require ["imap4flags", "fileinto", "variables"];
setflag "flagvar" "\\\\Flagged";
addflag "flagvar" "$Important";
if hasflag :contains "flagvar" "Import" { fileinto :flags "\${flagvar}" "Boss"; }
if hasflag "\\\\Deleted" { discard; }
keep :flags "\\\\Seen";`;
    expect(run(script, SAMPLE).actions).toEqual([
      { type: 'fileinto', mailbox: 'Boss', create: false, flags: ['\\Flagged', '$Important'] },
      { type: 'keep', flags: ['\\Seen'] },
    ]);
  });

  it('hasflag :count counts the flags (RFC 5232 §4 with RFC 5231)', () => {
    const script = `require ["imap4flags", "relational", "comparator-i;ascii-numeric", "fileinto"];
addflag ["\\\\Seen", "$Label1"];
if hasflag :count "ge" :comparator "i;ascii-numeric" "2" { fileinto "INBOX.Two or more flags"; }`;
    expect(run(script, SAMPLE).actions).toEqual([
      { type: 'fileinto', mailbox: 'INBOX.Two or more flags', create: false, flags: ['\\Seen', '$Label1'] },
    ]);
  });
});

describe('RFC 3894 copy', () => {
  it(':copy does not cancel the implicit keep', () => {
    expect(actionTypes(run('require ["copy", "fileinto"]; fileinto :copy "incoming";', SAMPLE))).toEqual([
      'fileinto:incoming',
      'keep',
    ]);
    expect(actionTypes(run('require "copy"; redirect :copy "a@example.org";', SAMPLE))).toEqual([
      'redirect',
      'keep',
    ]);
  });
});

describe('RFC 5490 mailbox and RFC 9042 mailboxid', () => {
  it('mailboxexists asks the environment; :create is passed on', () => {
    const script =
      'require ["fileinto", "mailbox"]; if mailboxexists "Partners" { fileinto "Partners"; } else { fileinto :create "New"; }';
    expect(actionTypes(run(script, SAMPLE, { mailboxExists: (name) => name === 'Partners' }))).toEqual([
      'fileinto:Partners',
    ]);
    expect(run(script, SAMPLE).actions).toEqual([
      { type: 'fileinto', mailbox: 'New', create: true, flags: [] },
    ]);
  });

  it('fileinto :mailboxid and mailboxidexists', () => {
    const script = `require ["fileinto", "mailboxid"];
if header :contains ["from"] "coyote" {
    fileinto :mailboxid "F6352ae03-b7f5-463c-896f-d8b48ee3"
             "INBOX.harassment";
}
if mailboxidexists "M1" { discard; }`;
    expect(run(script, SAMPLE, { mailboxIdExists: (id) => id === 'M1' }).actions).toEqual([
      {
        type: 'fileinto',
        mailbox: 'INBOX.harassment',
        mailboxId: 'F6352ae03-b7f5-463c-896f-d8b48ee3',
        create: false,
        flags: [],
      },
      { type: 'discard' },
    ]);
  });
});

describe('RFC 5173 body', () => {
  it(':text, :raw and :content (evaluated as :text)', () => {
    expect(
      actionTypes(run('require "body"; if body :text :contains "BIRDSEED" { discard; }', SAMPLE)),
    ).toEqual(['discard']);
    expect(actionTypes(run('require "body"; if body :raw :contains "anvil" { discard; }', SAMPLE))).toEqual([
      'discard',
    ]);
    expect(
      actionTypes(run('require "body"; if body :content "text" :contains "birdseed" { discard; }', SAMPLE)),
    ).toEqual(['discard']);
    expect(
      actionTypes(run('require "body"; if body :contains "MAKE MONEY FAST" { discard; }', SAMPLE)),
    ).toEqual(['keep']);
  });
});
