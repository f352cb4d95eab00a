import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { holiday, invitation, lunch, weeklyOccurrence } from '../testing/fixtures';
import { EventDetails } from './event-details';
import './calendar.css';

const meta = {
  title: 'Calendar/EventDetails',
  component: EventDetails,
  args: {
    open: true,
    event: lunch,
    calendarName: 'Personal',
    color: '#188038',
    userEmail: 'alice@colibri.test',
    displayTimeZone: 'Europe/Paris',
    canEdit: true,
    onClose: fn(),
    onEdit: fn(),
    onDelete: fn(),
    onRsvp: fn(),
    onPropose: fn(),
  },
} satisfies Meta<typeof EventDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Simple: Story = {};
/** An occurrence of the weekly meeting the user organises: guests with their answers. */
export const RecurringWithGuests: Story = {
  args: { event: weeklyOccurrence, calendarName: 'Work', color: '#1a73e8' },
};
/** An invitation: RSVP buttons and "Propose a new time"; no editing (the organiser's event). */
export const Invitation: Story = { args: { event: invitation, canEdit: false, calendarName: 'Work' } };
export const AllDay: Story = { args: { event: holiday, calendarName: 'Work' } };
export const Dark: Story = { args: { event: invitation, canEdit: false }, globals: { theme: 'dark' } };
