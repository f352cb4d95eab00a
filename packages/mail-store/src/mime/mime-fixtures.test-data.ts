import type { MimePart, MimeTree } from './mime-part.js';

/**
 * Messages that exercise the edges of the MIME walk (malformed delimiters, limits, encodings cut
 * anywhere), shared by the chunking unit test and `scripts/compare-mime-walker.ts`. Written with
 * LF; the users also run them with CRLF.
 */
const nested = (levels: number) => {
  let body = 'innermost';
  for (let i = levels; i >= 0; i--)
    body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}\n--b${i}--`;
  return body;
};

export const trickyMessages: Record<string, string> = {
  'nested with preamble and epilogue': `Content-Type: multipart/mixed; boundary=outer

preamble
--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

caf=E9
--alt
Content-Type: text/html

<p>hi</p>
--alt--
--outer
Content-Type: message/rfc822

Subject: inner
Content-Type: multipart/mixed; boundary=inner

--inner

x
--inner--
--outer
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="a.bin"
Content-Transfer-Encoding: base64

AAEC
--outer--
epilogue`,
  'encoded parts': `Content-Type: multipart/mixed; boundary=e

--e
Content-Transfer-Encoding: quoted-printable

caf=E9 soft=
break =3D=
--e
Content-Transfer-Encoding: base64

AAEC
AwQF Bg=
=BwgJ*Cg==
--e--`,
  'plain single part': 'Subject: plain\n\nhello\n',
  'no header at all': '\nbody only\n',
  'no blank line after header': 'Subject: x\nContent-Type: text/plain',
  'boundary line where the header should end': `Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain
--b
X: y

two
--b--`,
  digest:
    'Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nbody\n--d\nContent-Type: text/plain\n\nt\n--d--\n',
  'longer boundary is not a delimiter': `Content-Type: multipart/mixed; boundary=X

--X
Content-Type: multipart/mixed; boundary=X-1

--X-1

one
--X-1

two
--X-1--
--X--
`,
  'delimiter with trailing words': `Content-Type: multipart/mixed; boundary=b

--b  trailing words

one
--b\tmore

two
--b-- and an epilogue
`,
  'unterminated, blank last part':
    'Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond\n--b\n  \n\t\n',
  'unterminated, text last part':
    'Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\n\n  second',
  'boundary never found': 'Content-Type: multipart/mixed; boundary=zz\n\njust text',
  'no boundary parameter': 'Content-Type: multipart/mixed\n\njust text',
  'no boundary, blank body': 'Content-Type: multipart/mixed\n\n \n\n',
  'close delimiter first': 'Content-Type: multipart/mixed; boundary=b\n\npre\n--b--\nafter\n--b\n\nlate\n',
  'only an opening delimiter': 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\n \n',
  'only an opening delimiter, base64':
    'Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: base64\n\n--b\n',
  'empty parts': 'Content-Type: multipart/mixed; boundary=b\n\n--b\n--b\n\n--b\n--b--',
  'delimiter not at line start': 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\na --b\nb\n--b--x\n',
  'delimiter at the very end': 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b',
  'close at the very end': 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b--',
  'dash dash only': 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b-',
  'empty boundary': 'Content-Type: multipart/mixed; boundary=""\n\n--\n\nx\n--\n',
  'quoted-printable edges':
    'Content-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 cr=\r\n=C3=A8me =  \nok =ZZ 100%=3D =\r=A =4',
  'quoted-printable trailing equals': 'Content-Transfer-Encoding: quoted-printable\n\nend= \t ',
  'base64 junk and padding':
    'Content-Transfer-Encoding: "base64" (x)\n\naGVs\nbG8g*\nd29y bGQ=aGk=\n=Q\nQ-_w',
  'folded and long headers': `Subject: a
 folded
\tline
Content-Type: text/plain;
 charset="utf-8"; name*0="a"; name*1="b.txt"
NoColonLine
--not-a-boundary: has colon

body`,
  'deep nesting': nested(30),
  'many parts': `Content-Type: multipart/mixed; boundary=p\n\n${'--p\n\nx\n'.repeat(600)}--p--`,
  'huge header block': `X-Big: ${'a'.repeat(70 * 1024)}\nSubject: after the limit\n\nbody`,
  'header exactly at the limit': `X-Big: ${'a'.repeat(64 * 1024 - 9)}\nSubject: s\n\nbody`,
  'header ends in a boundary line past the limit': `X-Big: ${'a'.repeat(66 * 1024)}\nX: y\n--b\n\nbody`,
  'bare CR and mixed line ends':
    'Subject: x\r\r\nContent-Type: multipart/mixed; boundary=b\r\n\n--b\r\n\r\none\r--b\n\ntwo\r\n--b--',
  'long preamble, then parts': `Content-Type: multipart/mixed; boundary=b\n\n${'p'.repeat(70 * 1024)}\n--b\n\none\n--b--`,
  'long text under a wrong boundary': `Content-Type: multipart/mixed; boundary=b\n\n${'t'.repeat(70 * 1024)}`,
  'long blank first part': `Content-Type: multipart/mixed; boundary=b\n\n--b\n${' '.repeat(70 * 1024)}`,
  'base64 padding around a 64 KiB slice': `Content-Transfer-Encoding: base64\n\n${'QUJD'.repeat(16383)}QQ=\nQUJD=QU${'JD\n'.repeat(100)}Q`,
  'long blank last part': `Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n${' \r\n\t'.repeat(25 * 1024)}`,
  'long blank part, then a delimiter': `Content-Type: multipart/mixed; boundary=b\n\n--b\n${'\n'.repeat(70 * 1024)}--b--`,
  'long blank start, then text': `Content-Type: multipart/mixed; boundary=b\n\n--b\n${' '.repeat(70 * 1024)}\n\nx\n--b\n${'\n'.repeat(70 * 1024)}y`,
  empty: '',
  'blank lines only': '\n\n',
  'hostile bytes': '\u0000\u0001\u00ff'.repeat(100),
};

/** Every field of a tree, leaf contents as hex: equal strings mean identical trees. */
export function treeFingerprint(tree: MimeTree): string {
  const part = (p: MimePart): unknown => ({
    ...p,
    content: p.content
      ? Buffer.from(p.content.buffer, p.content.byteOffset, p.content.byteLength).toString('hex')
      : null,
    subParts: p.subParts?.map(part) ?? null,
  });
  return JSON.stringify({ root: part(tree.root), headers: tree.headers });
}

/** The message with every line break as CRLF (bare CRs kept). */
export const withCrlf = (message: string) => message.replace(/\r?\n/g, '\r\n');
