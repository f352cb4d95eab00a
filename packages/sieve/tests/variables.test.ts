import { describe, expect, it } from 'vitest';
import { parseSieve } from '../src/parse.js';
import { SAMPLE, actionTypes, run } from './support.js';

function reasonOf(source: string, raw = SAMPLE): string {
  const action = run(source, raw).actions.find((a) => a.type === 'reject');
  return action?.type === 'reject' ? action.reason : '';
}

describe('RFC 5229 variables', () => {
  it('§3 expands names case-insensitively, in multi-line strings too', () => {
    const script = `require ["variables", "reject"];
set "honorific"  "Mr";
set "first_name" "Wile";
set "last_name"  "Coyote";
set "vacation" text:
Dear \${HONORIFIC} \${last_name},
I'm out, please leave a message after the meep.
.
;
reject "\${vacation}";`;
    expect(reasonOf(script)).toBe("Dear Mr Coyote,\r\nI'm out, please leave a message after the meep.\r\n");
  });

  it('§3 unknown variables are empty; malformed references stay; no second expansion', () => {
    const script =
      'require ["variables", "reject"]; set "a" "${b}"; set "b" "x"; reject "[${unknown}] ${a} ${b ${1a} $${b}";';
    expect(reasonOf(script)).toBe('[]  ${b ${1a} $x');
  });

  it('§4 modifiers, as in the RFC table', () => {
    const cases: Array<[string, string]> = [
      ['set :length "b" "${a}";', '15'],
      ['set :lower "b" "${a}";', 'jumbled letters'],
      ['set :upperfirst "b" "${a}";', 'JuMBlEd lETteRS'],
      ['set :upperfirst :lower "b" "${a}";', 'Jumbled letters'],
      ['set :quotewildcard "b" "Rock*";', 'Rock\\*'],
    ];
    for (const [line, expected] of cases) {
      const script = `require ["variables", "reject"]; set "a" "juMBlEd lETteRS"; ${line} reject "\${b}";`;
      expect(reasonOf(script)).toBe(expected);
    }
    expect(parseSieve('require "variables"; set :lower :upper "a" "b";')).toMatchObject({ ok: false });
    expect(parseSieve('require "variables"; set "1" "b";')).toMatchObject({
      ok: false,
      errors: [{ message: 'invalid variable name "1" in "set"' }],
    });
  });

  it('§3.2 match variables from :matches, shortest first', () => {
    const script = `require ["fileinto", "variables"];
if header :matches "List-ID" "*<*@*" {
    fileinto "INBOX.lists.\${2}"; stop;
}
if header :matches "Subject" "[*] *" {
    fileinto "INBOX.lists.\${1}"; stop;
}
if address :matches ["To", "Cc"] ["coyote@**.com", "wile@**.com"] {
    fileinto "INBOX.business.\${2}|\${1}|\${0}"; stop;
}`;
    expect(actionTypes(run(script, 'List-ID: Sieve <sieve.ietf.org@x>\n\nx'))).toEqual([
      'fileinto:INBOX.lists.sieve.ietf.org',
    ]);
    expect(actionTypes(run(script, 'Subject: [acme-users] [fwd] version 1.0 is out\n\nx'))).toEqual([
      'fileinto:INBOX.lists.acme-users',
    ]);
    expect(actionTypes(run(script, 'To: coyote@ACME.Example.COM\n\nx'))).toEqual([
      'fileinto:INBOX.business.ACME.Example||coyote@ACME.Example.COM',
    ]);
  });

  it('§5 string test, :count ignores empty strings', () => {
    const script = `require ["variables", "relational"];
set "state" "\${state} pending";
if string :matches " \${state} " "* pending *" { discard; }`;
    expect(actionTypes(run(script, SAMPLE))).toEqual(['discard']);
    const count =
      'require ["variables", "relational"]; if string :count "eq" ["a", "", "b"] "2" { discard; }';
    expect(actionTypes(run(count, SAMPLE))).toEqual(['discard']);
  });

  it('run-time check of a redirect address built from variables', () => {
    const outcome = run('require "variables"; set "to" "not an address"; redirect "${to}";', SAMPLE);
    expect(outcome.actions).toEqual([{ type: 'keep', flags: [] }]);
    expect(outcome.errors).toEqual(['line 1, column 49: invalid redirect address "not an address"']);
  });
});
