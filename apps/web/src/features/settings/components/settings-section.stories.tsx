import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SectionStatus } from './settings-section';
import './settings.css';

/** What a server-backed section shows before its data: loading, or the error with a retry. */
const meta = {
  title: 'Settings/SectionStatus',
  component: SectionStatus,
  args: { loading: 'Loading…', retryLabel: 'Try again', onRetry: fn(), error: null },
  decorators: [
    (Story) => (
      <div className="settings-section" style={{ maxWidth: 640 }}>
        {Story()}
      </div>
    ),
  ],
} satisfies Meta<typeof SectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {};
export const LoadError: Story = { args: { error: 'The settings could not be loaded.' } };
export const Dark: Story = { args: LoadError.args, globals: { theme: 'dark' } };
