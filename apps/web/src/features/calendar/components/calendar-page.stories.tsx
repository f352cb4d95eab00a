import type { Meta, StoryObj } from '@storybook/react-vite';
import { withStoryData } from '../../../testing/story-providers';
import { calendarKeys } from '../api/keys';
import { browserTimeZone } from '../lib/time';
import { calendar, mockSession } from '../testing/mock-calendar-server';
import { holiday, invitation, lunch, weeklyOccurrence } from '../testing/fixtures';
import { CalendarPage } from './calendar-page';

const account = {
  session: mockSession,
  accountId: 'A1',
  username: 'alice@colibri.test',
  maxObjectsInGet: 500,
};
const calendars = [
  calendar('C1', 'Work', { isDefault: true, color: '#1a73e8' }),
  calendar('C2', 'Personal', { color: '#188038' }),
];
// The week FullCalendar shows for 1 December 2026 (weeks start on Monday in en-GB and fr).
const week = { after: '2026-11-30T00:00:00', before: '2026-12-07T00:00:00', timeZone: browserTimeZone() };

/** The page on 1 December 2026, so that the cached week is the one shown. */
function CalendarPageOnDecemberFirst() {
  return <CalendarPage initialDate="2026-12-01" now="2026-12-01T08:00:00" />;
}

const meta = {
  title: 'Calendar/CalendarPage',
  component: CalendarPageOnDecemberFirst,
  decorators: [(Story) => <div style={{ height: 720 }}>{Story()}</div>],
} satisfies Meta<typeof CalendarPageOnDecemberFirst>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Week: Story = {
  decorators: [
    withStoryData({
      queries: [
        [calendarKeys.session(), account],
        [calendarKeys.calendars('A1'), calendars],
        [
          calendarKeys.range('A1', week),
          { events: [invitation, lunch, weeklyOccurrence, holiday], truncated: false },
        ],
      ],
    }),
  ],
};
export const Loading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const NoCalendars: Story = {
  decorators: [withStoryData({ queries: [[calendarKeys.session(), { ...account, accountId: null }]] })],
};
export const LoadError: Story = { decorators: [withStoryData({ errors: [calendarKeys.session()] })] };
