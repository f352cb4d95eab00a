import type { Meta, StoryObj } from '@storybook/react-vite';
import { useSendToastStore } from '../stores/send-toast-store';
import type { SendToast } from '../stores/send-toast-store';
import { composeAccountQueries } from '../../../testing/story-fixtures';
import { withStoreState, withStoryData } from '../../../testing/story-providers';
import { SendToasts } from './send-toasts';
import './composer.css';
import './compose-entry.css';

// Far ahead, so that the undo hold does not end (and the toast change) while one looks at it.
const LATER = '2099-01-01T09:00:00Z';
const toast = (i: number, over: Partial<SendToast> = {}): SendToast => ({
  submissionId: `s${i}`,
  emailId: `e${i}`,
  sendAt: LATER,
  kind: 'undo',
  state: 'pending',
  message: null,
  ...over,
});

const withToasts = (toasts: SendToast[]) => withStoreState(useSendToastStore, { toasts });

const meta = {
  title: 'Compose/SendToasts',
  component: SendToasts,
  decorators: [withStoryData({ queries: composeAccountQueries })],
  beforeEach: withToasts([toast(0)]),
} satisfies Meta<typeof SendToasts>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SendingWithUndo: Story = {};
export const Scheduled: Story = { beforeEach: withToasts([toast(0, { kind: 'scheduled' })]) };
export const Sent: Story = { beforeEach: withToasts([toast(0, { state: 'sent' })]) };
export const Canceling: Story = { beforeEach: withToasts([toast(0, { state: 'canceling' })]) };
export const Failed: Story = {
  beforeEach: withToasts([
    toast(0, { state: 'failed', message: 'The message could not be sent: the server is unreachable.' }),
  ]),
};
export const Several: Story = {
  beforeEach: withToasts([toast(0, { state: 'sent' }), toast(1, { kind: 'scheduled' }), toast(2)]),
};
export const None: Story = { beforeEach: withToasts([]) };
export const Dark: Story = { ...Several, globals: { theme: 'dark' } };
