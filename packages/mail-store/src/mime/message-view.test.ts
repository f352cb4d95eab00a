import { describe, expect, it } from 'vitest';
import { messageBodyText, messageHeaderFields, messageRawBody } from './message-view.js';

const bytes = (s: string) => new TextEncoder().encode(s.replace(/\n/g, '\r\n'));

const multipart = bytes(`From: a@example.net
Subject: =?UTF-8?Q?Caf=C3=A9?=
X-Folded: one
 two
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Caf=C3=A9 au lait
--b
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

aW52b2ljZQ==
--b--
`);

describe('what a mail filter reads of a message (RFC 5228 §5.7, RFC 5173)', () => {
  it('lists the header fields in order with their raw values', () => {
    const fields = messageHeaderFields(multipart);
    expect(fields.map((f) => f.name)).toEqual(['From', 'Subject', 'X-Folded', 'Content-Type']);
    expect(fields[1]?.value.trim()).toBe('=?UTF-8?Q?Caf=C3=A9?=');
  });

  it(':text is the decoded text of the text parts only', () => {
    const text = messageBodyText(multipart);
    expect(text).toContain('Café au lait');
    expect(text).not.toContain('invoice');
  });

  it(':raw is the body after the header, undecoded', () => {
    const raw = messageRawBody(multipart);
    expect(raw.startsWith('--b\r\n')).toBe(true);
    expect(raw).toContain('Caf=C3=A9 au lait');
    expect(raw).toContain('aW52b2ljZQ==');
  });
});
