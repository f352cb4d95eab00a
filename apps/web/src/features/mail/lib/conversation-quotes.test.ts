import { describe, expect, it } from 'vitest';
import { foldHtmlQuote, splitPlainTextQuote } from './conversation-quotes';

describe('splitPlainTextQuote', () => {
  it('folds the trailing "> " block with its attribution', () => {
    expect(
      splitPlainTextQuote('Sure.\n\nOn Mon, 3 Jun 2024, Ann <ann@x.test> wrote:\n> Lunch?\n>\n> Ann\n'),
    ).toEqual({
      body: 'Sure.',
      quote: 'On Mon, 3 Jun 2024, Ann <ann@x.test> wrote:\n> Lunch?\n>\n> Ann\n',
    });
  });

  it('takes an attribution wrapped over two lines, and French ones', () => {
    expect(
      splitPlainTextQuote('Ok\n\nOn Mon, 3 Jun 2024 at 10:00, Ann Example <ann@x.test>\nwrote:\n> Hi').body,
    ).toBe('Ok');
    expect(splitPlainTextQuote('Oui\nLe lun. 3 juin 2024, Ann a écrit :\n> Salut').body).toBe('Oui');
  });

  it('folds from an "Original Message" separator on', () => {
    const split = splitPlainTextQuote(
      'Done.\n\n-----Original Message-----\nFrom: Ann\nSubject: Task\n\nPlease do it.',
    );
    expect(split.body).toBe('Done.');
    expect(split.quote).toContain('Please do it.');
  });

  it('keeps inline replies: a quote followed by the sender text is context', () => {
    const text = '> Can you come?\nYes.\n> At noon?\nBetter at one.';
    expect(splitPlainTextQuote(text)).toEqual({ body: text, quote: null });
  });

  it('never folds a message that is all quote, nor one without quote', () => {
    expect(splitPlainTextQuote('> only a quote\n> here')).toEqual({
      body: '> only a quote\n> here',
      quote: null,
    });
    expect(splitPlainTextQuote('No quote, 3 > 2.')).toEqual({ body: 'No quote, 3 > 2.', quote: null });
    expect(splitPlainTextQuote('')).toEqual({ body: '', quote: null });
  });

  it('does not take a long paragraph ending in "wrote:" as an attribution', () => {
    const own = `${'This is my own long paragraph about what she wrote '.repeat(8)}and what he wrote:`;
    expect(splitPlainTextQuote(`${own}\n> quoted`).body).toBe(own);
  });
});

const text = (html: string | null) => {
  const div = document.createElement('div');
  div.innerHTML = html ?? '';
  return div.textContent?.replace(/\s+/g, ' ').trim();
};

describe('foldHtmlQuote', () => {
  it('folds a Gmail quote with its attribution', () => {
    const html =
      '<div dir="ltr">Thanks!</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Ann &lt;ann@x.test&gt; wrote:<br></div><blockquote class="gmail_quote">Here is the file.</blockquote></div>';
    expect(text(foldHtmlQuote(html))).toBe('Thanks!');
  });

  it('folds an Apple Mail / Thunderbird blockquote and the "wrote:" line before it', () => {
    const html =
      '<p>See you.</p><div class="moz-cite-prefix">On 03/06/2024 10:00, Ann wrote:<br></div><blockquote type="cite"><p>Lunch?</p><blockquote type="cite">Older</blockquote></blockquote>';
    expect(text(foldHtmlQuote(html))).toBe('See you.');
    const apple =
      '<div>Fine by me.</div><div><br><div>On 3 Jun 2024, at 10:00, Ann wrote:</div><br><blockquote type="cite"><div>Lunch?</div></blockquote></div>';
    expect(text(foldHtmlQuote(apple))).toBe('Fine by me.');
  });

  it("folds everything after Outlook's reply separator", () => {
    const html =
      '<div>Approved.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Ann</div><div>Please approve.</div>';
    expect(text(foldHtmlQuote(html))).toBe('Approved.');
  });

  it('keeps interleaved quotes that the sender answered below', () => {
    const html = '<blockquote>Can you come?</blockquote><p>Yes.</p>';
    expect(foldHtmlQuote(html)).toBeNull();
  });

  it('returns null when there is no quote, or when folding would leave nothing', () => {
    expect(foldHtmlQuote('<p>Hello</p>')).toBeNull();
    expect(foldHtmlQuote('<blockquote>Only a forward</blockquote>')).toBeNull();
    expect(foldHtmlQuote('')).toBeNull();
  });

  it('keeps images of the reply itself', () => {
    const folded = foldHtmlQuote('<img src="cid:chart" alt="chart"><blockquote>old</blockquote>');
    expect(folded).toContain('cid:chart');
    expect(folded).not.toContain('old');
  });
});
