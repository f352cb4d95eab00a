import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  STORY_ACCOUNT_ID,
  emailDetail,
  hostileHtml,
  people,
  richHtml,
  rtl,
  storySession,
} from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import './conversation.css';
import { EmailBody } from './email-body';

const quotedText = `Sounds good, see you there.

Ann

On Mon, 16 Nov 2026, Bob Martin wrote:
> Shall we meet at noon on Friday?
> The usual place: https://maps.example.org/cafe
>
> Bob`;

const meta = {
  title: 'Mail/EmailBody',
  component: EmailBody,
  args: { session: storySession, accountId: STORY_ACCOUNT_ID, email: emailDetail() },
  decorators: [
    (Story) => (
      <div className="reader__body" style={{ maxWidth: 720 }}>
        {Story()}
      </div>
    ),
    withStoryData(),
  ],
} satisfies Meta<typeof EmailBody>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PlainText: Story = {};
/** The earlier messages quoted at the end are folded behind a toggle; links are clickable. */
export const PlainTextWithQuote: Story = { args: { email: emailDetail({ text: quotedText }) } };
export const Html: Story = { args: { email: emailDetail({ html: richHtml }) } };
/**
 * Scripts, handlers, javascript: links, forms, frames and remote content: the sanitiser drops or
 * blocks them all, the frame is sandboxed, and the banner says what was blocked.
 */
export const HostileHtml: Story = {
  args: {
    email: emailDetail({
      html: hostileHtml,
      from: [{ name: 'Your Bank', email: 'security@bank-alerts.example' }],
    }),
  },
};
export const RemoteImages: Story = {
  args: {
    email: emailDetail({
      html: '<p>Our new collection:</p><img src="https://cdn.example.org/a.jpg" width="300" height="200" alt="Shoes"><img src="https://cdn.example.org/b.jpg" alt="Hats">',
    }),
  },
};
export const Truncated: Story = {
  args: {
    email: (() => {
      const email = emailDetail({ text: 'The beginning of a very long message…' });
      return { ...email, bodyValues: { t: { ...email.bodyValues.t!, isTruncated: true } } };
    })(),
  },
};
export const NoText: Story = { args: { email: emailDetail({ text: '   ' }) } };
export const LongContent: Story = {
  args: {
    email: emailDetail({
      text: Array.from(
        { length: 200 },
        (_, i) => `Line ${i + 1}: ${'a-very-long-unbroken-word-'.repeat(i % 7 === 0 ? 12 : 1)}`,
      ).join('\n'),
    }),
  },
};
export const Arabic: Story = {
  args: { email: emailDetail({ from: [people.maryam], subject: rtl.arabicSubject, text: rtl.arabicBody }) },
  decorators: [rightToLeft],
};
export const HebrewHtml: Story = {
  args: {
    email: emailDetail({
      from: [people.noa],
      subject: rtl.hebrewSubject,
      html: `<div dir="rtl"><p>${rtl.hebrewBody.replace(/\n/g, '<br>')}</p></div>`,
    }),
  },
};
export const Dark: Story = { args: { email: emailDetail({ html: richHtml }) }, globals: { theme: 'dark' } };
