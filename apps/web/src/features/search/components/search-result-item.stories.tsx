import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import {
  listEmail,
  longName,
  longSubject,
  people,
  rtl,
  searchResult,
  storyMailboxes,
} from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import '../search.css';
import { SearchResultItem } from './search-result-item';

const meta = {
  title: 'Search/SearchResultItem',
  component: SearchResultItem,
  args: {
    result: searchResult(1, {
      subject: 'Weekly <mark>update</mark> 1',
      preview: 'Here is what happened this week: the <mark>release</mark> went out',
    }),
    mailboxes: storyMailboxes,
    selected: false,
    onOpen: fn(),
  },
  decorators: [(Story) => <ul style={{ listStyle: 'none', padding: 0, maxWidth: 480 }}>{Story()}</ul>],
} satisfies Meta<typeof SearchResultItem>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithMatches: Story = {};
/** A search by sender or date only: no snippet, the subject and preview as they are. */
export const WithoutSnippet: Story = { args: { result: searchResult(1) } };
export const Selected: Story = { args: { selected: true } };
export const Unread: Story = { args: { result: searchResult(0) } };
/** Snippet markup other than <mark> is shown as text, never as HTML. */
export const HostileSnippet: Story = {
  args: {
    result: searchResult(1, {
      subject: '<img src=x onerror=alert(1)> <mark>invoice</mark>',
      preview: '<b>bold?</b>',
    }),
  },
};
export const Empty: Story = {
  args: {
    result: {
      email: listEmail(2, { from: null, subject: null, preview: '', mailboxIds: {} }),
      snippet: undefined,
    },
  },
};
export const LongContent: Story = {
  args: {
    result: {
      email: listEmail(3, {
        from: [{ name: longName, email: 'max@example.org' }],
        subject: longSubject,
        preview: longSubject,
        mailboxIds: Object.fromEntries(storyMailboxes.map((m) => [m.id, true as const])),
      }),
      snippet: undefined,
    },
  },
};
export const RightToLeft: Story = {
  args: {
    result: {
      email: listEmail(4, { from: [people.maryam], subject: rtl.arabicSubject, preview: rtl.arabicBody }),
      snippet: { emailId: 'e4', subject: `<mark>اجتماع</mark> الفريق`, preview: null },
    },
  },
  decorators: [rightToLeft],
};
export const Dark: Story = { globals: { theme: 'dark' } };
