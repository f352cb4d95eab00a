import { describe, expect, it } from 'vitest';
import { forwardSubject, replySubject } from './subject';

describe('replySubject', () => {
  it('adds one "Re: " and never doubles it, whatever the case or language of the prefix', () => {
    expect(replySubject('Lunch')).toBe('Re: Lunch');
    expect(replySubject('Re: Lunch')).toBe('Re: Lunch');
    expect(replySubject('RE: re:Lunch')).toBe('Re: Lunch');
    expect(replySubject('AW: Lunch')).toBe('Re: Lunch');
    expect(replySubject('Re[2]: Lunch')).toBe('Re: Lunch');
  });
  it('keeps a forward prefix: a reply to a forward is "Re: Fwd: …"', () => {
    expect(replySubject('Fwd: Lunch')).toBe('Re: Fwd: Lunch');
  });
  it('answers a message without a subject', () => {
    expect(replySubject(null)).toBe('Re: ');
  });
  it('leaves words that merely start like a prefix', () => {
    expect(replySubject('Report: Q3')).toBe('Re: Report: Q3');
  });
});

describe('forwardSubject', () => {
  it('adds one "Fwd: " and never doubles it', () => {
    expect(forwardSubject('Lunch')).toBe('Fwd: Lunch');
    expect(forwardSubject('Fwd: Lunch')).toBe('Fwd: Lunch');
    expect(forwardSubject('FW: TR: Lunch')).toBe('Fwd: Lunch');
  });
  it('keeps the reply prefix of what is forwarded', () => {
    expect(forwardSubject('Re: Lunch')).toBe('Fwd: Re: Lunch');
  });
});
