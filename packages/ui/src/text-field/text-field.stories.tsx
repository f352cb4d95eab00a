import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { TextField } from './text-field';

const meta = {
  title: 'Components/TextField',
  component: TextField,
  args: { label: 'Email address', name: 'username', type: 'email', autoComplete: 'username', onChange: fn() },
  decorators: [(Story) => <div style={{ maxWidth: 360 }}>{Story()}</div>],
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithHint: Story = { args: { hint: 'For example alice@colibri.test' } };
export const WithValue: Story = { args: { defaultValue: 'alice@colibri.test' } };
export const WithError: Story = {
  args: { label: 'Password', type: 'password', name: 'password', error: 'Wrong email address or password.' },
};
export const Disabled: Story = { args: { disabled: true, defaultValue: 'alice@colibri.test' } };
export const WithErrorDark: Story = { ...WithError, globals: { theme: 'dark' } };
