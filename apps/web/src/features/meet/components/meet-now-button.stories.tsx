import type { Meta, StoryObj } from '@storybook/react-vite';
import { withStoryData } from '../../../testing/story-providers';
import { MeetNowButton } from './meet-now-button';

/** "Meet now", as the mail thread and the contact card show it. */
const meta = {
  title: 'Meet/MeetNowButton',
  component: MeetNowButton,
  decorators: [withStoryData()],
  args: { room: { title: 'Sprint review' }, open: () => undefined },
} satisfies Meta<typeof MeetNowButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Ghost: Story = { args: { variant: 'ghost' } };
