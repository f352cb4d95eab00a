import { describe, expect, it } from 'vitest';
import { contentOfDraft, initialContent } from './initial-content';
import type { ContentContext, SourceMessage } from './initial-content';
import { signatureBlock, swapSignature } from './signature';

const bob = { name: 'Bob', email: 'bob@colibri.test' };
const carol = { name: 'Carol', email: 'carol@colibri.test' };

const context: ContentContext = {
  identities: [
    { id: 'I1', email: 'alice@colibri.test', textSignature: 'Alice\nColibri', htmlSignature: '' },
    { id: 'I2', email: 'sales@colibri.test', textSignature: '', htmlSignature: '' },
  ],
  ownAddresses: ['alice@colibri.test', 'sales@colibri.test'],
  format: 'rich',
  date: { locale: 'en-GB', timeZone: 'UTC' },
};

const source: SourceMessage = {
  messageId: ['m2@x'],
  inReplyTo: ['m1@x'],
  references: ['m1@x'],
  from: [bob],
  to: [{ name: 'Sales', email: 'sales@colibri.test' }, carol],
  cc: null,
  bcc: null,
  replyTo: null,
  subject: 'Offer',
  sentAt: '2026-11-28T14:05:00Z',
  receivedAt: '2026-11-28T14:06:00Z',
  attachments: [
    {
      blobId: 'B1',
      name: 'offer.pdf',
      type: 'application/pdf',
      size: 10,
      cid: null,
      disposition: 'attachment',
    },
    { blobId: 'B2', name: 'logo.png', type: 'image/png', size: 5, cid: 'logo@x', disposition: 'inline' },
  ],
  body: { html: null, text: 'Our offer.' },
};

describe('initialContent', () => {
  it('a new message: the first identity, its signature after an empty line', () => {
    const content = initialContent('new', null, context);
    expect(content.identityId).toBe('I1');
    expect(content.html).toBe('<p></p><p>--&nbsp;</p><p>Alice</p><p>Colibri</p>');
    expect(initialContent('new', null, { ...context, format: 'plain' }).text).toBe('\n\n-- \nAlice\nColibri');
  });
  it('reply-all: from the identity the message was sent to, everyone else, quoted, threaded', () => {
    const content = initialContent('replyAll', source, context);
    expect(content.identityId).toBe('I2');
    expect(content.to).toEqual([bob, carol]);
    expect(content.subject).toBe('Re: Offer');
    expect(content.inReplyTo).toEqual(['m2@x']);
    expect(content.references).toEqual(['m1@x', 'm2@x']);
    // A line to write on, an empty line (no signature for this identity), then the quote.
    expect(content.html).toBe(
      '<p></p><p></p><p>On 28 Nov 2026, 14:05, Bob wrote:</p><blockquote><p>Our offer.</p></blockquote>',
    );
    expect(content.attachments).toEqual([]);
  });
  it('forward: no recipient, the header block, the files (not the inline images) by blob', () => {
    const content = initialContent('forward', source, { ...context, format: 'plain' });
    expect(content.to).toEqual([]);
    expect(content.subject).toBe('Fwd: Offer');
    expect(content.inReplyTo).toBeNull();
    expect(content.text).toContain('---------- Forwarded message ----------\nFrom: Bob <bob@colibri.test>');
    expect(content.text.endsWith('\n\nOur offer.')).toBe(true);
    expect(content.attachments.map((a) => [a.name, a.blobId, a.status])).toEqual([
      ['offer.pdf', 'B1', 'done'],
    ]);
  });
});

describe('contentOfDraft', () => {
  it('reopens a saved draft: its fields, its identity, inline images shown from their blobs', () => {
    const draft: SourceMessage = {
      ...source,
      from: [{ name: 'Sales', email: 'sales@colibri.test' }],
      to: [bob],
      subject: 'Draft',
      body: {
        html: '<html><body><p>See <img src="cid:logo@x"> <img src="cid:missing@x"></p></body></html>',
        text: 'See',
      },
    };
    const content = contentOfDraft(draft, context, (part) => `/download/${part.blobId}`);
    expect(content).toMatchObject({ identityId: 'I2', to: [bob], subject: 'Draft', format: 'rich' });
    expect(content.html).toBe('<p>See <img src="/download/B2" data-cid="logo@x"> </p>');
    expect(content.attachments.map((a) => [a.name, a.cid])).toEqual([
      ['offer.pdf', null],
      ['logo.png', 'logo@x'],
    ]);
  });
  it('a plain-text draft stays plain', () => {
    const content = contentOfDraft({ ...source, body: { html: null, text: 'Plain' } }, context, () => '');
    expect(content).toMatchObject({ format: 'plain', text: 'Plain', html: '' });
  });
});

