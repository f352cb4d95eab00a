import { meetingMessages } from '../meeting-messages';
import './meeting.css';

const t = meetingMessages;

export interface JoinMeetingButtonProps {
  /** The meeting's link (a virtual location's uri, RFC 8984 §4.2.6). */
  link: string;
  /** The event's title, for the accessible name ("Join the video meeting: Design review"). */
  title: string;
}

/**
 * "Join": opens the meeting's link in a new tab (for a Colibri room, its pre-join screen), so
 * the calendar or the mail stays where it was.
 */
export function JoinMeetingButton({ link, title }: JoinMeetingButtonProps) {
  return (
    <a
      className="meeting-join"
      href={link}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t.joinLabel(title)}
    >
      {t.join}
    </a>
  );
}
