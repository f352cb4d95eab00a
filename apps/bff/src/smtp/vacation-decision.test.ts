import { describe, expect, it } from 'vitest';
import type { VacationResponse } from '@colibri/mail-store';
import { decideVacationReply, type InboundFacts } from './vacation-decision.js';

const NOW = new Date('2026-07-10T12:00:00Z');
const ON: VacationResponse = {
  isEnabled: true,
  fromDate: new Date('2026-07-01T00:00:00Z'),
  toDate: new Date('2026-07-20T00:00:00Z'),
  subject: null,
  textBody: 'Away',
  htmlBody: null,
};
const own = (e: string) => e === 'ann@fixture.test' || e === 'ann+work@fixture.test';
const facts = (over: Partial<InboundFacts> = {}, headers: Record<string, string> = {}): InboundFacts => ({
  mailFrom: 'dora@example.net',
  recipients: ['ann@fixture.test'],
  headers: new Map(Object.entries(headers)),
  ...over,
});
const decide = (f: InboundFacts, v: VacationResponse = ON, now = NOW) => decideVacationReply(v, f, own, now);

describe('decideVacationReply (RFC 3834, RFC 8621 §8)', () => {
  it('replies to a person who wrote to the account during the vacation, at the envelope sender', () => {
    expect(decide(facts({ mailFrom: 'Dora@Example.NET' }))).toEqual({ reply: true, to: 'dora@example.net' });
    expect(decide(facts({ recipients: ['x@y.test', 'ann+work@fixture.test'] }))).toMatchObject({
      reply: true,
    });
    expect(decide(facts(), { ...ON, fromDate: null, toDate: null })).toMatchObject({ reply: true });
  });

  it('stays silent when disabled or outside [fromDate, toDate) (RFC 8621 §8)', () => {
    expect(decide(facts(), { ...ON, isEnabled: false })).toMatchObject({ reply: false });
    expect(decide(facts(), ON, new Date('2026-06-30T23:59:59Z'))).toMatchObject({ reply: false });
    expect(decide(facts(), ON, ON.toDate!)).toMatchObject({ reply: false });
    expect(decide(facts(), ON, ON.fromDate!)).toMatchObject({ reply: true });
  });

  it('never replies to a null reverse-path or to robots (RFC 3834 §2)', () => {
    for (const mailFrom of [
      '',
      'MAILER-DAEMON@example.net',
      'postmaster@example.net',
      'noreply@shop.example',
      'no-reply@shop.example',
      'do-not-reply@shop.example',
      'list-bounces@lists.example',
      'owner-list@lists.example',
      'list-request@lists.example',
    ])
      expect(decide(facts({ mailFrom })), mailFrom).toMatchObject({ reply: false });
  });

  it('never replies to automatic or list mail (RFC 3834 §5, RFC 2919, RFC 2369)', () => {
    expect(decide(facts({}, { 'auto-submitted': 'auto-replied' }))).toMatchObject({ reply: false });
    expect(decide(facts({}, { 'auto-submitted': 'auto-generated' }))).toMatchObject({ reply: false });
    expect(decide(facts({}, { 'auto-submitted': 'No' }))).toMatchObject({ reply: true });
    for (const p of ['bulk', 'list', 'junk'])
      expect(decide(facts({}, { precedence: p })), p).toMatchObject({ reply: false });
    expect(decide(facts({}, { 'list-id': '<team.lists.example>' }))).toMatchObject({ reply: false });
    expect(decide(facts({}, { 'list-unsubscribe': '<mailto:u@lists.example>' }))).toMatchObject({
      reply: false,
    });
  });

  it('never replies to the account itself, nor when it is only a hidden recipient (RFC 3834 §2)', () => {
    expect(decide(facts({ mailFrom: 'ann@fixture.test' }))).toMatchObject({
      reply: false,
      reason: 'own address',
    });
    expect(decide(facts({ recipients: ['team@example.net'] }))).toMatchObject({
      reply: false,
      reason: 'not addressed to the account',
    });
  });
});
