import type { Meta, StoryObj } from '@storybook/react-vite';
import { Route, Routes } from 'react-router';
import { authKeys } from '../features/auth/api/keys';
import { searchKeys } from '../features/search/api/keys';
import {
  STORY_ACCOUNT_ID,
  composeAccountQueries,
  storyMailboxes,
  storySession,
} from '../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../testing/story-providers';
import { AppShell } from './app-shell';

/** The shell around a placeholder screen, as the router nests the mail and search pages in it. */
function Shell() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route path="*" element={<p style={{ padding: 24 }}>The mail screen goes here.</p>} />
      </Route>
    </Routes>
  );
}

const signedIn = (username: string) =>
  withStoryData({
    url: '/mail/inbox',
    queries: [
      [authKeys.me(), { username, accountId: STORY_ACCOUNT_ID, csrfToken: 'story' }],
      [searchKeys.session(), storySession],
      [searchKeys.mailboxes(STORY_ACCOUNT_ID), storyMailboxes],
      ...composeAccountQueries,
    ],
  });

const meta = {
  title: 'App/AppShell',
  component: Shell,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Shell>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedIn: Story = { decorators: [signedIn('alice@colibri.test')] };
export const LongUsername: Story = {
  decorators: [
    signedIn(`maximilian.alexander.konstantin.${'von-'.repeat(6)}hohenzollern@finance.example.org`),
  ],
};
export const RightToLeft: Story = { decorators: [signedIn('maryam@colibri.test'), rightToLeft] };
export const Dark: Story = { decorators: [signedIn('alice@colibri.test')], globals: { theme: 'dark' } };
