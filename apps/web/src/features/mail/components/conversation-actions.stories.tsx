import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn, userEvent, within } from 'storybook/test';
import { LIST_UNSUBSCRIBE, LIST_UNSUBSCRIBE_POST } from '../api/get-email';
import { STORY_ACCOUNT_ID, emailDetail, storySession } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import './conversation.css';
import { conversationMessages } from '../conversation-messages';
import { ConversationActions } from './conversation-actions';

const newsletter = emailDetail({
  [LIST_UNSUBSCRIBE]: ['https://news.example.org/unsubscribe?u=alice', 'mailto:leave@news.example.org'],
  [LIST_UNSUBSCRIBE_POST]: 'List-Unsubscribe=One-Click',
});

const meta = {
  title: 'Mail/ConversationActions',
  component: ConversationActions,
  args: { session: storySession, accountId: STORY_ACCOUNT_ID, email: emailDetail(), onReply: fn() },
} satisfies Meta<typeof ConversationActions>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
/** Without a composer (e.g. a read-only share), reply buttons are hidden. */
export const WithoutReply: Story = { args: { onReply: undefined } };
/** RFC 8058 one-click unsubscribe: a confirmation first, then a POST. */
export const OneClickUnsubscribe: Story = { args: { email: newsletter } };
export const ConfirmingUnsubscribe: Story = {
  args: { email: newsletter },
  play: async ({ canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: conversationMessages.unsubscribe }),
    );
  },
};
/** Only a web page to unsubscribe: a link, opened in a new tab. */
export const LinkUnsubscribe: Story = {
  args: { email: emailDetail({ [LIST_UNSUBSCRIBE]: ['https://news.example.org/leave'] }) },
};
export const RightToLeft: Story = { args: { email: newsletter }, decorators: [rightToLeft] };
export const Dark: Story = { args: { email: newsletter }, globals: { theme: 'dark' } };
