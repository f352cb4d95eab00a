import type { Meta, StoryObj } from '@storybook/react-vite';
import { useComposerStore } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';
import {
  composeAccountQueries,
  longSubject,
  people,
  rtl,
  storyComposer,
} from '../../../testing/story-fixtures';
import { withStoreState, withStoryData } from '../../../testing/story-providers';
import { ComposerDock } from './composer-dock';
import './compose-entry.css';

const open = storyComposer({ id: 'c1', content: { to: [people.ann], subject: 'Lunch on Friday?' } });
const tabs: Composer[] = [
  storyComposer({ id: 'c2', minimised: true, content: { subject: 'Quarterly report' } }),
  storyComposer({ id: 'c3', minimised: true, content: { subject: longSubject } }),
  storyComposer({ id: 'c4', minimised: true, content: { subject: rtl.hebrewSubject } }),
  storyComposer({ id: 'c5', minimised: true }),
];

/** The composers the dock shows, put in the store before the story renders. */
const withComposers = (composers: Composer[]) => withStoreState(useComposerStore, { composers });

const meta = {
  title: 'Compose/ComposerDock',
  component: ComposerDock,
  decorators: [
    (Story) => <div style={{ position: 'relative', height: 680, overflow: 'hidden' }}>{Story()}</div>,
    withStoryData({ queries: composeAccountQueries }),
  ],
  beforeEach: withComposers([open]),
} satisfies Meta<typeof ComposerDock>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OneOpen: Story = {};
/** One open window and the others folded into tabs: long, right-to-left and empty subjects. */
export const OpenAndFolded: Story = { beforeEach: withComposers([...tabs, open]) };
export const AllFolded: Story = { beforeEach: withComposers(tabs) };
/** The account (identities, Drafts) is still loading: nothing is shown yet. */
export const AccountLoading: Story = { decorators: [withStoryData({ network: 'pending' })] };
export const AccountFailed: Story = { decorators: [withStoryData({ network: 'error' })] };
export const Dark: Story = { beforeEach: withComposers([...tabs, open]), globals: { theme: 'dark' } };
