import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { group } from '../testing/mock-contacts-server';
import { pioneers, storyBooks } from '../testing/story-data';
import { ContactsSidebar } from './contacts-sidebar';
import './contacts.css';

/** The side pane: all contacts, the books, the groups with their sizes, new group, import/export. */
const meta = {
  title: 'Contacts/ContactsSidebar',
  component: ContactsSidebar,
  args: {
    books: storyBooks,
    groups: [pioneers, group('G2', 'Book club', [])],
    scope: { kind: 'all' },
    onScopeChange: fn(),
    onCreateGroup: fn(),
    onDropOnGroup: fn(),
    onImport: fn(),
    onExport: fn(),
    exporting: false,
  },
  decorators: [(Story) => <div style={{ width: 240 }}>{Story()}</div>],
} satisfies Meta<typeof ContactsSidebar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const GroupSelected: Story = { args: { scope: { kind: 'group', id: 'G1' } } };
export const NoGroups: Story = { args: { groups: [] } };
export const Exporting: Story = { args: { exporting: true } };
export const RightToLeft: Story = {
  args: { groups: [group('G3', 'العائلة', [])] },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { globals: { theme: 'dark' } };
