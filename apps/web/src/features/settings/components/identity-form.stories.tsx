import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { IdentityForm } from './identity-form';
import './settings.css';

const meta = {
  title: 'Settings/IdentityForm',
  component: IdentityForm,
  args: { onSave: fn(), onCancel: fn(), saving: false, error: null },
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof IdentityForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const New: Story = {};
export const Editing: Story = {
  args: {
    identity: {
      id: 'I2',
      name: 'Alice at work',
      email: 'alice@example.org',
      replyTo: [{ name: null, email: 'team@example.org' }],
      bcc: null,
      textSignature: 'Alice, work team',
      htmlSignature: '<p><b>Alice</b>, work team</p>',
      mayDelete: true,
    },
  },
};
export const Saving: Story = { args: { ...Editing.args, saving: true } };
/** RFC 8621 §6.3: the server refuses an address the account may not send from. */
export const Refused: Story = {
  args: {
    error:
      'The server refused the change: You may not send from this address: it is not one of your account’s.',
  },
};
export const RightToLeft: Story = {
  args: {
    identity: {
      id: 'I3',
      name: 'سارة أحمد',
      email: 'sara@example.org',
      replyTo: null,
      bcc: null,
      textSignature: 'مع تحياتي،\nسارة',
      htmlSignature: '',
      mayDelete: true,
    },
  },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { args: Editing.args, globals: { theme: 'dark' } };
