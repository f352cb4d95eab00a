import { describe, expect, it } from 'vitest';
import { bodyLists, type StructurePart } from './body-lists.js';

type P = StructurePart & { id: string };
const leaf = (id: string, type: string, extra: Partial<P> = {}): P => ({
  id,
  type,
  name: null,
  disposition: null,
  subParts: null,
  ...extra,
});
const multi = (type: string, subParts: P[]): P => ({
  id: type,
  type,
  name: null,
  disposition: null,
  subParts,
});
const ids = (l: { textBody: P[]; htmlBody: P[]; attachments: P[] }) => ({
  text: l.textBody.map((p) => p.id),
  html: l.htmlBody.map((p) => p.id),
  attachments: l.attachments.map((p) => p.id),
});

// RFC 8621 §4.1.4: the textBody / htmlBody / attachments algorithm.
describe('bodyLists', () => {
  it('splits multipart/alternative between text and HTML', () => {
    expect(
      ids(bodyLists(multi('multipart/alternative', [leaf('t', 'text/plain'), leaf('h', 'text/html')]))),
    ).toEqual({
      text: ['t'],
      html: ['h'],
      attachments: [],
    });
  });

  it('uses the HTML as text when an alternative has only HTML', () => {
    const root = multi('multipart/mixed', [
      multi('multipart/alternative', [leaf('h', 'text/html')]),
      leaf('a', 'application/pdf'),
    ]);
    expect(ids(bodyLists(root))).toEqual({ text: ['h'], html: ['h'], attachments: ['a'] });
  });

  it('keeps the related resources of an HTML body as attachments', () => {
    const root = multi('multipart/alternative', [
      leaf('t', 'text/plain'),
      multi('multipart/related', [leaf('h', 'text/html'), leaf('img', 'image/png', { name: 'logo.png' })]),
    ]);
    expect(ids(bodyLists(root))).toEqual({ text: ['t'], html: ['h'], attachments: ['img'] });
  });

  it('treats named text after the first part, and explicit attachments, as attachments', () => {
    const root = multi('multipart/mixed', [
      leaf('t', 'text/plain'),
      leaf('notes', 'text/plain', { name: 'notes.txt' }),
      leaf('photo', 'image/jpeg', { disposition: 'attachment' }),
      leaf('inline', 'image/jpeg'),
      leaf('cal', 'text/calendar'),
    ]);
    expect(ids(bodyLists(root))).toEqual({
      text: ['t', 'inline'],
      html: ['t', 'inline'],
      attachments: ['notes', 'photo', 'cal'],
    });
  });
});
