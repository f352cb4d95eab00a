import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { InvitationCard } from '../features/calendar/components/invitation-card';
import { MeetNowButton, meetingRoomsClient } from '../features/meet';
import { EventLauncherProvider, handOverNewEvent } from '../lib/event-launcher';
import type { OpenNewEvent } from '../lib/event-launcher';
import { useJmapClient, useJmapHeaders } from '../lib/jmap';
import { MeetingRoomsProvider } from '../lib/meeting-rooms';
import { ReaderAddonsProvider } from '../lib/reader-addons';
import type { ReaderAddons, ReaderThreadAddonProps } from '../lib/reader-addons';

/**
 * "Meet now" from a mail thread: an instant room titled with the open message's subject (issue 8),
 * opened in a new tab (features/meet). The subject is read with Email/get (RFC 8621 §4.2); when
 * there is none, or it cannot be read, the room has no title.
 */
function ReaderMeetNow({ accountId, emailId }: ReaderThreadAddonProps) {
  const client = useJmapClient();
  const subject = useQuery({
    queryKey: ['bridges', accountId, 'Email', emailId, 'subject'],
    queryFn: async () => {
      const { list } = await client.call('Email/get', { accountId, ids: [emailId], properties: ['subject'] });
      return (list[0] as { subject?: string | null } | undefined)?.subject?.trim() ?? '';
    },
  });
  const title = subject.data ? subject.data : undefined;
  // A moment while the subject loads, so that the room is not made without it.
  return <MeetNowButton variant="ghost" room={title ? { title } : {}} disabled={subject.isPending} />;
}

const addons: ReaderAddons = { Message: InvitationCard, ThreadAction: ReaderMeetNow };

/**
 * What features lend each other through the shell (a feature never imports another, STYLE 6):
 * the meetings feature's rooms API for the calendar's "Add a video meeting" and the contacts'
 * "Meet now", in the mail reader the calendar's invitation card and the meetings feature's
 * "Meet now", and the calendar's new-event editor for the contacts' "Invite to a meeting".
 */
export function FeatureBridges({ children }: { children: ReactNode }) {
  const headers = useJmapHeaders();
  const navigate = useNavigate();
  const rooms = useMemo(() => meetingRoomsClient(headers), [headers]);
  const openNewEvent = useMemo<OpenNewEvent>(
    () => (request) => {
      handOverNewEvent(request);
      void navigate('/calendar');
    },
    [navigate],
  );
  return (
    <MeetingRoomsProvider rooms={rooms}>
      <EventLauncherProvider open={openNewEvent}>
        <ReaderAddonsProvider addons={addons}>{children}</ReaderAddonsProvider>
      </EventLauncherProvider>
    </MeetingRoomsProvider>
  );
}
