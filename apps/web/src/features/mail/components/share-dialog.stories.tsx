import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { mailKeys } from '../api/keys';
import type { Sharee } from '../api/share-mailbox';
import { presetRights } from '../lib/share-rights';
import { STORY_ACCOUNT_ID } from '../../../testing/story-fixtures';
import { rightToLeft, withStoryData } from '../../../testing/story-providers';
import { ShareDialog } from './share-dialog';

const sharees: Sharee[] = [
  { id: 'P2', name: 'Bob Martin', email: 'bob@colibri.test', rights: presetRights('read') },
  { id: 'P3', name: 'Carol Dupont', email: 'carol@colibri.test', rights: presetRights('full') },
  {
    id: 'P4',
    name: 'Dana with a very long name that has to wrap somewhere in the dialog',
    email: 'dana.with.a.very.long.address@departement-des-affaires-etrangeres.example',
    rights: { ...presetRights('read'), maySetSeen: true },
  },
];
const sharesKey = mailKeys.shares(STORY_ACCOUNT_ID, 'projects');

const meta = {
  title: 'Mail/ShareDialog',
  component: ShareDialog,
  args: { accountId: STORY_ACCOUNT_ID, mailbox: { id: 'projects', name: 'Projects' }, onClose: fn() },
  decorators: [withStoryData({ queries: [[sharesKey, sharees]] })],
} satisfies Meta<typeof ShareDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Shared with three people: a preset each, the last a custom mix (and long names). */
export const SharedWithSome: Story = {};
export const NotShared: Story = { decorators: [withStoryData({ queries: [[sharesKey, []]] })] };
export const Loading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const LoadFailed: Story = { decorators: [withStoryData({ errors: [sharesKey] })] };
export const RightToLeft: Story = {
  args: { mailbox: { id: 'projects', name: 'مشاريع' } },
  decorators: [rightToLeft],
};
export const Dark: Story = { globals: { theme: 'dark' } };
