import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn, userEvent, within } from 'storybook/test';
import {
  STORY_ACCOUNT_ID,
  inbox,
  longNameMailboxes,
  storyMailboxes,
  workFolder,
} from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import { mailMessages } from '../messages';
import { FolderManager } from './folder-manager';

const meta = {
  title: 'Mail/FolderManager',
  component: FolderManager,
  args: { accountId: STORY_ACCOUNT_ID, mailboxes: storyMailboxes, current: workFolder, onDeleted: fn() },
  decorators: [(Story) => <div style={{ width: 280 }}>{Story()}</div>, withStoryData()],
} satisfies Meta<typeof FolderManager>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A folder of the user's open: rename, move and delete are offered. */
export const UserFolder: Story = {};
/** Special-use mailboxes (Inbox, Sent…) cannot be renamed, moved or deleted. */
export const SpecialMailbox: Story = { args: { current: inbox } };
export const Creating: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: `+ ${mailMessages.newFolder}` }));
  },
};
export const Renaming: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: mailMessages.rename }));
  },
};
export const LongNames: Story = {
  args: { mailboxes: longNameMailboxes, current: longNameMailboxes.at(-1) },
};
export const RightToLeft: Story = { args: { current: storyMailboxes.at(-1) }, decorators: [rightToLeft] };
export const Dark: Story = { globals: { theme: 'dark' } };
