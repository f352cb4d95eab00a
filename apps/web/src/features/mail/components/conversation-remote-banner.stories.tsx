import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { people } from '../../../testing/story-fixtures';
import { rightToLeft } from '../../../testing/story-providers';
import './conversation.css';
import { ConversationRemoteBanner } from './conversation-remote-banner';

const none = { images: 0, cssUrls: 0, styleSheets: 0, other: 0 };

const meta = {
  title: 'Mail/ConversationRemoteBanner',
  component: ConversationRemoteBanner,
  args: {
    counts: { ...none, images: 3 },
    imagesAllowed: false,
    sender: people.ann.email,
    onAllowOnce: fn(),
    onAllowSender: fn(),
  },
} satisfies Meta<typeof ConversationRemoteBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ImagesBlocked: Story = {};
/** A sender that imitates another gets no "always" button: images may be shown once only. */
export const LookalikeSender: Story = { args: { sender: undefined, onAllowSender: undefined } };
/** Style sheets, media and frames stay blocked whatever the choice: reported, not offered. */
export const OnlyWhatStaysBlocked: Story = {
  args: { counts: { ...none, styleSheets: 2, other: 2 } },
};
export const EverythingBlocked: Story = {
  args: { counts: { images: 120, cssUrls: 14, styleSheets: 3, other: 6 } },
};
export const ImagesAllowed: Story = {
  args: { imagesAllowed: true, counts: { ...none, images: 3, other: 1 } },
};
/** No remote content: the banner is not shown at all. */
export const NothingBlocked: Story = { args: { counts: none } };
export const LongSenderAddress: Story = {
  args: { sender: `newsletter-${'very-long-'.repeat(8)}sender@marketing.example.org` },
};
export const RightToLeft: Story = { args: { sender: people.maryam.email }, decorators: [rightToLeft] };
export const Dark: Story = { globals: { theme: 'dark' } };
