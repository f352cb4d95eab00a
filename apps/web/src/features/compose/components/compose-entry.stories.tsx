import type { Meta, StoryObj } from '@storybook/react-vite';
import { useComposerStore } from '../stores/composer-store';
import { composeAccountQueries } from '../../../testing/story-fixtures';
import { withStoreState, withStoryData } from '../../../testing/story-providers';
import { ComposeEntry } from './compose-entry';

const meta = {
  title: 'Compose/ComposeEntry',
  component: ComposeEntry,
  decorators: [withStoryData({ queries: composeAccountQueries })],
  // Compose opens a composer in the store; it goes when the story does.
  beforeEach: withStoreState(useComposerStore, {}),
} satisfies Meta<typeof ComposeEntry>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The banner's Compose and Scheduled buttons; Compose opens a composer in the dock. */
export const Default: Story = {};
export const Dark: Story = { globals: { theme: 'dark' } };
