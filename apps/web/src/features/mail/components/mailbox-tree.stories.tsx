import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { inbox, longNameMailboxes, storyMailboxes, workFolder } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import '../../../styles/app.css';
import { MailboxTree } from './mailbox-tree';

const meta = {
  title: 'Mail/MailboxTree',
  component: MailboxTree,
  args: {
    mailboxes: storyMailboxes,
    selectedId: inbox.id,
    onSelect: fn(),
    onDropEmails: fn(),
    labelledBy: 'story-mailboxes',
  },
  decorators: [
    (Story) => (
      <nav style={{ width: 260 }}>
        <h2 id="story-mailboxes" className="visually-hidden">
          Mailboxes
        </h2>
        {Story()}
      </nav>
    ),
  ],
} satisfies Meta<typeof MailboxTree>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
/** A nested folder open: its parents stay listed above it, indented. */
export const NestedFolderSelected: Story = { args: { selectedId: 'colibri' } };
export const NothingSelected: Story = { args: { selectedId: undefined } };
export const Empty: Story = { args: { mailboxes: [] } };
export const LongNamesAndCounts: Story = {
  args: { mailboxes: longNameMailboxes, selectedId: workFolder.id },
};
export const RightToLeft: Story = { decorators: [rightToLeft] };
export const Dark: Story = { globals: { theme: 'dark' } };
