import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Session } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { mailKeys } from '../api/keys';
import { presetRights } from '../lib/share-rights';
import { storySession } from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import { SharedMailboxes } from './shared-mailboxes';

const mail = storySession.accounts.A1!.accountCapabilities;
const session: Session = {
  ...storySession,
  accounts: {
    ...storySession.accounts,
    B1: { name: 'bob@colibri.test', isPersonal: false, isReadOnly: true, accountCapabilities: mail },
    C1: { name: 'support@colibri.test', isPersonal: false, isReadOnly: false, accountCapabilities: mail },
  },
};
const folder = (
  id: string,
  name: string,
  unreadEmails: number,
  parentId: string | null = null,
): MailboxSummary => ({
  id,
  name,
  parentId,
  role: null,
  sortOrder: 0,
  totalEmails: unreadEmails + 10,
  unreadEmails,
  myRights: presetRights('read'),
});

const meta = {
  title: 'Mail/SharedMailboxes',
  component: SharedMailboxes,
  args: { session, selected: { accountId: 'B1', mailboxId: 'b2' }, onSelect: fn(), onDropEmails: fn() },
  decorators: [
    (Story) => <nav style={{ width: 260 }}>{Story()}</nav>,
    withStoryData({
      queries: [
        [mailKeys.mailboxes('B1'), [folder('b1', 'Projects', 3), folder('b2', 'Clients', 0, 'b1')]],
        [mailKeys.mailboxes('C1'), [folder('c1', 'Support requests with a long folder name', 128)]],
      ],
    }),
  ],
} satisfies Meta<typeof SharedMailboxes>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two accounts share folders with the user; a nested one is open. */
export const TwoAccounts: Story = {};
/** Nothing shared: the section is absent. */
export const NothingShared: Story = { args: { session: storySession, selected: undefined } };
export const Loading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const LoadFailed: Story = {
  decorators: [withStoryData({ errors: [mailKeys.mailboxes('B1'), mailKeys.mailboxes('C1')] })],
};
export const RightToLeft: Story = { decorators: [rightToLeft] };
