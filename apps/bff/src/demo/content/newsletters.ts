import type { DemoContext, DemoFolder, DemoMessage } from '../demo-message.js';
import type { ContactKey, UserKey } from '../people.js';

interface Article {
  title: string;
  summary: string;
}

const STORIES: Article[] = [
  {
    title: 'JMAP turns ten',
    summary: 'A look back at how a JSON protocol for mail grew calendars, contacts and sharing.',
  },
  {
    title: 'Self-hosting mail without tears',
    summary: 'SPF, DKIM and DMARC explained with one diagram each.',
  },
  {
    title: 'Why your inbox needs a change log',
    summary: 'Sync that never misses an update starts with an append-only log.',
  },
  {
    title: 'Sanitising HTML mail',
    summary: 'Allow-lists beat block-lists: what a safe message view keeps and drops.',
  },
  {
    title: 'Full-text search in SQLite',
    summary: 'FTS5 indexes a million messages on a laptop; here is how.',
  },
  { title: 'Accessible email clients', summary: 'Screen-reader users share what works and what does not.' },
  { title: 'Calendars over email', summary: 'iMIP in practice: invitations, counters and cancellations.' },
  { title: 'A tour of MIME', summary: 'Multipart/alternative, related and mixed, finally untangled.' },
  {
    title: 'Backups you have tested',
    summary: 'A restore drill once a quarter saves a weekend once a year.',
  },
];

const HIKES: Article[] = [
  { title: 'Ridge trail loop', summary: '14 km, 850 m up. Meeting point: the car park at 8:00.' },
  { title: 'Lake shore walk', summary: 'Easy 9 km, perfect for newcomers and dogs.' },
  { title: 'Sunrise on the summit', summary: 'Night start at 4:30, headlamps required.' },
  { title: 'Forest mushrooms', summary: 'A slow walk with a guide who knows what not to pick.' },
];

const DIGEST: Article[] = [
  {
    title: 'Tracking pixels, explained',
    summary: 'How a 1x1 image tells a sender when you read their mail, and how to block it.',
  },
  {
    title: 'Data sovereignty for small teams',
    summary: 'Where your mail lives matters; a checklist for choosing a host.',
  },
  {
    title: 'End-to-end or end-to-server?',
    summary: 'What encryption at rest protects, and what it does not.',
  },
];

interface Series {
  from: ContactKey;
  name: string;
  site: string;
  colour: string;
  articles: Article[];
  everyDays: number;
  count: number;
  recipients: UserKey[];
  /** Remote header image: real newsletters have one, and the web app must block it. */
  remoteImage: boolean;
}

const SERIES: Series[] = [
  {
    from: 'weekly',
    name: 'The Open Mail Weekly',
    site: 'https://openmail.example.org',
    colour: '#2563eb',
    articles: STORIES,
    everyDays: 7,
    count: 13,
    recipients: ['alice', 'bob'],
    remoteImage: true,
  },
  {
    from: 'hikers',
    name: 'Hummingbird Hikers',
    site: 'https://hikers.example.net',
    colour: '#15803d',
    articles: HIKES,
    everyDays: 14,
    count: 6,
    recipients: ['alice'],
    remoteImage: true,
  },
  {
    from: 'privacy',
    name: 'Privacy Digest',
    site: 'https://privacy.example.com',
    colour: '#7c3aed',
    articles: DIGEST,
    everyDays: 30,
    count: 3,
    recipients: ['alice', 'carol'],
    remoteImage: false,
  },
];

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function html(series: Series, issue: number, articles: Article[]): string {
  const items = articles
    .map(
      (a) => `<tr><td style="padding:12px 0;border-bottom:1px solid #e5e7eb">
<h2 style="margin:0 0 4px;font-size:18px;color:${series.colour}">${escapeHtml(a.title)}</h2>
<p style="margin:0;color:#374151;line-height:1.5">${escapeHtml(a.summary)} <a href="${series.site}/issues/${issue}#${encodeURIComponent(a.title)}" style="color:${series.colour}">Read more</a></p>
</td></tr>`,
    )
    .join('\n');
  const banner = series.remoteImage
    ? `<img src="${series.site}/images/banner-${issue}.png" width="560" height="120" alt="${escapeHtml(series.name)}" style="display:block;border:0">`
    : `<h1 style="margin:0;font-size:24px;color:${series.colour}">${escapeHtml(series.name)}</h1>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(series.name)} #${issue}</title>
<style>@media (max-width:600px){table.main{width:100%!important}}</style></head>
<body style="margin:0;background:#f3f4f6;font-family:Helvetica,Arial,sans-serif">
<table class="main" width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;padding:20px">
<tr><td>${banner}</td></tr>
<tr><td><p style="color:#6b7280">Issue ${issue}</p></td></tr>
${items}
<tr><td style="padding-top:16px;font-size:12px;color:#9ca3af">You subscribed to ${escapeHtml(series.name)}.
<a href="${series.site}/unsubscribe" style="color:#9ca3af">Unsubscribe</a></td></tr>
</table>
</body></html>
`;
}

/** HTML newsletters with a plain-text alternative, as mailing-list software sends them. */
export function newsletters(ctx: DemoContext): DemoMessage[] {
  const messages: DemoMessage[] = [];
  for (const series of SERIES) {
    for (let n = 0; n < series.count; n++) {
      const issue = 100 + n;
      const daysAgo = (series.count - 1 - n) * series.everyDays + ctx.rng.int(0, 2);
      const articles = [0, 1, 2]
        .map((k) => series.articles[(n + k) % series.articles.length])
        .filter((a): a is Article => a !== undefined);
      // Lists send one copy per subscriber, each addressed to that subscriber alone.
      for (const user of series.recipients) {
        const key = `${series.from}-${issue}-${user}`;
        const folder: DemoFolder =
          daysAgo > 21 && ctx.rng.chance(0.7)
            ? 'archive'
            : daysAgo > 40 && ctx.rng.chance(0.3)
              ? 'trash'
              : 'inbox';
        messages.push({
          key,
          messageId: ctx.messageId(key, series.from),
          from: series.from,
          to: [user],
          subject: `${series.name} #${issue}: ${articles[0]?.title ?? ''}`,
          date: ctx.at(daysAgo, 6),
          text: `${series.name}, issue ${issue}\n\n${articles.map((a) => `${a.title}\n${a.summary}\n${series.site}/issues/${issue}`).join('\n\n')}\n\nUnsubscribe: ${series.site}/unsubscribe\n`,
          html: html(series, issue, articles),
          headers: {
            'List-Id': `<${new URL(series.site).hostname}>`,
            'List-Unsubscribe': `<${series.site}/unsubscribe>`,
            Precedence: 'bulk',
          },
          folder: { [user]: folder },
        });
      }
    }
  }
  return messages;
}
