import type { Meta, StoryObj } from '@storybook/react-vite';
import { MessageHeader } from './message-header';

const meta = {
  title: 'Components/MessageHeader',
  component: MessageHeader,
  args: {
    from: [{ name: 'Bob Durand', email: 'bob@colibri.test' }],
    to: [{ name: 'Alice Martin', email: 'alice@colibri.test' }],
    cc: [
      { name: 'Carol Nguyen', email: 'carol@colibri.test' },
      { name: null, email: 'team@colibri.test' },
    ],
    subject: 'Colibri roadmap for the next quarter',
    date: '2026-03-12T09:41:00Z',
    locale: 'en-GB',
    timeZone: 'Europe/Paris',
  },
  decorators: [(Story) => <div style={{ maxWidth: 720, background: 'var(--color-surface)' }}>{Story()}</div>],
} satisfies Meta<typeof MessageHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const NoCc: Story = { args: { cc: [] } };
export const AddressOnlySender: Story = {
  args: { from: [{ name: null, email: 'noreply@billing.example.com' }] },
};
export const LongSubject: Story = {
  args: {
    subject:
      'Re: Re: Fwd: Minutes of the steering committee, with the budget review, the hiring plan and the offsite',
  },
};
export const French: Story = {
  args: { locale: 'fr-FR', labels: { from: 'De', to: 'À', cc: 'Cc' }, subject: 'Déjeuner vendredi ?' },
};
export const Dark: Story = { globals: { theme: 'dark' } };
