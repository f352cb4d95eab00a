import type { Meta, StoryObj } from '@storybook/react-vite';
import { searchKeys } from '../api/keys';
import type { SearchResults } from '../api/search-emails';
import { parseSearchQuery } from '../lib/parse-search-query';
import {
  STORY_ACCOUNT_ID,
  listEmail,
  longSubject,
  people,
  rtl,
  searchResult,
  storyMailboxes,
  storySession,
} from '../../../testing/story-fixtures';
import type { StoryData } from '../../../testing/story-providers';
import { inFrame, rightToLeft, withStoryData } from '../../../testing/story-providers';
import { SearchPage } from './search-page';

const context = [
  [searchKeys.session(), storySession],
  [searchKeys.mailboxes(STORY_ACCOUNT_ID), storyMailboxes],
] as const;

/** The results key of a query, as the page computes it from the URL. */
const resultsKey = (query: string) =>
  searchKeys.results(STORY_ACCOUNT_ID, parseSearchQuery(query, { mailboxes: storyMailboxes }).filter!);

/** The page at `/search?q=…`, with the search's answer (or its state) in the cache. */
function searchFor(query: string, results?: SearchResults, extra: StoryData = {}) {
  return withStoryData({
    url: `/search?q=${encodeURIComponent(query)}`,
    path: '/search/:emailId?',
    queries: [...context, ...(results ? [[resultsKey(query), results] as const] : [])],
    ...extra,
  });
}

const budget = {
  results: Array.from({ length: 12 }, (_, i) =>
    searchResult(i, {
      subject: `<mark>Budget</mark> review ${i + 1}`,
      preview: 'the <mark>budget</mark> numbers for 2027',
    }),
  ),
  total: 12,
};

const meta = {
  title: 'Search/SearchPage',
  component: SearchPage,
  args: { renderReader: () => <section className="reader reader--empty">Reader</section> },
  decorators: [inFrame('100%', 600)],
} satisfies Meta<typeof SearchPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Results: Story = { decorators: [searchFor('budget', budget)] };
/** More matches than shown: the count says how many of how many. */
export const Capped: Story = { decorators: [searchFor('budget', { ...budget, total: 4_812 })] };
export const NoResults: Story = { decorators: [searchFor('zebra', { results: [], total: 0 })] };
export const Searching: Story = { decorators: [searchFor('budget')] };
export const Failed: Story = {
  decorators: [searchFor('budget', undefined, { errors: [resultsKey('budget')] })],
};
/** The account and its mailboxes are still loading. */
export const LoadingContext: Story = {
  decorators: [withStoryData({ url: '/search?q=budget', path: '/search/:emailId?' })],
};
/** `in:` names no folder: the page says so rather than searching elsewhere. */
export const UnknownFolder: Story = { decorators: [searchFor('in:nowhere budget')] };
export const PartlyUnderstood: Story = {
  decorators: [searchFor('budget larger:lots', { results: budget.results.slice(0, 2), total: 2 })],
};
export const NothingToSearch: Story = { decorators: [searchFor('')] };
export const LongContent: Story = {
  decorators: [
    searchFor(longSubject, {
      results: Array.from({ length: 30 }, (_, i) => ({
        email: listEmail(i, { subject: longSubject, preview: longSubject }),
        snippet: undefined,
      })),
      total: 30,
    }),
  ],
};
export const RightToLeft: Story = {
  decorators: [
    searchFor(rtl.arabicSubject, {
      results: [
        {
          email: listEmail(0, { from: [people.maryam], subject: rtl.arabicSubject, preview: rtl.arabicBody }),
          snippet: undefined,
        },
        {
          email: listEmail(1, { from: [people.noa], subject: rtl.hebrewSubject, preview: rtl.hebrewBody }),
          snippet: undefined,
        },
      ],
      total: 2,
    }),
    rightToLeft,
  ],
};
export const Dark: Story = { decorators: [searchFor('budget', budget)], globals: { theme: 'dark' } };
