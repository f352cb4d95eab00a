import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { conversationKey } from '../api/conversation-query';
import { mailKeys } from '../api/keys';
import {
  STORY_ACCOUNT_ID,
  conversationOf,
  emailDetail,
  storyMailboxes,
  storySession,
} from '../../../testing/story-fixtures';
import { inFrame, withStoryData } from '../../../testing/story-providers';
import { Reader } from './reader';

const opened = emailDetail({ id: 'r1' });

const meta = {
  title: 'Mail/Reader',
  component: Reader,
  args: { session: storySession, accountId: STORY_ACCOUNT_ID, emailId: 'r1', onBack: fn(), onReply: fn() },
  decorators: [
    inFrame('100%', 560),
    withStoryData({
      queries: [
        [conversationKey(STORY_ACCOUNT_ID, 'r1'), conversationOf([opened])],
        [mailKeys.mailboxes(STORY_ACCOUNT_ID), storyMailboxes],
      ],
    }),
  ],
} satisfies Meta<typeof Reader>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing open: a hint in place of the conversation. */
export const NothingOpen: Story = { args: { emailId: undefined } };
export const MessageOpen: Story = {};
export const Loading: Story = { args: { emailId: 'not-cached' } };
export const Dark: Story = { args: { emailId: undefined }, globals: { theme: 'dark' } };
