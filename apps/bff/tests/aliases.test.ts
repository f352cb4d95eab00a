import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf, sendMail } from './support/mail-client.js';

let colibri: TestColibri;

beforeAll(async () => {
  colibri = await startTestColibri({
    seed: async (store, fixture) => {
      await store.createAlias('Sales@fixture.test', fixture.ann.accountId);
      await store.createAlias('@fixture.test', fixture.ben.accountId);
      await store.createDomain('other.test');
    },
  });
});
afterAll(() => colibri.stop());

const subjectsIn = async (user: 'ann' | 'ben') => (await inboxOf(colibri, user)).list.map((e) => e.subject);

describe('recipient resolution: accounts, aliases, subaddresses, catch-all (RFC 5321 §3.6)', () => {
  it('delivers an alias, and a subaddress of an alias (RFC 5233), to its account', async () => {
    await sendMail(colibri.smtpPort, {
      from: 'dora@example.net',
      to: 'SALES@fixture.test',
      subject: 'Alias',
      text: '1',
    });
    await sendMail(colibri.smtpPort, {
      from: 'dora@example.net',
      to: 'sales+leads@fixture.test',
      subject: 'Alias subaddress',
      text: '2',
    });
    expect(await subjectsIn('ann')).toEqual(expect.arrayContaining(['Alias', 'Alias subaddress']));
    expect(await subjectsIn('ben')).not.toContain('Alias');
  });

  it('sends unknown addresses of the domain to its catch-all, but never an account’s mail', async () => {
    await sendMail(colibri.smtpPort, {
      from: 'dora@example.net',
      to: 'whoever@fixture.test',
      subject: 'Caught',
      text: '3',
    });
    await sendMail(colibri.smtpPort, {
      from: 'dora@example.net',
      to: 'ann+x@fixture.test',
      subject: 'Plus',
      text: '4',
    });
    expect(await subjectsIn('ben')).toContain('Caught');
    expect(await subjectsIn('ann')).toContain('Plus');
    expect(await subjectsIn('ben')).not.toContain('Plus');
  });

  it('keeps one copy per account when an alias and the address both receive it', async () => {
    const info = await sendMail(colibri.smtpPort, {
      from: 'dora@example.net',
      to: [ANN, 'sales@fixture.test', BEN],
      subject: 'Once each',
      text: '5',
    });
    expect(info.accepted).toHaveLength(3);
    expect((await subjectsIn('ann')).filter((s) => s === 'Once each')).toHaveLength(1);
    expect((await subjectsIn('ben')).filter((s) => s === 'Once each')).toHaveLength(1);
  });

  it('still refuses an unknown user of a domain without a catch-all (550 5.1.1)', async () => {
    const attempt = sendMail(colibri.smtpPort, {
      from: 'dora@example.net',
      to: 'nobody@other.test',
      subject: 'Lost',
      text: '6',
    });
    await expect(attempt).rejects.toMatchObject({ responseCode: 550 });
  });
});
