import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const READ_CALENDAR = {
  mayReadFreeBusy: true,
  mayReadItems: true,
  mayWriteAll: false,
  mayWriteOwn: false,
  mayUpdatePrivate: false,
  mayRSVP: false,
  mayAdmin: false,
  mayDelete: false,
};

export function describeCollectionShares(factory: MailStoreFactory): void {
  describe('calendar and address book shares (RFC 9670)', () => {
    const f = useFixture(factory);

    it('shares a calendar, lists it on both sides, moves the Calendar state, and unshares', async () => {
      const { store, account, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const [calendar] = await store.listCalendars(account.id);
      const before = await store.getState(account.id, 'Calendar');
      await store.setCollectionShares(
        account.id,
        'calendar',
        calendar!.id,
        new Map([[bob.id, READ_CALENDAR]]),
      );
      const share = {
        kind: 'calendar',
        accountId: account.id,
        collectionId: calendar!.id,
        granteeId: bob.id,
        rights: READ_CALENDAR,
      };
      expect(await store.listCollectionShares(account.id, 'calendar')).toEqual([share]);
      expect(await store.listCollectionSharesWith(bob.id)).toEqual([share]);
      expect(await store.listCollectionShares(account.id, 'addressBook')).toEqual([]);
      const shared = await store.getState(account.id, 'Calendar');
      expect(shared).not.toBe(before);
      // The same shares again change nothing, not even the state.
      await store.setCollectionShares(
        account.id,
        'calendar',
        calendar!.id,
        new Map([[bob.id, READ_CALENDAR]]),
      );
      expect(await store.getState(account.id, 'Calendar')).toBe(shared);
      // A grantee with no right left is dropped.
      const none = Object.fromEntries(Object.keys(READ_CALENDAR).map((k) => [k, false]));
      await store.setCollectionShares(account.id, 'calendar', calendar!.id, new Map([[bob.id, none]]));
      expect(await store.listCollectionSharesWith(bob.id)).toEqual([]);
    });

    it('drops the shares of a destroyed address book', async () => {
      const { store, account, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const book = await store.createAddressBook(account.id, { name: 'Team' });
      const rights = { mayRead: true, mayWrite: true, mayShare: false, mayDelete: false };
      await store.setCollectionShares(account.id, 'addressBook', book.id, new Map([[bob.id, rights]]));
      expect((await store.listCollectionSharesWith(bob.id)).map((s) => s.kind)).toEqual(['addressBook']);
      await store.destroyAddressBook(account.id, book.id, { removeContents: true });
      expect(await store.listCollectionSharesWith(bob.id)).toEqual([]);
    });

    it('refuses the owner, an unknown account and a collection not the account’s', async () => {
      const { store, account, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const [calendar] = await store.listCalendars(account.id);
      const [bobs] = await store.listCalendars(bob.id);
      await expect(
        store.setCollectionShares(
          account.id,
          'calendar',
          calendar!.id,
          new Map([[account.id, READ_CALENDAR]]),
        ),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        store.setCollectionShares(
          account.id,
          'calendar',
          calendar!.id,
          new Map([['Anobody' as typeof bob.id, READ_CALENDAR]]),
        ),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        store.setCollectionShares(account.id, 'calendar', bobs!.id, new Map([[bob.id, READ_CALENDAR]])),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
