import { describe, expect, it } from 'vitest';
import { emptyContent } from './draft';
import type { DraftAttachment } from './draft';
import { buildEmailCreate, htmlForSending } from './email-create';
import { htmlToText } from './html-text';

const context = {
  identity: { name: 'Alice', email: 'alice@colibri.test', replyTo: null },
  draftsMailboxId: 'drafts',
};
const file = (over: Partial<DraftAttachment>): DraftAttachment => ({
  localId: 'l1',
  name: 'a.pdf',
  type: 'application/pdf',
  size: 3,
  blobId: 'B1',
  status: 'done',
  progress: 1,
  error: null,
  cid: null,
  ...over,
});

describe('buildEmailCreate (RFC 8621 §4.6)', () => {
  it('a rich draft: in Drafts with $draft, from the identity, text/plain + text/html alternatives', () => {
    const create = buildEmailCreate(
      {
        ...emptyContent,
        to: [{ name: 'Bob', email: 'bob@colibri.test' }],
        subject: 'Hi',
        html: '<p>Hello <strong>Bob</strong></p>',
      },
      context,
    );
    expect(create).toMatchObject({
      mailboxIds: { drafts: true },
      keywords: { $draft: true, $seen: true },
      from: [{ name: 'Alice', email: 'alice@colibri.test' }],
      to: [{ name: 'Bob', email: 'bob@colibri.test' }],
      subject: 'Hi',
      textBody: [{ partId: 'text', type: 'text/plain' }],
      htmlBody: [{ partId: 'html', type: 'text/html' }],
    });
    expect(create.bodyValues?.text?.value).toBe('Hello Bob');
    expect(create.bodyValues?.html?.value).toContain('<body><p>Hello <strong>Bob</strong></p></body>');
    expect(create).not.toHaveProperty('cc');
    expect(create).not.toHaveProperty('attachments');
  });
  it('a plain draft has only a text/plain body', () => {
    const create = buildEmailCreate({ ...emptyContent, format: 'plain', text: 'Just text' }, context);
    expect(create).not.toHaveProperty('htmlBody');
    expect(create.bodyValues).toEqual({
      text: { value: 'Just text', isEncodingProblem: false, isTruncated: false },
    });
  });
  it('threads a reply and keeps Reply-To of the identity', () => {
    const create = buildEmailCreate(
      { ...emptyContent, inReplyTo: ['a@x'], references: ['r@x', 'a@x'] },
      { ...context, identity: { ...context.identity, replyTo: [{ name: null, email: 'team@x' }] } },
    );
    expect(create).toMatchObject({
      inReplyTo: ['a@x'],
      references: ['r@x', 'a@x'],
      replyTo: [{ name: null, email: 'team@x' }],
    });
  });
  it('attaches uploaded files only; inline images travel with their cid while the body shows them', () => {
    const content = {
      ...emptyContent,
      html: '<p>See <img src="blob:x" data-cid="img1@colibri"></p>',
      attachments: [
        file({}),
        file({ localId: 'l2', name: 'up.zip', blobId: null, status: 'uploading' }),
        file({ localId: 'l3', name: 'p.png', type: 'image/png', blobId: 'B3', cid: 'img1@colibri' }),
        file({ localId: 'l4', name: 'gone.png', type: 'image/png', blobId: 'B4', cid: 'deleted@colibri' }),
      ],
    };
    const create = buildEmailCreate(content, context);
    expect(create.attachments).toEqual([
      { blobId: 'B1', type: 'application/pdf', name: 'a.pdf', disposition: 'attachment' },
      { blobId: 'B3', type: 'image/png', name: 'p.png', disposition: 'inline', cid: 'img1@colibri' },
    ]);
    expect(create.bodyValues?.html?.value).toContain('<img src="cid:img1@colibri">');
  });
});

describe('htmlForSending', () => {
  it('points inline images at their parts and leaves other images alone', () => {
    const html = htmlForSending(
      '<p><img src="/jmap/download/x" data-cid="c1"><img src="data:image/png;base64,AA=="></p>',
    );
    expect(html).toContain('<img src="cid:c1">');
    expect(html).toContain('<img src="data:image/png;base64,AA==">');
  });
});

describe('htmlToText', () => {
  it('lines per paragraph, list markers, quotes, links with their URL, the signature separator', () => {
    const html =
      '<p>Hi <a href="https://x.org/a">the doc</a></p><ul><li><p>one</p></li><li><p>two</p></li></ul>' +
      '<ol><li><p>first</p></li></ol><blockquote><p>old</p><blockquote><p>older</p></blockquote></blockquote>' +
      '<p>--&nbsp;</p><p>Alice<br>Colibri</p>';
    expect(htmlToText(html)).toBe(
      'Hi the doc <https://x.org/a>\n- one\n- two\n1. first\n> old\n>> older\n-- \nAlice\nColibri',
    );
  });
  it('keeps empty paragraphs as empty lines', () => {
    expect(htmlToText('<p>a</p><p></p><p>b</p>')).toBe('a\n\nb');
  });
});
