import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ada, arabic, grace, pioneers } from '../testing/story-data';
import { CardDetail } from './card-detail';
import './contacts.css';

/** One card: names, emails, phones, address, organisation, birthday, notes, and its groups. */
const meta = {
  title: 'Contacts/CardDetail',
  component: CardDetail,
  args: {
    card: ada,
    groups: [pioneers],
    onEdit: fn(),
    onDelete: fn(),
    onWriteMail: fn(),
    onMembershipChange: fn(),
    onClose: fn(),
  },
  decorators: [(Story) => <div style={{ width: 380 }}>{Story()}</div>],
} satisfies Meta<typeof CardDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Full: Story = {};
export const Minimal: Story = { args: { card: grace, groups: [] } };
export const NoEmail: Story = { args: { card: { ...grace, emails: {} }, onWriteMail: undefined } };
export const RightToLeft: Story = {
  args: { card: arabic },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { globals: { theme: 'dark' } };
