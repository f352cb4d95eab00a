import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SendLater } from './send-later';
import './composer.css';

const meta = {
  title: 'Compose/SendLater',
  component: SendLater,
  args: { maxDelayedSendSeconds: 30 * 86_400, onSchedule: fn(), disabled: false },
  decorators: [(Story) => <div style={{ paddingTop: 200 }}>{Story()}</div>],
} satisfies Meta<typeof SendLater>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Disabled: Story = { args: { disabled: true } };
/** A server without delayed send (maxDelayedSend 0) offers no send later at all. */
export const Unavailable: Story = { args: { maxDelayedSendSeconds: 0 } };
export const Dark: Story = { globals: { theme: 'dark' } };
