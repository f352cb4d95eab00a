import type { Meta, StoryObj } from '@storybook/react-vite';
import { withStoryData } from '../../../testing/story-providers';
import { fakeMediaDevices } from '../testing/fake-media';
import { PrejoinScreen } from './prejoin-screen';
import './meet.css';

/** Before joining, with fake devices (no camera frames: the preview is the placeholder in jsdom). */
const meta = {
  title: 'Meet/PrejoinScreen',
  component: PrejoinScreen,
  decorators: [withStoryData()],
  args: {
    roomId: 'r1',
    signedIn: false,
    onJoined: () => undefined,
    mediaDevices: fakeMediaDevices().devices,
  },
} satisfies Meta<typeof PrejoinScreen>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Guest: Story = {};
export const SignedIn: Story = { args: { signedIn: true } };
export const DevicesRefused: Story = { args: { mediaDevices: fakeMediaDevices({ refuse: true }).devices } };
export const NoDevices: Story = { args: { mediaDevices: fakeMediaDevices({ present: [] }).devices } };
export const MicrophoneOnly: Story = {
  args: { mediaDevices: fakeMediaDevices({ present: ['audio'] }).devices },
};
export const Dark: Story = { globals: { theme: 'dark' } };
