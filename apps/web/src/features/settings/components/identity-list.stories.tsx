import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Identity } from '@colibri/jmap-types';
import { IdentityList } from './identity-list';
import './settings.css';

const identity = (id: string, values: Partial<Identity>): Identity => ({
  id,
  name: 'Alice Martin',
  email: 'alice@example.org',
  replyTo: null,
  bcc: null,
  textSignature: '',
  htmlSignature: '',
  mayDelete: true,
  ...values,
});

const meta = {
  title: 'Settings/IdentityList',
  component: IdentityList,
  args: {
    identities: [
      identity('I1', { mayDelete: false, textSignature: 'Alice Martin\nColibri' }),
      identity('I2', { name: 'Alice at work', textSignature: 'Alice, work team' }),
    ],
    onEdit: fn(),
    onDelete: fn(),
    deletingId: null,
  },
  decorators: [
    (Story) => (
      <div className="settings-section" style={{ maxWidth: 640 }}>
        {Story()}
      </div>
    ),
  ],
} satisfies Meta<typeof IdentityList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Empty: Story = { args: { identities: [] } };
export const Deleting: Story = { args: { deletingId: 'I2' } };
export const LongContent: Story = {
  args: {
    identities: [
      identity('I1', {
        mayDelete: false,
        name: 'Maximilian Alexander Bartholomew von Habsburg-Lothringen, Head of Communications',
        email: 'maximilian.alexander.bartholomew.von-habsburg-lothringen@communications.example.org',
        textSignature: Array.from({ length: 8 }, (_, i) => `Signature line ${i + 1}`).join('\n'),
      }),
      identity('I2', { name: '' }),
    ],
  },
};
export const RightToLeft: Story = {
  args: { identities: [identity('I1', { name: 'سارة أحمد', textSignature: 'مع تحياتي،\nسارة' })] },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { globals: { theme: 'dark' } };
