import type { ReactNode } from 'react';
import type { MailboxRole } from '@colibri/jmap-types';

/** Icon paths on a 24px grid, drawn with `currentColor` strokes so that they follow the text colour. */
const paths = {
  inbox: (
    <>
      <path d="M3 13h5l1.5 2.5h5L16 13h5" />
      <path d="M5.5 5h13L21 13v6H3v-6z" />
    </>
  ),
  sent: (
    <>
      <path d="M21 3 10 14" />
      <path d="m21 3-7 18-4-7-7-4z" />
    </>
  ),
  drafts: (
    <>
      <path d="M4 20h4L19 9l-4-4L4 16z" />
      <path d="m13.5 6.5 4 4" />
    </>
  ),
  trash: (
    <>
      <path d="M4 7h16" />
      <path d="M9 7V4h6v3" />
      <path d="m6 7 1 13h10l1-13" />
    </>
  ),
  junk: (
    <>
      <path d="M8 3h8l5 5v8l-5 5H8l-5-5V8z" />
      <path d="M12 8v5" />
      <path d="M12 16.5v.01" />
    </>
  ),
  archive: (
    <>
      <path d="M3 4h18v4H3z" />
      <path d="M5 8v12h14V8" />
      <path d="M10 12h4" />
    </>
  ),
  flagged: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h12l-2 4 2 4H5" />
    </>
  ),
  snoozed: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l2.5 2.5" />
      <path d="M5 3 2 6" />
      <path d="m19 3 3 3" />
    </>
  ),
  folder: <path d="M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" />,
} satisfies Record<string, ReactNode>;

export type MailboxIconName = keyof typeof paths;

/** The icon for a mailbox role (RFC 8621 §2); user folders and the other roles get a folder. */
export function mailboxIconName(role: MailboxRole | null | undefined): MailboxIconName {
  if (role == null) return 'folder';
  switch (role) {
    case 'inbox':
    case 'sent':
    case 'drafts':
    case 'trash':
    case 'junk':
    case 'archive':
    case 'flagged':
    case 'snoozed':
      return role;
    case 'all':
    case 'important':
    case 'subscribed':
      return 'folder';
    default: {
      const unknown: never = role;
      return unknown;
    }
  }
}

/** Decorative: the mailbox name beside it says what it is. */
export function MailboxIcon({ name, className }: { name: MailboxIconName; className?: string }) {
  return (
    <svg
      className={className}
      data-icon={name}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
