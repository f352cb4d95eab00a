import { draftSamples, hostileHtmlSample, junkSamples } from './content/samples.js';
import { invitations } from './content/invitations.js';
import { newsletters } from './content/newsletters.js';
import { ciNotifications, reviewNotifications } from './content/project-notifications.js';
import { receipts } from './content/receipts.js';
import { PERSONAL_THREADS } from './content/threads-personal.js';
import { WORK_THREADS } from './content/threads-work.js';
import { weeklySyncNotes } from './content/weekly-sync.js';
import type { DemoContext, DemoFolder, DemoMessage } from './demo-message.js';
import { isUser } from './people.js';
import type { UserKey } from './people.js';
import { buildThread } from './thread-builder.js';

/** One copy of a message in one user's mailbox. */
export interface Placement {
  user: UserKey;
  folder: DemoFolder;
  keywords: string[];
}

const DAY_MS = 86_400_000;

/** Every message of the demo, oldest first. */
export function planDemo(ctx: DemoContext): DemoMessage[] {
  const threads = [...WORK_THREADS, ...PERSONAL_THREADS].flatMap((script) => {
    // Older conversations are mostly archived, as a tidy person would.
    const archived = script.folder === undefined && script.daysAgo > 30 && ctx.rng.chance(0.6);
    return buildThread(ctx, archived ? { ...script, folder: 'archive' } : script);
  });
  return [
    ...threads,
    ...weeklySyncNotes(ctx),
    ...ciNotifications(ctx),
    ...reviewNotifications(ctx),
    ...newsletters(ctx),
    ...receipts(ctx),
    ...invitations(ctx),
    ...hostileHtmlSample(ctx),
    ...junkSamples(ctx),
    ...draftSamples(ctx),
  ].sort((a, b) => a.date.getTime() - b.date.getTime() || a.key.localeCompare(b.key));
}

/** How likely a received message is still unread, by its age: recent mail is often unread. */
function unreadChance(ageDays: number): number {
  if (ageDays < 2) return 0.75;
  if (ageDays < 7) return 0.4;
  if (ageDays < 21) return 0.15;
  return 0.03;
}

/**
 * Where each demo user keeps a copy: the author in Sent (or Drafts), each user recipient in
 * the Inbox or the folder the message asks for, read or unread by age, sometimes flagged.
 */
export function placementsOf(ctx: DemoContext, message: DemoMessage): Placement[] {
  const extra = (user: UserKey) => message.keywords?.[user] ?? [];
  const placements: Placement[] = [];
  if (isUser(message.from)) {
    placements.push(
      message.draft
        ? { user: message.from, folder: 'drafts', keywords: ['$draft', '$seen'] }
        : { user: message.from, folder: 'sent', keywords: ['$seen', ...extra(message.from)] },
    );
  }
  if (message.draft) return placements;
  const recipients = [...new Set([...message.to, ...(message.cc ?? [])])].filter(
    (p): p is UserKey => isUser(p) && p !== message.from,
  );
  const ageDays = (ctx.now.getTime() - message.date.getTime()) / DAY_MS;
  for (const user of recipients) {
    const folder = message.folder?.[user] ?? 'inbox';
    const keywords = new Set(extra(user));
    const answered = keywords.has('$answered');
    const unread =
      folder !== 'junk' && !answered && (message.unread === true || ctx.rng.chance(unreadChance(ageDays)));
    if (!unread) keywords.add('$seen');
    if (folder !== 'junk' && ctx.rng.chance(0.05)) keywords.add('$flagged');
    placements.push({ user, folder, keywords: [...keywords] });
  }
  return placements;
}
