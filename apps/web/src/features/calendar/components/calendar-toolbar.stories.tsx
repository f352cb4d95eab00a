import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { CalendarToolbar } from './calendar-toolbar';
import './calendar.css';

const meta = {
  title: 'Calendar/CalendarToolbar',
  component: CalendarToolbar,
  args: {
    title: '30 Nov – 6 Dec 2026',
    view: 'week',
    onToday: fn(),
    onPrevious: fn(),
    onNext: fn(),
    onViewChange: fn(),
    onCreate: fn(),
  },
} satisfies Meta<typeof CalendarToolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Week: Story = {};
export const Month: Story = { args: { view: 'month', title: 'December 2026' } };
export const Narrow: Story = { decorators: [(Story) => <div style={{ width: 360 }}>{Story()}</div>] };
