import type { Meta, StoryObj } from '@storybook/react-vite';
import type { TileView } from './participant-tile';
import { ParticipantList } from './participant-list';
import { ParticipantTile } from './participant-tile';
import './meet.css';

const view = (name: string, extra: Partial<TileView> = {}): TileView => ({
  key: name,
  name,
  isLocal: false,
  speaking: false,
  muted: false,
  hand: false,
  video: null,
  isScreen: false,
  ...extra,
});

const people = [
  view('Bob', { isLocal: true, muted: true }),
  view('Alice Martin', { speaking: true }),
  view('Grace Guest', { hand: true }),
];

/** Participants without video (avatars); the active speaker outlined, a raised hand, a muted microphone. */
const meta = {
  title: 'Meet/ParticipantTile',
  component: ParticipantTile,
  args: { view: people[1]! },
  decorators: [(Story) => <div style={{ width: 320, height: 180, display: 'grid' }}>{Story()}</div>],
} satisfies Meta<typeof ParticipantTile>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Speaking: Story = {};
export const MutedSelf: Story = { args: { view: people[0]! } };
export const HandRaised: Story = { args: { view: people[2]! } };
export const List: Story = { render: () => <ParticipantList people={people} /> };
