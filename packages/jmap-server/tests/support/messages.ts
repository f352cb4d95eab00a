/** Raw RFC 5322 messages for the tests, CRLF line endings as on the wire. */
const crlf = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\r\n'));

/** Plain text, the start of a thread. */
export const lunchInvite = crlf([
  'From: Bob Martin <bob@colibri.test>',
  'To: Alice Durand <alice@colibri.test>',
  'Subject: Lunch on Friday?',
  'Date: Fri, 01 Mar 2024 09:00:00 +0100',
  'Message-ID: <lunch-1@colibri.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi Alice,',
  'shall we have lunch on Friday?',
  'Bob',
  '',
]);

/** The reply, in the same thread (In-Reply-To / References). */
export const lunchReply = crlf([
  'From: Carol Petit <carol@colibri.test>',
  'To: Bob Martin <bob@colibri.test>, Alice Durand <alice@colibri.test>',
  'Subject: Re: Lunch on Friday?',
  'Date: Sat, 02 Mar 2024 10:30:00 +0100',
  'Message-ID: <lunch-2@colibri.test>',
  'In-Reply-To: <lunch-1@colibri.test>',
  'References: <lunch-1@colibri.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Count me in!',
  '',
]);

/** multipart/alternative, quoted-printable UTF-8: text and HTML bodies with multi-byte characters. */
export const newsletter = crlf([
  'From: =?UTF-8?Q?Z=C3=BCrich_News?= <news@example.org>',
  'To: alice@colibri.test',
  'Subject: =?UTF-8?Q?Caf=C3=A9_=E2=82=AC_weekly?=',
  'Date: Tue, 05 Mar 2024 08:00:00 +0000',
  'Message-ID: <news-1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="alt"',
  '',
  '--alt',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Caf=C3=A9 =E2=82=AC news: Gr=C3=BC=C3=9Fe aus Z=C3=BCrich.',
  'Second line.',
  '--alt',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<p>Caf=C3=A9 =E2=82=AC <b>news</b></p>',
  '--alt--',
  '',
]);

/** Latin-1 text: the body value must come back as "café" whatever the store keeps. */
export const latin1Note = crlf([
  'From: Jean <jean@example.fr>',
  'To: alice@colibri.test',
  'Subject: Note',
  'Date: Mon, 04 Mar 2024 12:00:00 +0100',
  'Message-ID: <note-1@example.fr>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Un caf=E9 ?',
  '',
]);

/** multipart/mixed with a PDF attachment. */
export const invoice = crlf([
  'From: Billing <billing@example.com>',
  'To: alice@colibri.test',
  'Subject: Your invoice',
  'Date: Sun, 03 Mar 2024 18:00:00 +0000',
  'Message-ID: <invoice-1@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="mix"',
  '',
  '--mix',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Please find your invoice attached.',
  '--mix',
  'Content-Type: application/pdf; name="invoice.pdf"',
  'Content-Disposition: attachment; filename="invoice.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK',
  '--mix--',
  '',
]);
