import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { inbox, longNameMailboxes, storyMailboxes } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import '../../../styles/app.css';
import { MessageListToolbar } from './message-list-toolbar';

const meta = {
  title: 'Mail/MessageListToolbar',
  component: MessageListToolbar,
  args: {
    selectedCount: 0,
    allSelected: false,
    mailboxes: storyMailboxes,
    currentMailboxId: inbox.id,
    total: inbox.totalEmails,
    mailboxName: inbox.name,
    onSelectAll: fn(),
    onSelectEverything: fn(),
    onAction: fn(),
    onMove: fn(),
  },
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof MessageListToolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NothingSelected: Story = {};
export const SomeSelected: Story = { args: { selectedCount: 3 } };
/** Every loaded row is selected: the toolbar offers the rest of the mailbox. */
export const AllLoadedSelected: Story = { args: { selectedCount: 100, allSelected: true } };
/** Past the bulk limit, the offer is capped and says so. */
export const HugeMailbox: Story = { args: { selectedCount: 100, allSelected: true, total: 250_000 } };
export const EmptyMailbox: Story = { args: { total: 0, mailboxes: [] } };
export const LongFolderNames: Story = { args: { mailboxes: longNameMailboxes, selectedCount: 12_345 } };
export const RightToLeft: Story = { args: { selectedCount: 2 }, decorators: [rightToLeft] };
export const Dark: Story = { ...SomeSelected, globals: { theme: 'dark' } };
