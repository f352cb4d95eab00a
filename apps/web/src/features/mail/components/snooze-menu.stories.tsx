import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import '../../../styles/app.css';
import { SnoozeMenu } from './snooze-menu';

/** A Wednesday afternoon in Paris: every preset is offered (later today, weekend, next week). */
const wednesday = () => new Date('2026-11-25T14:00:00Z');

const meta = {
  title: 'Mail/SnoozeMenu',
  component: SnoozeMenu,
  args: { open: true, onOpenChange: fn(), onSnooze: fn(), now: wednesday, timeZone: 'Europe/Paris' },
} satisfies Meta<typeof SnoozeMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};
/** Closed: only the button. */
export const Closed: Story = { args: { open: false } };
/** Late on a Saturday: no "later today", no "this weekend". */
export const SaturdayNight: Story = { args: { now: () => new Date('2026-11-28T21:30:00Z') } };
/** A server that accepts snoozes of a day at most: a picked time beyond it is refused. */
export const ShortLimit: Story = { args: { maxSnoozeSeconds: 24 * 3600 } };
export const RightToLeft: Story = { decorators: [(Story) => <div dir="rtl">{Story()}</div>] };
export const Dark: Story = { globals: { theme: 'dark' } };
