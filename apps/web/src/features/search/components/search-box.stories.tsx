import type { Meta, StoryObj } from '@storybook/react-vite';
import { searchKeys } from '../api/keys';
import { STORY_ACCOUNT_ID, storyMailboxes, storySession } from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import { SearchBox } from './search-box';

const context = [
  [searchKeys.session(), storySession],
  [searchKeys.mailboxes(STORY_ACCOUNT_ID), storyMailboxes],
] as const;

const meta = {
  title: 'Search/SearchBox',
  component: SearchBox,
} satisfies Meta<typeof SearchBox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The page's URL: the box reads the open folder, or the search on screen, from it. */
const at = (url: string) => withStoryData({ queries: context, url });

export const Empty: Story = { decorators: [at('/')] };
/** In a folder, the box offers to search that folder only. */
export const InAFolder: Story = { decorators: [at('/mail/work')] };
/** On the results page, the box shows the search that is on screen. */
export const OnResultsPage: Story = {
  decorators: [at('/search?q=from%3Aann%20budget&in=work')],
};
export const LongQuery: Story = {
  decorators: [at(`/search?q=${encodeURIComponent('budget '.repeat(60))}`)],
};
export const RightToLeft: Story = {
  decorators: [at('/mail/rtl'), rightToLeft],
};
export const Dark: Story = { ...InAFolder, globals: { theme: 'dark' } };
