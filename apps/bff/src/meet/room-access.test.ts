import { describe, expect, it } from 'vitest';
import type { AccountId, MeetingRoom } from '@colibri/mail-store';
import { admissionOf } from './room-access.js';

const room = (inviteesOnly: boolean): MeetingRoom => ({
  id: 'a'.repeat(26),
  accountId: 'OWNER' as AccountId,
  title: 'Weekly',
  eventId: 'E1',
  inviteesOnly,
  createdAt: new Date(0),
});
const user = (accountId: string) => ({ kind: 'user' as const, accountId, username: `${accountId}@x.test` });
const invitees = new Set(['INVITED']);

describe('who enters a meeting room', () => {
  it('lets the organiser in as admin and invitees in directly', () => {
    expect(admissionOf(room(false), user('OWNER'), invitees)).toBe('admin');
    expect(admissionOf(room(true), user('OWNER'), new Set())).toBe('admin');
    expect(admissionOf(room(false), user('INVITED'), invitees)).toBe('invitee');
    expect(admissionOf(room(true), user('INVITED'), invitees)).toBe('invitee');
  });

  it('sends everyone else to the lobby, or refuses them when the meeting is for invitees only', () => {
    expect(admissionOf(room(false), user('OUTSIDER'), invitees)).toBe('lobby');
    expect(admissionOf(room(false), { kind: 'guest' }, invitees)).toBe('lobby');
    expect(admissionOf(room(true), user('OUTSIDER'), invitees)).toBe('refused');
    expect(admissionOf(room(true), { kind: 'guest' }, invitees)).toBe('refused');
  });
});
