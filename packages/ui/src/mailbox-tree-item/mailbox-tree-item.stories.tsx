import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MailboxRole } from '@colibri/jmap-types';
import { fn } from 'storybook/test';
import { MailboxTreeItem } from './mailbox-tree-item';

const meta = {
  title: 'Components/MailboxTreeItem',
  component: MailboxTreeItem,
  args: { name: 'Inbox', role: 'inbox', unreadCount: 12, depth: 0, selected: false, onSelect: fn() },
  argTypes: {
    role: {
      control: 'select',
      options: [undefined, 'inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'flagged'],
    },
    depth: { control: { type: 'number', min: 0, max: 5 } },
  },
  decorators: [(Story) => <div style={{ width: 260 }}>{Story()}</div>],
} satisfies Meta<typeof MailboxTreeItem>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Inbox: Story = {};
export const Selected: Story = { args: { selected: true } };
export const NoUnread: Story = { args: { name: 'Sent', role: 'sent', unreadCount: 0 } };
export const ManyUnread: Story = { args: { unreadCount: 12345 } };
export const NestedFolder: Story = { args: { name: 'Colibri', role: undefined, depth: 1, unreadCount: 3 } };
export const LongName: Story = {
  args: { name: 'Invoices and receipts from suppliers, 2024 to 2026', role: undefined, unreadCount: 2 },
};

const mailboxes: { id: string; name: string; role?: MailboxRole; depth: number; unread: number }[] = [
  { id: 'inbox', name: 'Inbox', role: 'inbox', depth: 0, unread: 12 },
  { id: 'drafts', name: 'Drafts', role: 'drafts', depth: 0, unread: 0 },
  { id: 'sent', name: 'Sent', role: 'sent', depth: 0, unread: 0 },
  { id: 'archive', name: 'Archive', role: 'archive', depth: 0, unread: 0 },
  { id: 'junk', name: 'Junk', role: 'junk', depth: 0, unread: 4 },
  { id: 'trash', name: 'Trash', role: 'trash', depth: 0, unread: 0 },
  { id: 'projects', name: 'Projects', depth: 0, unread: 1 },
  { id: 'colibri', name: 'Colibri', depth: 1, unread: 3 },
  { id: 'receipts', name: 'Receipts', depth: 0, unread: 0 },
];

/** The mailbox navigation as the app builds it: a labelled list of items. */
export const MailboxList: Story = {
  render: function Render(args) {
    const [selected, setSelected] = useState('inbox');
    return (
      <nav aria-label="Mailboxes">
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {mailboxes.map((m) => (
            <li key={m.id}>
              <MailboxTreeItem
                name={m.name}
                role={m.role}
                unreadCount={m.unread}
                depth={m.depth}
                selected={m.id === selected}
                onSelect={(event) => {
                  setSelected(m.id);
                  args.onSelect(event);
                }}
              />
            </li>
          ))}
        </ul>
      </nav>
    );
  },
};

export const MailboxListDark: Story = { ...MailboxList, globals: { theme: 'dark' } };
