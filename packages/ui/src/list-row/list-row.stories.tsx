import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ListRow } from './list-row';

function MessageSummary({ from, subject, preview }: { from: string; subject: string; preview: string }) {
  return (
    <>
      <div>{from}</div>
      <div>{subject}</div>
      <div style={{ color: 'var(--color-text-muted)', fontWeight: 'normal' }}>{preview}</div>
    </>
  );
}

const meta = {
  title: 'Components/ListRow',
  component: ListRow,
  args: {
    onSelect: fn(),
    children: (
      <MessageSummary
        from="Bob Durand"
        subject="Lunch on Friday?"
        preview="Shall we try the new place by the river…"
      />
    ),
  },
  decorators: [
    (Story) => (
      <div role="listbox" aria-label="Messages" style={{ maxWidth: 420 }}>
        {Story()}
      </div>
    ),
  ],
} satisfies Meta<typeof ListRow>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Read: Story = {};
export const Unread: Story = { args: { unread: true } };
export const Selected: Story = { args: { selected: true } };
export const SelectedUnread: Story = { args: { selected: true, unread: true } };
/** The keyboard's row when the listbox keeps focus (aria-activedescendant): focus the box to see it. */
export const Active: Story = {
  args: { active: true, tabIndex: -1 },
  decorators: [
    (Story) => (
      <div tabIndex={0} aria-label="Focus me" style={{ padding: 4 }}>
        {Story()}
      </div>
    ),
  ],
};

const messages = [
  {
    id: '1',
    from: 'Bob Durand',
    subject: 'Lunch on Friday?',
    preview: 'Shall we try the new place…',
    unread: true,
  },
  {
    id: '2',
    from: 'Carol Nguyen',
    subject: 'Colibri roadmap',
    preview: 'Here is the draft for Q3…',
    unread: true,
  },
  {
    id: '3',
    from: 'Billing',
    subject: 'Your receipt',
    preview: 'Thank you for your payment.',
    unread: false,
  },
];

/** A listbox as the app builds it: click, Enter or Space selects a row. */
export const InAListbox: Story = {
  render: function Render(args) {
    const [selected, setSelected] = useState('2');
    return (
      <>
        {messages.map((m) => (
          <ListRow
            key={m.id}
            selected={m.id === selected}
            unread={m.unread}
            onSelect={(event) => {
              setSelected(m.id);
              args.onSelect(event);
            }}
          >
            <MessageSummary from={m.from} subject={m.subject} preview={m.preview} />
          </ListRow>
        ))}
      </>
    );
  },
};

export const InAListboxDark: Story = { ...InAListbox, globals: { theme: 'dark' } };
