import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { InvitationCard } from '../features/calendar/components/invitation-card';
import { MeetNowButton, meetingRoomsClient } from '../features/meet';
import { useJmapHeaders } from '../lib/jmap';
import { MeetingRoomsProvider } from '../lib/meeting-rooms';
import { ReaderAddonsProvider } from '../lib/reader-addons';
import type { ReaderAddons } from '../lib/reader-addons';

/** "Meet now" from a mail thread: an instant room, opened in a new tab (features/meet). */
function ReaderMeetNow() {
  return <MeetNowButton variant="ghost" />;
}

const addons: ReaderAddons = { Message: InvitationCard, ThreadAction: ReaderMeetNow };

/**
 * What features lend each other through the shell (a feature never imports another, STYLE 6):
 * the meetings feature's rooms API for the calendar's "Add a video meeting", and in the mail
 * reader the calendar's invitation card and the meetings feature's "Meet now".
 */
export function FeatureBridges({ children }: { children: ReactNode }) {
  const headers = useJmapHeaders();
  const rooms = useMemo(() => meetingRoomsClient(headers), [headers]);
  return (
    <MeetingRoomsProvider rooms={rooms}>
      <ReaderAddonsProvider addons={addons}>{children}</ReaderAddonsProvider>
    </MeetingRoomsProvider>
  );
}
