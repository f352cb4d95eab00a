import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  STORY_ACCOUNT_ID,
  attachment,
  manyAttachments,
  rtl,
  sampleAttachments,
  storySession,
} from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import './conversation.css';
import '../../../styles/app.css';
import { AttachmentList } from './attachment-list';

const meta = {
  title: 'Mail/AttachmentList',
  component: AttachmentList,
  args: { session: storySession, accountId: STORY_ACCOUNT_ID, attachments: sampleAttachments },
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof AttachmentList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A PDF (openable), a spreadsheet, a photo (previewed) and a large archive. */
export const Mixed: Story = {};
export const Single: Story = { args: { attachments: [sampleAttachments[0]!] } };
/** No downloadable part: the list is not shown. */
export const Empty: Story = { args: { attachments: [] } };
export const Untitled: Story = {
  args: { attachments: [{ ...attachment('x', 'application/octet-stream', 1_234), name: null }] },
};
export const ManyWithLongNames: Story = { args: { attachments: manyAttachments } };
export const RightToLeft: Story = {
  args: { attachments: [attachment(`${rtl.arabicSubject}.pdf`, 'application/pdf', 90_000, 1)] },
  decorators: [rightToLeft],
};
export const Dark: Story = { globals: { theme: 'dark' } };
