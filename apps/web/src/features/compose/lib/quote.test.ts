import { describe, expect, it } from 'vitest';
import { attribution, forwardBody, forwardHeaderLines, quoteText, replyQuote, safeQuotedHtml } from './quote';

const format = { locale: 'en-GB', timeZone: 'UTC' };

describe('attribution', () => {
  it('says when and who: "On <date>, <name> wrote:"', () => {
    expect(attribution('2026-11-28T14:05:00Z', { name: 'Bob Martin', email: 'bob@x' }, format)).toBe(
      'On 28 Nov 2026, 14:05, Bob Martin wrote:',
    );
  });
  it('falls back to the address when there is no name', () => {
    expect(attribution('2026-11-28T14:05:00Z', { name: null, email: 'bob@x' }, format)).toMatch(
      /, bob@x wrote:$/,
    );
  });
});

describe('quoteText (RFC 3676 §4.5)', () => {
  it('quotes every line, nests quotes without a space, keeps empty lines quoted', () => {
    expect(quoteText('Hello\n\n> earlier\nBye\n')).toBe('> Hello\n>\n>> earlier\n> Bye');
  });
});

describe('replyQuote', () => {
  it('plain: the attribution, then the quoted text (HTML-only mail converted to text)', () => {
    expect(replyQuote('Bob wrote:', { html: null, text: 'Hi\nthere' }, 'plain')).toBe(
      'Bob wrote:\n> Hi\n> there',
    );
    expect(replyQuote('Bob wrote:', { html: '<p>Hi</p><p>there</p>', text: null }, 'plain')).toBe(
      'Bob wrote:\n> Hi\n> there',
    );
  });
  it('rich: the attribution, then the original in a blockquote, text escaped', () => {
    expect(replyQuote('Bob <b> wrote:', { html: null, text: 'a < b' }, 'rich')).toBe(
      '<p>Bob &lt;b&gt; wrote:</p><blockquote><p>a &lt; b</p></blockquote>',
    );
  });
  it('rich: hostile HTML loses scripts, handlers, images, styles and javascript: links', () => {
    const quoted = replyQuote(
      'x',
      {
        html: '<p style="color:red" onclick="x()">Hi<script>alert(1)</script><img src="http://t/p.gif"><a href="javascript:alert(1)">j</a><a href="https://ok.example/">ok</a></p>',
        text: null,
      },
      'rich',
    );
    expect(quoted).toBe(
      '<p>x</p><blockquote><p>Hi<a>j</a><a href="https://ok.example/">ok</a></p></blockquote>',
    );
  });
  it('safeQuotedHtml keeps the structure people wrote', () => {
    expect(safeQuotedHtml('<ul><li><b>one</b></li></ul><blockquote>old</blockquote>')).toBe(
      '<ul><li><b>one</b></li></ul><blockquote>old</blockquote>',
    );
  });
});

describe('forward', () => {
  const source = {
    from: [{ name: 'Bob', email: 'bob@x' }],
    to: [{ name: null, email: 'alice@x' }],
    cc: null,
    subject: 'Plans',
    sentAt: '2026-11-28T14:05:00Z',
  };
  it('writes the header block of the forwarded message', () => {
    expect(forwardHeaderLines(source, format)).toEqual([
      '---------- Forwarded message ----------',
      'From: Bob <bob@x>',
      'Date: 28 Nov 2026, 14:05',
      'Subject: Plans',
      'To: alice@x',
    ]);
  });
  it('puts the original after the header block, unquoted', () => {
    expect(forwardBody(['H1', 'H2'], { html: null, text: 'Body' }, 'plain')).toBe('H1\nH2\n\nBody');
    expect(forwardBody(['H1', 'H2'], { html: null, text: 'Body' }, 'rich')).toBe(
      '<p>H1<br>H2</p><p>Body</p>',
    );
  });
});
