import type { Meta, StoryObj } from '@storybook/react-vite';
import { RoomControls } from './room-controls';
import './meet.css';

const noop = () => undefined;

/** The meeting's toolbar; the lobby button only for admins. */
const meta = {
  title: 'Meet/RoomControls',
  component: RoomControls,
  args: {
    micOn: true,
    cameraOn: true,
    sharing: false,
    handRaised: false,
    lobbyCount: null,
    panel: null,
    onMicrophone: noop,
    onCamera: noop,
    onScreenShare: noop,
    onHand: noop,
    onPanel: noop,
    onLeave: noop,
  },
} satisfies Meta<typeof RoomControls>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Participant: Story = {};
export const MutedWithHandUp: Story = {
  args: { micOn: false, cameraOn: false, handRaised: true, panel: 'chat' },
};
export const AdminWithGuestsWaiting: Story = { args: { lobbyCount: 2, sharing: true, panel: 'lobby' } };
