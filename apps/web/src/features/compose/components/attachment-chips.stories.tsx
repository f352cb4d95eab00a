import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { DraftAttachment } from '../lib/draft';
import { AttachmentChips } from './attachment-chips';
import './composer.css';

const file = (over: Partial<DraftAttachment>): DraftAttachment => ({
  localId: over.name ?? 'f',
  name: 'report.pdf',
  type: 'application/pdf',
  size: 482_000,
  blobId: 'B1',
  status: 'done',
  progress: 1,
  error: null,
  cid: null,
  ...over,
});

const meta = {
  title: 'Compose/AttachmentChips',
  component: AttachmentChips,
  args: { attachments: [file({})], onRemove: fn() },
} satisfies Meta<typeof AttachmentChips>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Uploaded: Story = {};
export const Uploading: Story = {
  args: {
    attachments: [
      file({ name: 'holiday.mov', size: 48_000_000, status: 'uploading', progress: 0.42, blobId: null }),
    ],
  },
};
export const Failed: Story = {
  args: {
    attachments: [
      file({
        name: 'too-big.iso',
        size: 900_000_000,
        status: 'error',
        blobId: null,
        error: 'Larger than the 50 MB the server accepts.',
      }),
    ],
  },
};
export const Empty: Story = { args: { attachments: [] } };
export const ManyLongNames: Story = {
  args: {
    attachments: Array.from({ length: 8 }, (_, i) =>
      file({
        localId: `f${i}`,
        name: `Quarterly figures for the board meeting, version ${i + 1} (final).xlsx`,
      }),
    ),
  },
};
export const RightToLeft: Story = {
  args: { attachments: [file({ name: 'تقرير الربع الثالث.pdf' })] },
  decorators: [(Story) => <div dir="rtl">{Story()}</div>],
};
