import { Capability } from '@colibri/jmap-types';
import type { Session } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { basicAuthorization, readAnswer } from './support/jmap-raw.js';

test.describe('RFC 8620 §2 Session', () => {
  test('RFC 8620 §2: the Session resource lists the core capability with every limit', async ({
    account,
  }) => {
    const core = account.session.capabilities[Capability.Core];
    for (const limit of [
      'maxSizeUpload',
      'maxConcurrentUpload',
      'maxSizeRequest',
      'maxConcurrentRequests',
      'maxCallsInRequest',
      'maxObjectsInGet',
      'maxObjectsInSet',
    ] as const)
      expect(Number.isInteger(core[limit]) && core[limit] > 0, limit).toBe(true);
    expect(Array.isArray(core.collationAlgorithms)).toBe(true);
  });

  test('RFC 8620 §2: accounts, primaryAccounts and username describe the user', async ({ account }) => {
    const { session } = account;
    expect(session.username).toBe(account.email);
    const primary = session.primaryAccounts[Capability.Mail];
    expect(primary).toBe(account.accountId);
    const mine = session.accounts[account.accountId];
    expect(mine).toMatchObject({ isPersonal: true, isReadOnly: false });
    expect(typeof mine?.name).toBe('string');
    // Every capability in accountCapabilities is one the server announces, except
    // urn:ietf:params:jmap:principals:owner, which RFC 9670 §1.5.2 puts only in accounts (implied
    // by urn:ietf:params:jmap:principals in the Session).
    for (const urn of Object.keys(mine?.accountCapabilities ?? {}))
      expect(Object.keys(session.capabilities)).toContain(
        urn === Capability.PrincipalsOwner ? Capability.Principals : urn,
      );
    // Every primary account is an account of the session.
    for (const id of Object.values(session.primaryAccounts))
      expect(Object.keys(session.accounts)).toContain(id);
  });

  test('RFC 8620 §2: the URL templates carry the variables the RFC requires', async ({ account }) => {
    const { session } = account;
    for (const variable of ['{accountId}', '{blobId}', '{type}', '{name}'])
      expect(session.downloadUrl).toContain(variable);
    expect(session.uploadUrl).toContain('{accountId}');
    for (const variable of ['{types}', '{closeafter}', '{ping}'])
      expect(session.eventSourceUrl).toContain(variable);
    for (const url of [session.apiUrl, session.downloadUrl, session.uploadUrl, session.eventSourceUrl])
      expect(() => new URL(url.replace(/[{}]/g, ''))).not.toThrow();
    expect(typeof session.state).toBe('string');
  });

  test('RFC 8620 §2: the mail capability announces its account limits (RFC 8621 §1.3.1)', async ({
    account,
  }) => {
    expect(account.session.capabilities[Capability.Mail]).toEqual({});
    const mail = account.session.accounts[account.accountId]?.accountCapabilities[Capability.Mail];
    expect(mail).toMatchObject({
      maxSizeMailboxName: expect.any(Number),
      maxSizeAttachmentsPerEmail: expect.any(Number),
      emailQuerySortOptions: expect.arrayContaining(['receivedAt']),
      mayCreateTopLevelMailbox: expect.any(Boolean),
    });
    expect(mail).toHaveProperty('maxMailboxesPerEmail');
    expect(mail).toHaveProperty('maxMailboxDepth');
  });

  test('RFC 8620 §3.4: sessionState in every Response equals the Session state', async ({ account }) => {
    const response = await account.request([['Core/echo', { hello: true }, 'e']]);
    expect(response.sessionState).toBe(account.session.state);
  });

  test('RFC 8620 §2.2: the Session needs authentication (401 without credentials)', async ({ server }) => {
    const anonymous = await readAnswer(await fetch(`${server.baseURL}/.well-known/jmap`));
    expect(anonymous.status).toBe(401);
    const wrong = await readAnswer(
      await fetch(`${server.baseURL}/.well-known/jmap`, {
        headers: { Authorization: basicAuthorization('nobody@colibri.test', 'wrong') },
      }),
    );
    expect(wrong.status).toBe(401);
  });

  test('RFC 8620 §2: two reads of an unchanged Session give the same state', async ({ account, server }) => {
    const again = await fetch(`${server.baseURL}/.well-known/jmap`, {
      headers: { Authorization: account.authorization },
    });
    expect(((await again.json()) as Session).state).toBe(account.session.state);
  });
});
