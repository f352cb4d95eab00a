import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  listEmail,
  longName,
  longSubject,
  people,
  rightToLeftRow,
  rtl,
} from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import { MessageListItem } from './message-list-item';

const meta = {
  title: 'Mail/MessageListItem',
  component: MessageListItem,
  args: { email: listEmail(1, { keywords: { $seen: true } }) },
  decorators: [(Story) => <div style={{ width: 420 }}>{Story()}</div>],
} satisfies Meta<typeof MessageListItem>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Read: Story = {};
export const Unread: Story = { args: { email: listEmail(0, { keywords: {} }) } };
export const FlaggedWithAttachment: Story = {
  args: { email: listEmail(1, { keywords: { $seen: true, $flagged: true }, hasAttachment: true }) },
};
/** No subject, no preview and no sender: the row says so instead of staying blank. */
export const Empty: Story = {
  args: { email: listEmail(2, { subject: null, preview: '', from: null }) },
};
export const LongContent: Story = {
  args: {
    email: listEmail(3, {
      from: [{ name: longName, email: 'max@example.org' }],
      subject: longSubject,
      preview: longSubject.repeat(3),
      hasAttachment: true,
      keywords: { $flagged: true },
    }),
  },
};
export const Arabic: Story = {
  args: { email: rightToLeftRow(people.maryam, rtl.arabicSubject, rtl.arabicBody) },
  decorators: [rightToLeft],
};
export const Hebrew: Story = {
  args: { email: rightToLeftRow(people.noa, rtl.hebrewSubject, rtl.hebrewBody) },
  decorators: [rightToLeft],
};
/** Right-to-left text in a left-to-right interface, as most people will see it. */
export const ArabicInEnglishUi: Story = {
  args: { email: rightToLeftRow(people.maryam, rtl.arabicSubject, rtl.arabicBody) },
};
export const Dark: Story = { ...Unread, globals: { theme: 'dark' } };
