import type { Meta, StoryObj } from '@storybook/react-vite';
import { inbox, longNameMailboxes, storyMailboxes } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import { MailboxOptions } from './mailbox-options';

const meta = {
  title: 'Mail/MailboxOptions',
  component: MailboxOptions,
  args: { mailboxes: storyMailboxes, exclude: new Set([inbox.id]) },
  // Options only mean something in a select; `size` shows them all without opening it.
  decorators: [
    (Story) => (
      <select aria-label="Move to" size={14} style={{ minWidth: 240 }}>
        {Story()}
      </select>
    ),
  ],
} satisfies Meta<typeof MailboxOptions>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const NoneLeft: Story = { args: { exclude: new Set(storyMailboxes.map((m) => m.id)) } };
export const LongNames: Story = { args: { mailboxes: longNameMailboxes } };
export const RightToLeft: Story = { decorators: [rightToLeft] };
export const Dark: Story = { globals: { theme: 'dark' } };