describe('signatures', () => {
  it('switching identity swaps an untouched signature, and leaves an edited one alone', () => {
    const one = { textSignature: 'One', htmlSignature: '' };
    const two = { textSignature: 'Two', htmlSignature: '' };
    const body = `<p>Hi</p>${signatureBlock(one, 'rich')}<blockquote><p>x</p></blockquote>`;
    expect(swapSignature(body, signatureBlock(one, 'rich'), signatureBlock(two, 'rich'), 'rich')).toBe(
      '<p>Hi</p><p>--&nbsp;</p><p>Two</p><blockquote><p>x</p></blockquote>',
    );
    expect(
      swapSignature('<p>Hi</p><p>--&nbsp;</p><p>One!</p>', signatureBlock(one, 'rich'), '', 'rich'),
    ).toBe('<p>Hi</p><p>--&nbsp;</p><p>One!</p>');
    expect(signatureBlock(two, 'plain')).toBe('-- \nTwo');
  });
  it('switching from an identity without signature adds the new one where it belongs (before the quote)', () => {
    const signed = context.identities[0]!;
    const reply = initialContent('reply', source, context);
    expect(reply.identityId).toBe('I2');
    const swapped = swapSignature(
      reply.html,
      signatureBlock(undefined, 'rich'),
      signatureBlock(signed, 'rich'),
      'rich',
    );
    expect(swapped).toBe(
      '<p></p><p>--&nbsp;</p><p>Alice</p><p>Colibri</p><p></p><p>On 28 Nov 2026, 14:05, Bob wrote:</p><blockquote><p>Our offer.</p></blockquote>',
    );
    // Back and forth gives the body the first identity would have started with.
    const noSig = swapSignature(swapped, signatureBlock(signed, 'rich'), '', 'rich');
    expect(swapSignature(noSig, '', signatureBlock(signed, 'rich'), 'rich')).toBe(swapped);
  });
  it('adds the signature after what was written in a new message, rich and plain', () => {
    const unsigned = { textSignature: '', htmlSignature: '' };
    const signed = { textSignature: 'Two', htmlSignature: '' };
    const rich = initialContent('new', null, {
      ...context,
      identities: [{ ...unsigned, id: 'I2', email: 'x@y' }],
    });
    expect(swapSignature('<p>Hello</p>', '', signatureBlock(signed, 'rich'), 'rich')).toBe(
      '<p>Hello</p><p>--&nbsp;</p><p>Two</p>',
    );
    expect(swapSignature(rich.html, '', signatureBlock(signed, 'rich'), 'rich')).toBe(
      '<p></p><p>--&nbsp;</p><p>Two</p>',
    );
    expect(swapSignature('Hello\n', '', signatureBlock(signed, 'plain'), 'plain')).toBe('Hello\n\n-- \nTwo');
  });
  it('plain replies and forwards get the signature before the quote or the forwarded header', () => {
    const plain = { ...context, format: 'plain' as const };
    const signed = signatureBlock(context.identities[0], 'plain');
    const reply = initialContent('reply', source, plain);
    expect(swapSignature(reply.text, '', signed, 'plain')).toBe(
      '\n\n-- \nAlice\nColibri\nOn 28 Nov 2026, 14:05, Bob wrote:\n> Our offer.',
    );
    const forward = initialContent('forward', source, plain);
    expect(swapSignature(forward.text, '', signed, 'plain')).toMatch(
      /^\n\n-- \nAlice\nColibri\n---------- Forwarded message ----------\nFrom: Bob/,
    );
    const richForward = initialContent('forward', source, context);
    expect(
      swapSignature(richForward.html, '', signatureBlock(context.identities[0], 'rich'), 'rich'),
    ).toMatch(
      /^<p><\/p><p>--&nbsp;<\/p><p>Alice<\/p><p>Colibri<\/p><p><\/p><p>---------- Forwarded message ----------<br>/,
    );
  });
});
