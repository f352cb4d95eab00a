import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { Id } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { mailKeys } from '../api/keys';
import { useMailCommands } from '../hooks/use-mail-commands';
import { useSelectionStore } from '../stores/selection-store';
import {
  STORY_ACCOUNT_ID,
  inbox,
  listData,
  longNameMailboxes,
  longRows,
  rtlRows,
  sampleRows,
  storyMailboxes,
} from '../../../testing/story-fixtures';
import type { StoryData } from '../../../testing/story-providers';
import { inFrame, rightToLeft, withStoreState, withStoryData } from '../../../testing/story-providers';
import { MessageListPane } from './message-list-pane';

const params = { mailboxId: inbox.id, collapseThreads: false };
const listKey = mailKeys.emailList(STORY_ACCOUNT_ID, params);

interface PaneProps {
  mailbox: MailboxSummary;
  mailboxes: readonly MailboxSummary[];
  openEmailId?: Id;
  live: boolean;
}

/** The pane with the screen's real commands, as the mail page wires it. */
function Pane({ mailbox, mailboxes, openEmailId, live }: PaneProps) {
  const commands = useMailCommands({
    accountId: STORY_ACCOUNT_ID,
    mailboxes,
    mailboxId: mailbox.id,
    conversations: false,
    openEmailId,
  });
  return (
    <MessageListPane
      accountId={STORY_ACCOUNT_ID}
      params={params}
      mailbox={mailbox}
      mailboxes={mailboxes}
      openEmailId={openEmailId}
      anchor={{ current: 0 }}
      live={live}
      commands={commands}
      onRowClick={fn()}
    />
  );
}

const withList = (data: unknown, extra: StoryData = {}) =>
  withStoryData({ queries: [[listKey, data]], ...extra });

const meta = {
  title: 'Mail/MessageListPane',
  component: Pane,
  args: { mailbox: inbox, mailboxes: storyMailboxes, live: true },
  decorators: [inFrame(480, 640)],
  beforeEach: withStoreState(useSelectionStore, { selected: new Set(), cursor: null }),
} satisfies Meta<typeof Pane>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = { decorators: [withList(listData(sampleRows, 20))] };
export const WithOpenMessage: Story = {
  args: { openEmailId: 'e1' },
  decorators: [withList(listData(sampleRows, 20))],
};
export const WithSelection: Story = {
  decorators: [withList(listData(sampleRows, 20))],
  beforeEach: withStoreState(useSelectionStore, { selected: new Set(['e0', 'e2', 'e3']), cursor: 'e3' }),
};
export const Loading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const Failed: Story = { decorators: [withStoryData({ errors: [listKey] })] };
export const Empty: Story = {
  args: { mailbox: { ...inbox, totalEmails: 0, unreadEmails: 0 } },
  decorators: [withList(listData([]))],
};
/** A large mailbox scrolled past what was fetched: the rows wait as placeholders. */
export const RowsStillLoading: Story = { decorators: [withList(listData(sampleRows.slice(0, 3), 10_000))] };
export const Offline: Story = { args: { live: false }, decorators: [withList(listData(sampleRows, 20))] };
export const LongContent: Story = {
  args: {
    mailbox: { ...longNameMailboxes.at(-1)!, totalEmails: 99_999 },
    mailboxes: longNameMailboxes,
  },
  decorators: [withList(listData(longRows, 99_999))],
};
export const RightToLeft: Story = { decorators: [withList(listData(rtlRows)), rightToLeft] };
export const Dark: Story = { ...WithSelection, globals: { theme: 'dark' } };
