import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf } from './support/mail-client.js';

let colibri: TestColibri;

beforeAll(async () => {
  colibri = await startTestColibri();
});
afterAll(() => colibri.stop());

describe('outbound worker in a running Colibri', () => {
  it('delivers a system message queued through sendOutgoing to a local recipient, and stops with close()', async () => {
    const raw = new TextEncoder().encode(
      `From: ${ANN}\r\nTo: ${BEN}\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\nBack Monday.\r\n`,
    );
    await colibri.sendOutgoing({
      accountId: colibri.fixture!.ann.accountId,
      mailFrom: '',
      rcptTo: [BEN],
      raw,
    });
    const deadline = Date.now() + 5000;
    let subjects: (string | null)[] = [];
    while (Date.now() < deadline) {
      subjects = (await inboxOf(colibri, 'ben')).list.map((e) => e.subject);
      if (subjects.includes('Out of office')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(subjects).toContain('Out of office');
  });
});
