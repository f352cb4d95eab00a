import type { Random } from './prng.js';

/** One generated message, in the shape nodemailer composes into RFC 5322/MIME. */
export interface BenchMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  date: Date;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** What the mix aims at; printed with the figures so that runs stay comparable. */
export const corpusMix = { replyShare: 0.3, htmlShare: 0.35, attachmentShare: 0.1 } as const;

const firstNames = [
  'Ada',
  'Bruno',
  'Chloé',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hugo',
  'Inès',
  'Jonas',
  'Keiko',
  'Léa',
  'Malik',
  'Nora',
  'Oscar',
  'Priya',
  'Quentin',
  'Rosa',
  'Samir',
  'Tove',
];
const lastNames = [
  'Martin',
  'Novak',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Haddad',
  'Schmidt',
  'Rossi',
  'Dubois',
];
const domains = ['example.org', 'example.net', 'lists.example.com', 'partner.example'];
const topics = [
  'quarterly report',
  'release 2.4',
  'offsite planning',
  'invoice 10-2291',
  'design review',
  'server migration',
  'hiring panel',
  'budget draft',
  'customer feedback',
  'security audit',
  'roadmap',
  'newsletter',
];
const openers = [
  'Quick update on the',
  'Question about the',
  'Notes from the',
  'Follow-up:',
  'Reminder:',
  'Draft of the',
  'Feedback on the',
  'Agenda for the',
];
const words = (
  'the a we our team plan week meeting draft review change release budget numbers customer server data report call ' +
  'please could you would check send share update next monday friday today tomorrow before after with about for from ' +
  'agree think need want looks good fine problem issue fix test deploy schedule move earlier later notes attached ' +
  'thanks again soon detail summary point question answer version document slides figures quarter target risk'
).split(' ');

function sentence(random: Random): string {
  const count = random.int(6, 18);
  const chosen = Array.from({ length: count }, () => random.pick(words));
  const first = chosen[0] ?? 'the';
  chosen[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${chosen.join(' ')}${random.pick(['.', '.', '.', '?', '!'])}`;
}

function paragraphs(random: Random, min: number, max: number): string[] {
  return Array.from({ length: random.int(min, max) }, () =>
    Array.from({ length: random.int(1, 5) }, () => sentence(random)).join(' '),
  );
}

function htmlOf(paras: string[]): string {
  // Newsletter-like boilerplate, as real HTML mail carries far more markup than text.
  const body = paras
    .map((p) => `<p style="margin:0 0 12px;font:14px/1.5 Arial,sans-serif;color:#222">${p}</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>table{border-collapse:collapse}td{padding:0}</style></head><body><table width="100%"><tr><td>\n${body}\n</td></tr></table></body></html>`;
}

function attachmentFor(random: Random): { filename: string; contentType: string; content: Buffer } {
  const kind = random.pick([
    { ext: 'pdf', type: 'application/pdf' },
    { ext: 'png', type: 'image/png' },
    { ext: 'ics', type: 'text/calendar' },
  ]);
  const size = random.int(15_000, 200_000);
  const content = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4)
    content.writeUInt32LE(Math.floor(random.next() * 4294967296), Math.min(i, size - 4));
  return {
    filename: `${random.pick(topics).replace(/\s+/g, '-')}.${kind.ext}`,
    contentType: kind.type,
    content,
  };
}

/** The parts of an earlier message a reply needs. */
interface ThreadHead {
  subject: string;
  messageId: string;
  references: string[];
  quote: string;
}

/**
 * `count` messages to `to`: plain and HTML, some with one attachment, about a third replying to
 * a recent message (Message-ID/In-Reply-To/References) so that threads form. Generated lazily.
 */
export function* generateCorpus(
  random: Random,
  count: number,
  to: string,
  runId: string,
): Generator<BenchMessage> {
  const recent: ThreadHead[] = [];
  const start = Date.now() - 90 * 24 * 3600_000;
  for (let i = 0; i < count; i++) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const from = {
      name: `${first} ${last}`,
      address: `${first
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}.${last.toLowerCase()}@${random.pick(domains)}`,
    };
    const messageId = `<bench-${runId}-${i}@${from.address.split('@')[1] ?? 'example.org'}>`;
    const paras = paragraphs(random, 2, 14);
    const parent = recent.length > 0 && random.chance(corpusMix.replyShare) ? random.pick(recent) : null;
    const message: BenchMessage = {
      from,
      to,
      subject: parent
        ? parent.subject.startsWith('Re: ')
          ? parent.subject
          : `Re: ${parent.subject}`
        : `${random.pick(openers)} ${random.pick(topics)}`,
      messageId,
      date: new Date(start + Math.floor((i / Math.max(count, 1)) * 90 * 24 * 3600_000)),
      text: `Hi,\n\n${paras.join('\n\n')}\n\n${from.name}\n`,
    };
    if (parent) {
      message.inReplyTo = parent.messageId;
      message.references = [...parent.references, parent.messageId].slice(-10);
      message.text += `\n> ${parent.quote.split('\n').join('\n> ')}\n`;
    }
    if (random.chance(corpusMix.htmlShare)) message.html = htmlOf(paras);
    if (random.chance(corpusMix.attachmentShare)) message.attachments = [attachmentFor(random)];
    recent.push({
      subject: message.subject,
      messageId,
      references: message.references ?? [],
      quote: paras[0] ?? '',
    });
    if (recent.length > 200) recent.shift();
    yield message;
  }
}
