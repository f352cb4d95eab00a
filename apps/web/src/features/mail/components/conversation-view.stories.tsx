import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { EmailDetail } from '../api/get-email';
import { conversationKey } from '../api/conversation-query';
import { AUTHENTICATION_RESULTS } from '../api/get-email';
import { mailKeys } from '../api/keys';
import {
  STORY_ACCOUNT_ID,
  authResults,
  conversationOf,
  emailDetail,
  hostileHtml,
  longSubject,
  manyAddresses,
  manyAttachments,
  people,
  richHtml,
  rtl,
  sampleAttachments,
  storyMailboxes,
  storySession,
} from '../../../testing/story-fixtures';
import { inFrame, rightToLeft, withStoryData } from '../../../testing/story-providers';
import { ConversationView } from './conversation-view';

const OPENED = 'opened';

/** The cache once the conversation request answered: the thread, its mailboxes, each message in full. */
function withThread(emails: EmailDetail[] | null, omitted = 0) {
  const details = (emails ?? []).map((email) => [mailKeys.email(STORY_ACCOUNT_ID, email.id), email] as const);
  return withStoryData({
    queries: [
      [conversationKey(STORY_ACCOUNT_ID, OPENED), emails && conversationOf(emails, omitted)],
      [mailKeys.mailboxes(STORY_ACCOUNT_ID), storyMailboxes],
      ...details,
    ],
  });
}

const thread = [
  emailDetail({
    id: 'm1',
    from: [people.bob],
    subject: 'Launch plan',
    text: 'Can we move the beta to December?',
  }),
  emailDetail({
    id: 'm2',
    from: [people.alice],
    subject: 'Re: Launch plan',
    text: 'Yes, the first week works for me.',
  }),
  emailDetail({
    id: OPENED,
    from: [people.ann],
    cc: [people.carol],
    subject: 'Re: Launch plan',
    html: richHtml,
    hasAttachment: true,
    attachments: sampleAttachments,
    keywords: {},
    [AUTHENTICATION_RESULTS]: [authResults.pass],
  }),
];

const meta = {
  title: 'Mail/ConversationView',
  component: ConversationView,
  args: { session: storySession, accountId: STORY_ACCOUNT_ID, emailId: OPENED, onReply: fn() },
  decorators: [inFrame('100%', 720)],
} satisfies Meta<typeof ConversationView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Oldest first; the opened, unread and newest messages open, the others folded. */
export const Thread: Story = { decorators: [withThread(thread)] };
export const SingleMessage: Story = { decorators: [withThread([emailDetail({ id: OPENED })])] };
export const Loading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const Failed: Story = {
  decorators: [withStoryData({ errors: [conversationKey(STORY_ACCOUNT_ID, OPENED)] })],
};
/** The message was deleted or moved out of reach since the list was shown. */
export const NotFound: Story = { decorators: [withThread(null)] };
export const HostileHtml: Story = {
  decorators: [
    withThread([
      emailDetail({
        id: OPENED,
        from: [{ name: 'PayPal', email: 'service@xn--pypal-4ve.com' }],
        subject: 'Your account will be closed',
        html: hostileHtml,
        [AUTHENTICATION_RESULTS]: [authResults.fail],
      }),
    ]),
  ],
};
/** A 40-word subject, 100 recipients, 30 attachments, and messages left out past the limit. */
export const LongContent: Story = {
  decorators: [
    withThread(
      [
        ...Array.from({ length: 6 }, (_, i) => emailDetail({ id: `old${i}`, subject: longSubject })),
        emailDetail({
          id: OPENED,
          subject: longSubject,
          to: manyAddresses(100),
          cc: manyAddresses(40),
          hasAttachment: true,
          attachments: manyAttachments,
        }),
      ],
      512,
    ),
  ],
};
export const NoSubject: Story = { decorators: [withThread([emailDetail({ id: OPENED, subject: null })])] };
export const Arabic: Story = {
  decorators: [
    withThread([
      emailDetail({ id: 'm1', from: [people.noa], subject: rtl.arabicSubject, text: rtl.hebrewBody }),
      emailDetail({ id: OPENED, from: [people.maryam], subject: rtl.arabicSubject, text: rtl.arabicBody }),
    ]),
    rightToLeft,
  ],
};
export const HebrewInEnglishUi: Story = {
  decorators: [
    withThread([
      emailDetail({ id: OPENED, from: [people.noa], subject: rtl.hebrewSubject, text: rtl.hebrewBody }),
    ]),
  ],
};
export const Dark: Story = { decorators: [withThread(thread)], globals: { theme: 'dark' } };
