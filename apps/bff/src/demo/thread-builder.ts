import type { DemoAttachment, DemoContext, DemoFolder, DemoMessage } from './demo-message.js';
import { USER_KEYS, isUser, person } from './people.js';
import type { PersonKey, UserKey } from './people.js';

export interface ScriptMessage {
  from: PersonKey;
  /** Default: the author of the previous message. */
  to?: PersonKey[];
  /** Default: everyone else already in the conversation. */
  cc?: PersonKey[];
  text: string;
  /** Hours after the previous message (default 1 to 20, at random). */
  afterHours?: number;
  attachments?: (ctx: DemoContext) => DemoAttachment[];
  flaggedBy?: UserKey[];
  /** Still unread by every recipient, whatever its age. */
  unread?: boolean;
}

/** A conversation as written: who says what, in order. */
export interface ThreadScript {
  key: string;
  subject: string;
  daysAgo: number;
  /** Where the recipients file the whole conversation (default: Inbox). */
  folder?: DemoFolder;
  messages: ScriptMessage[];
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function attribution(date: Date, author: PersonKey): string {
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  const day = `${WEEKDAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `On ${day} at ${time}, ${person(author).name} wrote:`;
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`).trimEnd())
    .join('\n');

/**
 * Turns a script into messages linked as a real client links replies (RFC 5322 §3.6.4):
 * In-Reply-To the previous message, References the whole chain, "Re:" subjects, and the
 * previous message quoted below the reply. A user who replies gets $answered on what they
 * answered.
 */
export function buildThread(ctx: DemoContext, script: ThreadScript): DemoMessage[] {
  const messages: DemoMessage[] = [];
  let date = ctx.at(script.daysAgo);
  script.messages.forEach((line, i) => {
    const previous = messages[i - 1];
    if (previous) {
      const later = new Date(
        date.getTime() + (line.afterHours ?? ctx.rng.int(1, 20)) * 3600_000 + ctx.rng.int(0, 3599) * 1000,
      );
      date =
        later.getTime() < ctx.now.getTime() - 60_000
          ? later
          : new Date(ctx.now.getTime() - (script.messages.length - i) * 300_000);
    }
    const first = messages[0];
    const everyone = first ? [first.from, ...first.to, ...(first.cc ?? [])] : [];
    const to = line.to ?? (previous ? [previous.from] : []);
    const cc = line.cc ?? [...new Set(everyone)].filter((p) => p !== line.from && !to.includes(p));
    const key = `${script.key}-${i + 1}`;
    const message: DemoMessage = {
      key,
      messageId: ctx.messageId(key, line.from),
      from: line.from,
      to,
      ...(cc.length > 0 ? { cc } : {}),
      subject: previous ? `Re: ${script.subject}` : script.subject,
      date,
      text: previous
        ? `${line.text}\n\n${attribution(previous.date, previous.from)}\n${quote(previous.text)}\n`
        : `${line.text}\n`,
      ...(line.attachments ? { attachments: line.attachments(ctx) } : {}),
      ...(script.folder ? { folder: Object.fromEntries(USER_KEYS.map((u) => [u, script.folder])) } : {}),
      ...(line.unread ? { unread: true } : {}),
      ...(line.flaggedBy
        ? { keywords: Object.fromEntries(line.flaggedBy.map((u) => [u, ['$flagged']])) }
        : {}),
    };
    if (previous) {
      message.inReplyTo = previous.messageId;
      message.references = [...(previous.references ?? []), previous.messageId];
      if (isUser(line.from)) {
        const keywords = (previous.keywords ??= {});
        keywords[line.from] = [...(keywords[line.from] ?? []), '$answered'];
      }
    }
    messages.push(message);
  });
  return messages;
}
