import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ScopeDialog } from './scope-dialog';
import './calendar.css';

/** Asked when a recurring event is changed or deleted. */
const meta = {
  title: 'Calendar/ScopeDialog',
  component: ScopeDialog,
  args: { open: true, action: 'edit', onChoose: fn(), onCancel: fn() },
} satisfies Meta<typeof ScopeDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Edit: Story = {};
export const Delete: Story = { args: { action: 'delete' } };
