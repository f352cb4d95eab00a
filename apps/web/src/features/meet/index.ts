// The meetings feature's light public surface: the "Meet now" button, for the mail thread and the
// contact card. The page of `/meet/:roomId` is in ./page.ts, which the router loads on demand.
export { MeetNowButton } from './components/meet-now-button';
export type { MeetNowButtonProps } from './components/meet-now-button';
// The rooms API the app shell hands to the calendar (lib/meeting-rooms).
export { meetingRoomsClient } from './api/meeting-rooms-client';
