import { describe, expect, it } from 'vitest';
import { PREPARED_HTML_MAX_ENTRIES, prepareEmailHtml } from './prepared-email-html';

describe('prepareEmailHtml', () => {
  it('sanitises a message once: the same HTML and option give back the same result', () => {
    const html = '<p>Hello <img src="https://tracker.example/p.gif"></p><script>alert(1)</script>';
    const first = prepareEmailHtml(html, { allowRemoteImages: false });
    expect(first.sanitized.html).not.toContain('<script');
    expect(first.sanitized.html).not.toContain('tracker.example');
    expect(first.sanitized.remoteContent.images).toBe(1);
    // A copy of the string, as a refetched message gives: found by content, not identity.
    expect(prepareEmailHtml(html.split('').join(''), { allowRemoteImages: false })).toBe(first);
  });

  it('keeps remote images blocked unless allowed, each option prepared apart', () => {
    const html = '<p>Hi <img src="https://cdn.example/logo.png"></p>';
    const blocked = prepareEmailHtml(html, { allowRemoteImages: false });
    const allowed = prepareEmailHtml(html, { allowRemoteImages: true });
    expect(blocked.sanitized.html).not.toContain('cdn.example');
    expect(allowed.sanitized.html).toContain('https://cdn.example/logo.png');
    expect(prepareEmailHtml(html, { allowRemoteImages: false })).toBe(blocked);
  });

  it('folds the quote and lists cid: references with the sanitised HTML', () => {
    const prepared = prepareEmailHtml(
      '<p>Answer <img src="cid:Logo@x"></p><div>Ann wrote:</div><blockquote>old</blockquote>',
      { allowRemoteImages: false },
    );
    expect(prepared.folded).not.toContain('old');
    expect([...prepared.cids]).toEqual(['logo@x']);
  });

  it('holds a bounded number of messages, dropping the least recently used', () => {
    const first = prepareEmailHtml('<p>message 0</p>', { allowRemoteImages: false });
    for (let i = 1; i <= PREPARED_HTML_MAX_ENTRIES; i++)
      prepareEmailHtml(`<p>message ${i}</p>`, { allowRemoteImages: false });
    expect(prepareEmailHtml('<p>message 0</p>', { allowRemoteImages: false })).not.toBe(first);
    const recent = prepareEmailHtml(`<p>message ${PREPARED_HTML_MAX_ENTRIES}</p>`, {
      allowRemoteImages: false,
    });
    expect(
      prepareEmailHtml(`<p>message ${PREPARED_HTML_MAX_ENTRIES}</p>`, { allowRemoteImages: false }),
    ).toBe(recent);
  });
});
