import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { VacationResponse } from '@colibri/jmap-types';
import { VacationForm } from './vacation-form';
import './settings.css';

const off: VacationResponse = {
  id: 'singleton',
  isEnabled: false,
  fromDate: null,
  toDate: null,
  subject: null,
  textBody: null,
  htmlBody: null,
};

const meta = {
  title: 'Settings/VacationForm',
  component: VacationForm,
  args: { vacation: off, onSave: fn(), saving: false, error: null, saved: false },
  decorators: [
    (Story) => (
      <div className="settings-section" style={{ maxWidth: 640 }}>
        {Story()}
      </div>
    ),
  ],
} satisfies Meta<typeof VacationForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Off: Story = {};
export const OnWithPeriod: Story = {
  args: {
    vacation: {
      ...off,
      isEnabled: true,
      fromDate: '2030-07-01T07:00:00Z',
      toDate: '2030-07-21T18:00:00Z',
      subject: 'Out of office',
      textBody:
        'I am away until 21 July, with no access to my mail.\nFor anything urgent, write to team@example.org.',
    },
  },
};
export const Saving: Story = { args: { ...OnWithPeriod.args, saving: true } };
export const Saved: Story = { args: { ...OnWithPeriod.args, saved: true } };
/** The server's refusal (RFC 8620 §5.3 notUpdated), in words. */
export const ServerError: Story = {
  args: { ...OnWithPeriod.args, error: 'The server refused the change: Invalid subject (too long).' },
};
export const LongContent: Story = {
  args: {
    vacation: {
      ...off,
      isEnabled: true,
      subject:
        'Away for the whole summer: back in September, after the conference in Lisbon and a long break',
      textBody: Array.from(
        { length: 12 },
        (_, i) => `Paragraph ${i + 1}: ${'a long line of text '.repeat(8)}`,
      ).join('\n\n'),
      htmlBody: `<p>${'<b>Formatted</b> reply '.repeat(30)}</p>`,
    },
  },
};
/** Right-to-left content in a right-to-left page. */
export const RightToLeft: Story = {
  args: {
    vacation: {
      ...off,
      isEnabled: true,
      subject: 'خارج المكتب',
      textBody: 'أنا في إجازة حتى يوم الإثنين. شكراً لرسالتك.',
    },
  },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { args: OnWithPeriod.args, globals: { theme: 'dark' } };
