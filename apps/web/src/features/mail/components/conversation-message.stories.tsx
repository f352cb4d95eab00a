import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { mailKeys } from '../api/keys';
import {
  STORY_ACCOUNT_ID,
  conversationItem,
  emailDetail,
  longName,
  longSubject,
  manyAddresses,
  people,
  richHtml,
  rtl,
  storySession,
} from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import './conversation.css';
import { ConversationMessage } from './conversation-message';

const email = emailDetail({ id: 'm1', html: richHtml, cc: [people.carol] });
const item = conversationItem(email, 'Hi Alice, the launch plan is attached. Highlights: beta on 1 December');

const meta = {
  title: 'Mail/ConversationMessage',
  component: ConversationMessage,
  args: {
    session: storySession,
    accountId: STORY_ACCOUNT_ID,
    conversationKeyEmailId: 'm1',
    item,
    seed: email,
    expanded: true,
    onToggle: fn(),
    onReply: fn(),
  },
  decorators: [(Story) => <div style={{ maxWidth: 760 }}>{Story()}</div>, withStoryData()],
} satisfies Meta<typeof ConversationMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {};
export const Folded: Story = { args: { expanded: false } };
export const FoldedUnread: Story = { args: { expanded: false, item: { ...item, keywords: {} } } };
/** Opened without the full message cached: it is being fetched. */
export const LoadingBody: Story = { args: { seed: undefined } };
export const BodyFailed: Story = {
  args: { seed: undefined },
  decorators: [withStoryData({ errors: [mailKeys.email(STORY_ACCOUNT_ID, 'm1')] })],
};
/** The only message of its conversation: it never folds. */
export const AloneInConversation: Story = { args: { onToggle: undefined } };
export const LongContent: Story = {
  args: (() => {
    const long = emailDetail({
      id: 'm1',
      from: [{ name: longName, email: 'max@example.org' }],
      subject: longSubject,
      to: manyAddresses(100),
      cc: manyAddresses(30),
    });
    return { item: conversationItem(long, longSubject), seed: long };
  })(),
};
export const Arabic: Story = {
  args: (() => {
    const arabic = emailDetail({
      id: 'm1',
      from: [people.maryam],
      subject: rtl.arabicSubject,
      text: rtl.arabicBody,
    });
    return { item: conversationItem(arabic, rtl.arabicBody), seed: arabic };
  })(),
  decorators: [rightToLeft],
};
export const Dark: Story = { globals: { theme: 'dark' } };
