import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { MiniMonth } from './mini-month';
import './calendar.css';

const meta = {
  title: 'Calendar/MiniMonth',
  component: MiniMonth,
  args: {
    today: '2026-12-01',
    shown: { first: '2026-11-30', end: '2026-12-07' },
    locale: 'en-GB',
    onPick: fn(),
  },
} satisfies Meta<typeof MiniMonth>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The week view's days highlighted, today marked. */
export const Week: Story = {};
export const French: Story = { args: { locale: 'fr-FR' } };
export const Dark: Story = { globals: { theme: 'dark' } };
