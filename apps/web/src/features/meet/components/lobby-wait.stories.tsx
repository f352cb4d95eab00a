import type { Meta, StoryObj } from '@storybook/react-vite';
import { withStoryData } from '../../../testing/story-providers';
import { meetKeys } from '../api/keys';
import { LobbyWait } from './lobby-wait';
import './meet.css';

/** A guest in the waiting room, and a guest turned away. */
const meta = {
  title: 'Meet/LobbyWait',
  component: LobbyWait,
  args: { ticket: 'T1', onAdmitted: () => undefined, onCancel: () => undefined },
} satisfies Meta<typeof LobbyWait>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Waiting: Story = {
  decorators: [withStoryData({ queries: [[meetKeys.ticket('T1'), { status: 'waiting' }]] })],
};
export const Refused: Story = {
  decorators: [withStoryData({ queries: [[meetKeys.ticket('T1'), { status: 'refused' }]] })],
};
export const Unreachable: Story = { decorators: [withStoryData({ errors: [meetKeys.ticket('T1')] })] };
