import { describe, expect, it } from 'vitest';
import { composeMessage } from './compose.js';
import { createDemoContext } from './context.js';
import { planDemo } from './plan.js';

describe('composeMessage (demo messages through the store’s outgoing-message builder)', () => {
  const plan = planDemo(createDemoContext(new Date('2026-03-01T12:00:00Z')));

  it('gives the same bytes for the same boundary, with the demo’s ids, date and threading', async () => {
    const reply = plan.find((m) => m.inReplyTo && m.attachments?.length)!;
    const one = await composeMessage(reply, 'seed-1');
    expect(Buffer.from(await composeMessage(reply, 'seed-1')).equals(Buffer.from(one))).toBe(true);
    const text = Buffer.from(one).toString('utf8');
    expect(text).toContain(`Message-ID: <${reply.messageId}>`);
    expect(text).toContain(`In-Reply-To: <${reply.inReplyTo}>`);
    expect(text).toContain(`Date: ${reply.date.toUTCString().replace('GMT', '+0000')}`);
    expect(text).toContain(`filename=${reply.attachments![0]!.filename}`);
  });

  it('sends an invitation as a text/calendar alternative and an .ics attachment (RFC 6047)', async () => {
    const invitation = plan.find((m) => m.icalEvent)!;
    const text = Buffer.from(await composeMessage(invitation, 'seed-2')).toString('utf8');
    expect(text).toMatch(/Content-Type: text\/calendar;[^\r]*method=REQUEST/);
    expect(text).toContain('Content-Type: application/ics');
  });
});
