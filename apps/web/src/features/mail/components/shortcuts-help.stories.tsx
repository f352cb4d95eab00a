import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import '../../../styles/app.css';
import { ShortcutsHelp } from './shortcuts-help';

const meta = {
  title: 'Mail/ShortcutsHelp',
  component: ShortcutsHelp,
  args: { open: true, onClose: fn() },
} satisfies Meta<typeof ShortcutsHelp>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};
/** Closed, the dialog is in the page but shows nothing. */
export const Closed: Story = { args: { open: false } };
export const RightToLeft: Story = { decorators: [(Story) => <div dir="rtl">{Story()}</div>] };
export const Dark: Story = { globals: { theme: 'dark' } };
