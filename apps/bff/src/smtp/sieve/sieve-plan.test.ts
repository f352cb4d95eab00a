import { describe, expect, it } from 'vitest';
import { keywordOfFlag, planOf } from './sieve-plan.js';

describe('Sieve flags to JMAP keywords (RFC 5232, RFC 8621 §4.1.1)', () => {
  it('maps the IMAP system flags, keeps valid keywords lower-cased, drops \\Deleted and invalid ones', () => {
    expect(['\\Seen', '\\FLAGGED', '\\Answered', '\\Draft'].map(keywordOfFlag)).toEqual([
      '$seen',
      '$flagged',
      '$answered',
      '$draft',
    ]);
    expect(keywordOfFlag('$Forwarded')).toBe('$forwarded');
    expect(keywordOfFlag('\\Deleted')).toBeNull();
    expect(keywordOfFlag('\\Recent')).toBeNull();
    expect(keywordOfFlag('\\Custom')).toBeNull();
    expect(keywordOfFlag('two words')).toBeNull();
    expect(keywordOfFlag('bad"quote')).toBeNull();
  });
});

describe('planOf (RFC 5228 §2.10)', () => {
  it('gathers keep and fileinto into one copy with the union of their flags, and the other actions', () => {
    const plan = planOf([
      { type: 'keep', flags: ['\\Seen'] },
      { type: 'fileinto', mailbox: 'Lists/A', create: true, flags: ['$label1', '\\Seen'] },
      { type: 'redirect', address: 'x@example.org' },
      { type: 'discard' },
    ]);
    expect(plan.targets).toEqual([{ kind: 'keep' }, { kind: 'fileinto', mailbox: 'Lists/A', create: true }]);
    expect(plan.keywords).toEqual(['$label1', '$seen']);
    expect(plan.redirects).toEqual(['x@example.org']);
    expect(plan.reject).toBeNull();
  });

  it('keeps the first reject, with whether it is an ereject', () => {
    expect(planOf([{ type: 'reject', reason: 'no', extended: true }]).reject).toEqual({
      reason: 'no',
      extended: true,
    });
  });
});
