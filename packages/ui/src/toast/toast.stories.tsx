import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { Toast } from './toast';

const meta = {
  title: 'Components/Toast',
  component: Toast,
  args: { message: '3 messages archived', onDismiss: fn() },
} satisfies Meta<typeof Toast>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = {};
export const WithUndo: Story = { args: { actionLabel: 'Undo', onAction: fn() } };
export const Failure: Story = {
  args: { tone: 'error', message: 'The messages could not be archived: the server is unreachable.' },
};
export const LongContent: Story = {
  args: {
    message:
      '2 of 40 messages could not be moved to "Projects/2026/Quarterly reports and budget reviews": forbidden',
    actionLabel: 'Undo',
    onAction: fn(),
  },
};
export const RightToLeft: Story = {
  args: { message: 'تم أرشفة 3 رسائل', actionLabel: 'تراجع', onAction: fn() },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { ...WithUndo, globals: { theme: 'dark' } };
