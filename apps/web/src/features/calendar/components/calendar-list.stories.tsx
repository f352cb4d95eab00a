import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { calendar } from '../testing/mock-calendar-server';
import { CalendarList } from './calendar-list';
import './calendar.css';

/** The side pane: each calendar with its colour (or a fallback) and a visibility checkbox. */
const meta = {
  title: 'Calendar/CalendarList',
  component: CalendarList,
  args: {
    calendars: [
      calendar('C1', 'Work', { color: '#1a73e8', isDefault: true }),
      calendar('C2', 'Personal', { color: 'seagreen' }),
      calendar('C3', 'Team holidays', { isVisible: false }),
    ],
    onVisibilityChange: fn(),
  },
  decorators: [(Story) => <div style={{ width: 240 }}>{Story()}</div>],
} satisfies Meta<typeof CalendarList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Empty: Story = { args: { calendars: [] } };
export const RightToLeft: Story = {
  args: { calendars: [calendar('C1', 'العمل', { color: '#d93025' }), calendar('C2', 'شخصي')] },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
export const Dark: Story = { globals: { theme: 'dark' } };
