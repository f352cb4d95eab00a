import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { useToastStore } from '../lib/toast-store';
import type { Toast } from '../lib/toast-store';
import { longSubject, rtl } from '../testing/story-fixtures';
import { rightToLeft, withStoreState } from '../testing/story-providers';
import { ToastRegion } from './toast-region';

const withToasts = (toasts: Toast[]) => withStoreState(useToastStore, { toasts });
const undo = { label: 'Undo', run: fn() };

const meta = {
  title: 'App/ToastRegion',
  component: ToastRegion,
  args: { label: 'Notifications', dismissLabel: 'Dismiss' },
  parameters: { layout: 'fullscreen' },
  decorators: [(Story) => <div style={{ position: 'relative', height: 360 }}>{Story()}</div>],
  beforeEach: withToasts([{ id: 1, message: '3 messages archived.', tone: 'info', action: undo }]),
} satisfies Meta<typeof ToastRegion>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithUndo: Story = {};
export const Info: Story = { beforeEach: withToasts([{ id: 1, message: 'Folder created.', tone: 'info' }]) };
export const ErrorToast: Story = {
  beforeEach: withToasts([
    { id: 1, message: 'Could not move the messages: the server is unreachable.', tone: 'error' },
  ]),
};
/** At most three at once; the oldest go first. */
export const Several: Story = {
  beforeEach: withToasts([
    { id: 1, message: 'Message moved to Archive.', tone: 'info', action: undo },
    { id: 2, message: 'Could not mark as read.', tone: 'error' },
    { id: 3, message: '120 messages deleted.', tone: 'info', action: undo },
  ]),
};
/** The region stays in the page, empty, so that screen readers hear the next toast. */
export const Empty: Story = { beforeEach: withToasts([]) };
export const LongMessage: Story = {
  beforeEach: withToasts([
    { id: 1, message: `Could not archive “${longSubject}”.`, tone: 'error', action: undo },
  ]),
};
export const RightToLeft: Story = {
  beforeEach: withToasts([{ id: 1, message: rtl.arabicSubject, tone: 'info', action: undo }]),
  decorators: [rightToLeft],
};
export const Dark: Story = { ...Several, globals: { theme: 'dark' } };
