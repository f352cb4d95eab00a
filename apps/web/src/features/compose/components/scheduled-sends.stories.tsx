import type { Meta, StoryObj } from '@storybook/react-vite';
import { userEvent, within } from 'storybook/test';
import { composeKeys } from '../api/keys';
import type { PendingSend } from '../api/pending-sends';
import {
  STORY_ACCOUNT_ID,
  composeAccountQueries,
  longSubject,
  manyAddresses,
  people,
  rtl,
} from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import { composeMessages } from '../messages';
import { ScheduledSends } from './scheduled-sends';
import './composer.css';
import './compose-entry.css';

const pendingKey = composeKeys.pending(STORY_ACCOUNT_ID);
const send = (i: number, over: Partial<PendingSend> = {}): PendingSend => ({
  submissionId: `s${i}`,
  emailId: `e${i}`,
  sendAt: new Date(Date.parse('2026-12-01T08:00:00Z') + i * 86_400_000).toISOString(),
  subject: `Reminder ${i + 1}`,
  to: [people.ann],
  ...over,
});

const withPending = (pending: PendingSend[]) =>
  withStoryData({ queries: [...composeAccountQueries, [pendingKey, pending]] });

const meta = {
  title: 'Compose/ScheduledSends',
  component: ScheduledSends,
  decorators: [
    withPending([send(0), send(1, { to: [people.bob, people.carol] }), send(2, { subject: null })]),
  ],
  // The list opens on demand: each story opens it, as a click would.
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: composeMessages.scheduled }));
  },
} satisfies Meta<typeof ScheduledSends>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};
export const Closed: Story = { play: async () => undefined };
export const NothingScheduled: Story = { decorators: [withPending([])] };
export const Loading: Story = { decorators: [withStoryData({ queries: composeAccountQueries })] };
export const Failed: Story = {
  decorators: [withStoryData({ queries: composeAccountQueries, errors: [pendingKey] })],
};
export const LongContent: Story = {
  decorators: [
    withPending(
      Array.from({ length: 30 }, (_, i) => send(i, { subject: longSubject, to: manyAddresses(100) })),
    ),
  ],
};
export const RightToLeft: Story = {
  decorators: [withPending([send(0, { subject: rtl.arabicSubject, to: [people.maryam] })]), rightToLeft],
};
export const Dark: Story = { globals: { theme: 'dark' } };
