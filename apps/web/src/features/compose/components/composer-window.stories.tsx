import type { Meta, StoryObj } from '@storybook/react-vite';
import { useComposerStore } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';
import type { DraftAttachment } from '../lib/draft';
import {
  composeAccountQueries,
  longSubject,
  manyAddresses,
  people,
  rtl,
  storyComposeAccount,
  storyComposer,
} from '../../../testing/story-fixtures';
import { rightToLeft, withStoreState, withStoryData } from '../../../testing/story-providers';
import { ComposerWindow } from './composer-window';
import './composer.css';

/** The window reads its composer from the store, so that typing in the story edits it. */
function StoredComposer({ composer }: { composer: Composer }) {
  const stored = useComposerStore((state) => state.composers.find((c) => c.id === composer.id));
  return <ComposerWindow composer={stored ?? composer} account={storyComposeAccount} />;
}

const file = (name: string, over: Partial<DraftAttachment> = {}): DraftAttachment => ({
  localId: name,
  name,
  type: 'application/pdf',
  size: 482_000,
  blobId: `blob-${name}`,
  status: 'done',
  progress: 1,
  error: null,
  cid: null,
  ...over,
});

const reply = storyComposer({
  mode: 'reply',
  sourceEmailId: 'e1',
  revision: 3,
  savedRevision: 3,
  draftEmailId: 'draft1',
  content: {
    to: [people.ann],
    subject: 'Re: Lunch on Friday?',
    html: '<p>Friday works, see you at noon.</p><p>Alice</p><blockquote><p>On 20 Nov, Ann Lee wrote:</p><p>Lunch on Friday?</p></blockquote>',
    attachments: [file('menu.pdf')],
  },
});

const meta = {
  title: 'Compose/ComposerWindow',
  component: StoredComposer,
  args: { composer: storyComposer() },
  decorators: [
    (Story) => <div style={{ position: 'relative', height: 640 }}>{Story()}</div>,
    withStoryData({ queries: composeAccountQueries }),
  ],
  beforeEach: ({ args }) => withStoreState(useComposerStore, { composers: [args.composer] })(),
} satisfies Meta<typeof StoredComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NewMessage: Story = {};
/** A reply, saved as a draft, with the quote below the caret and a file attached. */
export const Reply: Story = { args: { composer: reply } };
export const Loading: Story = { args: { composer: storyComposer({ status: 'loading' }) } };
export const LoadFailed: Story = {
  args: {
    composer: storyComposer({ status: 'error', error: 'The message you are answering no longer exists.' }),
  },
};
export const Sending: Story = { args: { composer: { ...reply, sending: true } } };
export const SendFailed: Story = {
  args: { composer: { ...reply, error: 'The server refused the message: mailbox over quota.' } },
};
export const UploadsInProgressAndFailed: Story = {
  args: {
    composer: storyComposer({
      content: {
        to: [people.bob],
        attachments: [
          file('holiday.mov', { type: 'video/quicktime', status: 'uploading', progress: 0.4, blobId: null }),
          file('too-big.iso', {
            status: 'error',
            blobId: null,
            error: 'Larger than the 50 MB the server accepts.',
          }),
        ],
      },
    }),
  },
};
export const PlainText: Story = {
  args: {
    composer: storyComposer({
      content: { format: 'plain', text: 'Hello,\n\nPlain text only.\n\n-- \nAlice' },
    }),
  },
};
/** 100 recipients, 40 in copy, a 40-word subject and 20 attachments. */
export const LongContent: Story = {
  args: {
    composer: storyComposer({
      content: {
        to: manyAddresses(100),
        cc: manyAddresses(40),
        subject: longSubject,
        attachments: Array.from({ length: 20 }, (_, i) =>
          file(`Signed contract, annex ${i + 1} (final, scanned).pdf`),
        ),
      },
    }),
  },
};
export const RightToLeft: Story = {
  args: {
    composer: storyComposer({
      content: {
        to: [people.maryam],
        subject: rtl.arabicSubject,
        html: `<p>${rtl.arabicBody.replace(/\n/g, '<br>')}</p>`,
      },
    }),
  },
  decorators: [rightToLeft],
};
export const Dark: Story = { args: { composer: reply }, globals: { theme: 'dark' } };
