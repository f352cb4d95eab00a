import { describe, expect, it } from 'vitest';
import type { Session } from '@colibri/jmap-types';
import { testSession } from '../../../testing/fake-jmap';
import { may, sharedMailAccounts } from './shared-accounts';
import { presetOf, presetRights } from './share-rights';

// RFC 8621 §1.3.1: the mail account capability.
const mail = {
  'urn:ietf:params:jmap:mail': {
    maxMailboxesPerEmail: null,
    maxMailboxDepth: null,
    maxSizeMailboxName: 255,
    maxSizeAttachmentsPerEmail: 1,
    emailQuerySortOptions: [],
    mayCreateTopLevelMailbox: true,
  },
};
const session: Session = {
  ...testSession,
  accounts: {
    A1: { name: 'alice@colibri.test', isPersonal: true, isReadOnly: false, accountCapabilities: mail },
    A3: { name: 'carol@colibri.test', isPersonal: false, isReadOnly: false, accountCapabilities: mail },
    A2: { name: 'bob@colibri.test', isPersonal: false, isReadOnly: true, accountCapabilities: mail },
    C1: { name: 'team calendar', isPersonal: false, isReadOnly: false, accountCapabilities: {} },
  },
};

describe('shared mail accounts (RFC 9670 §1.4)', () => {
  it('are the Session’s other mail accounts, by name; not the own one, not those without mail', () => {
    expect(sharedMailAccounts(session)).toEqual([
      { accountId: 'A2', name: 'bob@colibri.test' },
      { accountId: 'A3', name: 'carol@colibri.test' },
    ]);
  });
  it('a folder without myRights (own) allows everything; a shared one what its rights say', () => {
    expect(may(undefined, 'mayDelete')).toBe(true);
    expect(may(presetRights('read'), 'mayRemoveItems')).toBe(false);
    expect(may(presetRights('organise'), 'mayRemoveItems')).toBe(true);
  });
  it('rights are recognised as a preset only when they are exactly it', () => {
    expect(presetOf(presetRights('organise'))).toBe('organise');
    expect(presetOf({ ...presetRights('read'), maySetSeen: true })).toBeNull();
  });
});
