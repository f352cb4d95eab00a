import type { EmailRecord } from '@colibri/mail-store';
import { describe, expect, it } from 'vitest';
import { deriveEnvelope, matchesIdentity, recipientError, releaseTime } from './set-envelope.js';

const now = new Date('2026-01-01T00:00:00Z');
const envelope = (
  parameters: Record<string, string | null> | null,
  rcptParameters: object | null = null,
) => ({
  mailFrom: { email: 'a@x.test', parameters },
  rcptTo: [{ email: 'b@y.test', parameters: rcptParameters as Record<string, string | null> | null }],
});

describe('the envelope of a submission (RFC 8621 §7)', () => {
  it('derives MAIL FROM from Sender, else From, and RCPT TO from To, Cc and Bcc without duplicates', () => {
    const email = {
      sender: null,
      from: [{ name: 'A', email: 'a@x.test' }],
      to: [{ name: null, email: 'b@y.test' }],
      cc: [{ name: null, email: 'B@y.test' }],
      bcc: [{ name: null, email: 'c@z.test' }],
    } as unknown as EmailRecord;
    expect(deriveEnvelope(email)).toEqual({ mailFrom: 'a@x.test', rcptTo: ['b@y.test', 'c@z.test'] });
    const withSender = { ...email, sender: [{ name: null, email: 's@x.test' }] } as EmailRecord;
    expect(deriveEnvelope(withSender).mailFrom).toBe('s@x.test');
  });

  it('matches an identity by address, case-insensitively, or by its *@domain wildcard (§6)', () => {
    expect(matchesIdentity('Alice@X.test', 'alice@x.test')).toBe(true);
    expect(matchesIdentity('bob@x.test', '*@x.test')).toBe(true);
    expect(matchesIdentity('bob@evilx.test', '*@x.test')).toBe(false);
    expect(matchesIdentity('@x.test', '*@x.test')).toBe(false);
    expect(matchesIdentity('bob@x.test', 'alice@x.test')).toBe(false);
  });

  it('names noRecipients, tooManyRecipients and invalidRecipients (§7.5)', () => {
    expect(recipientError([])?.type).toBe('noRecipients');
    expect(recipientError(Array.from({ length: 101 }, (_, i) => `r${i}@y.test`))).toMatchObject({
      type: 'tooManyRecipients',
      maxRecipients: 100,
    });
    expect(recipientError(['ok@y.test', 'a b@y.test', 'x'])).toMatchObject({
      type: 'invalidRecipients',
      invalidRecipients: ['a b@y.test', 'x'],
    });
    expect(recipientError(['ok@y.test'])).toBeNull();
  });

  it('reads RFC 4865 HOLDFOR and HOLDUNTIL, and refuses other parameters', () => {
    expect(releaseTime(envelope(null), now)).toBeNull();
    expect(releaseTime(envelope({ HoldFor: '90' }), now)).toEqual(new Date('2026-01-01T00:01:30Z'));
    expect(releaseTime(envelope({ HOLDUNTIL: '2026-01-02T01:00:00+01:00' }), now)).toEqual(
      new Date('2026-01-02T00:00:00Z'),
    );
    const bads: Record<string, string | null>[] = [
      { HOLDFOR: '-1' },
      { HOLDFOR: null },
      { HOLDUNTIL: 'soon' },
      { SIZE: '10' },
    ];
    for (const bad of bads)
      expect(releaseTime(envelope(bad), now)).toMatchObject({
        type: 'invalidProperties',
        properties: ['envelope'],
      });
    expect(releaseTime(envelope({ HOLDFOR: '1', HOLDUNTIL: '2026-01-02T00:00:00Z' }), now)).toMatchObject({
      type: 'invalidProperties',
    });
    expect(releaseTime(envelope(null, { NOTIFY: 'NEVER' }), now)).toMatchObject({
      type: 'invalidProperties',
    });
    expect(releaseTime(envelope(null, {}), now)).toBeNull();
  });
});
