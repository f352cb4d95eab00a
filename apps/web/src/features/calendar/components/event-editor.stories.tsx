import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { draftOfEvent, newDraft } from '../lib/event-draft';
import { weeklyMaster, weeklyOccurrence } from '../testing/fixtures';
import { EventEditor } from './event-editor';
import './calendar.css';

const calendars = [
  { id: 'C1', name: 'Work' },
  { id: 'C2', name: 'Personal' },
];

const meta = {
  title: 'Calendar/EventEditor',
  component: EventEditor,
  args: {
    open: true,
    mode: 'create',
    initial: newDraft({ now: new Date('2026-12-01T08:10:00Z'), timeZone: 'Europe/Paris', calendarId: 'C1' }),
    calendars,
    onSave: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof EventEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const New: Story = {};
/** A weekly meeting with a guest, opened from one of its occurrences. */
export const EditingRecurring: Story = {
  args: {
    mode: 'edit',
    initial: draftOfEvent(weeklyOccurrence, 'Europe/Paris', 'alice@colibri.test', weeklyMaster),
    onDelete: fn(),
  },
};
export const AllDay: Story = {
  args: {
    initial: {
      ...newDraft({ now: new Date('2026-12-01T08:10:00Z'), timeZone: 'Europe/Paris', calendarId: 'C2' }),
      allDay: true,
      start: '2026-12-24',
      end: '2026-12-26',
      title: 'Holidays',
    },
  },
};
/** The end before the start: the message shows next to the end, and nothing is saved. */
export const EndBeforeStart: Story = {
  args: {
    initial: {
      ...newDraft({ now: new Date('2026-12-01T08:10:00Z'), timeZone: 'Europe/Paris', calendarId: 'C1' }),
      end: '2026-12-01T09:00',
    },
  },
  play: async ({ canvasElement, args }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(body.getByRole('button', { name: 'Save' }));
    await expect(body.getByRole('alert')).toHaveTextContent('The end must come after the start.');
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};
export const Saving: Story = { args: { saving: true } };
