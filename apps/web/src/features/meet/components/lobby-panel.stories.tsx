import type { Meta, StoryObj } from '@storybook/react-vite';
import { withStoryData } from '../../../testing/story-providers';
import { meetKeys } from '../api/keys';
import { LobbyPanel } from './lobby-panel';
import './meet.css';

/** The admin's waiting room: guests to admit or refuse. */
const meta = {
  title: 'Meet/LobbyPanel',
  component: LobbyPanel,
  args: { roomId: 'r1' },
} satisfies Meta<typeof LobbyPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TwoWaiting: Story = {
  decorators: [
    withStoryData({
      queries: [
        [
          meetKeys.roomLobby('r1'),
          [
            { ticket: 'T1', name: 'Grace Guest', since: '2026-11-29T10:02:00Z' },
            { ticket: 'T2', name: 'Dominique Extérieur', since: '2026-11-29T10:03:00Z' },
          ],
        ],
      ],
    }),
  ],
};
export const Nobody: Story = { decorators: [withStoryData({ queries: [[meetKeys.roomLobby('r1'), []]] })] };
