import type { PersonKey, UserKey } from './people.js';
import type { Rng } from './prng.js';

/** Where a demo user files a message: a role mailbox or one of the demo's own folders. */
export type DemoFolder =
  'inbox' | 'archive' | 'sent' | 'drafts' | 'trash' | 'junk' | 'Projects' | 'Projects/Colibri' | 'Receipts';

export interface DemoAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One message of the demo, before it becomes MIME. */
export interface DemoMessage {
  /** Unique within the demo; the Message-ID is built from it. */
  key: string;
  messageId: string;
  from: PersonKey;
  to: PersonKey[];
  cc?: PersonKey[];
  subject: string;
  date: Date;
  text: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: DemoAttachment[];
  /** An iTIP invitation (RFC 5546), sent as text/calendar beside the text. */
  icalEvent?: { method: string; content: string };
  headers?: Record<string, string>;
  /** Where recipients file it (default: their Inbox). */
  folder?: Partial<Record<UserKey, DemoFolder>>;
  /** Keywords set for a user on top of the read/unread choice (e.g. $answered, $flagged). */
  keywords?: Partial<Record<UserKey, string[]>>;
  /** Unread for every recipient, whatever its age (e.g. the hostile HTML sample). */
  unread?: boolean;
  /** A user's unsent draft: only in the author's Drafts. */
  draft?: boolean;
}

/** What the demo generators share: the seeded randomness and the clock the demo is built around. */
export interface DemoContext {
  rng: Rng;
  now: Date;
  /** A moment `daysAgo` days before now, in working hours unless `hour` (UTC) says otherwise; never in the future. */
  at(daysAgo: number, hour?: number): Date;
  /** A Message-ID (without angle brackets) on the sender's domain. */
  messageId(key: string, from: PersonKey): string;
}
