import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@colibri/ui';
import { longSubject, rtl } from '../testing/story-fixtures';
import { rightToLeft } from '../testing/story-providers';
import { PageStatus } from './page-status';

const meta = {
  title: 'App/PageStatus',
  component: PageStatus,
  args: { children: 'Loading messages…' },
} satisfies Meta<typeof PageStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {};
export const Empty: Story = { args: { children: 'No messages in this folder.' } };
export const ErrorWithRetry: Story = {
  args: {
    tone: 'error',
    children: 'The messages could not be loaded.',
    action: <Button variant="secondary">Try again</Button>,
  },
};
export const LongText: Story = { args: { tone: 'error', children: longSubject } };
export const RightToLeft: Story = { args: { children: rtl.arabicSubject }, decorators: [rightToLeft] };
export const Dark: Story = { ...ErrorWithRetry, globals: { theme: 'dark' } };
