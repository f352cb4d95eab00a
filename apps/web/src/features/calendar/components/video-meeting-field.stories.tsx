import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { MeetingRoomsProvider } from '../../../lib/meeting-rooms';
import type { MeetingRooms } from '../../../lib/meeting-rooms';
import type { EventDraft } from '../lib/event-draft';
import { VideoMeetingField } from './video-meeting-field';
import { EventMeetingJoin } from './event-meeting-join';

const LINK = 'https://mail.colibri.test/meet/abcdefghijklmnopqrstuvwxyz';

/** The BFF's rooms, answered at once (stories have no server). */
const rooms: MeetingRooms = {
  create: async () => ({ ok: true, roomId: 'abcdefghijklmnopqrstuvwxyz', url: LINK }),
  attach: async () => true,
  remove: async () => true,
};

function Field({ initial }: { initial: Pick<EventDraft, 'title' | 'description' | 'virtualLocations'> }) {
  const [draft, setDraft] = useState(initial);
  return (
    <MeetingRoomsProvider rooms={rooms}>
      <VideoMeetingField draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
      <pre>{draft.description}</pre>
      <EventMeetingJoin event={{ title: draft.title, virtualLocations: draft.virtualLocations }} />
    </MeetingRoomsProvider>
  );
}

const meta = {
  title: 'Calendar/VideoMeetingField',
  component: Field,
  args: { initial: { title: 'Design review', description: 'Agenda: the reader.', virtualLocations: {} } },
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithoutMeeting: Story = {};
/** Adding puts the link in the virtual locations and the description, and shows Join. */
export const Adding: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add a video meeting' }));
    await expect(await canvas.findByRole('link', { name: /Join the video meeting/ })).toHaveAttribute(
      'href',
      LINK,
    );
  },
};
