import { describe, expect, it } from 'vitest';
import { BLOCKED_IMAGE_ATTRIBUTE, sanitizeEmailHtml } from './sanitize-email-html';

function parse(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('sanitizeEmailHtml', () => {
  it('removes scripts, including ones hidden in SVG', () => {
    const { html } = sanitizeEmailHtml(
      '<p>Hello</p><script>window.pwned = true</script><svg><script>alert(1)</script></svg>',
    );
    expect(html).not.toMatch(/script/i);
    expect(parse(html).querySelector('p')?.textContent).toBe('Hello');
  });

  it('strips on* event handlers', () => {
    const { html } = sanitizeEmailHtml(
      '<img src="cid:a" onerror="alert(1)"><div onclick="x()" onmouseover="y()">hi</div><body onload="z()">',
    );
    const dom = parse(html);
    expect(html).not.toMatch(/on(error|click|mouseover|load)=/i);
    expect(dom.querySelector('div')?.textContent).toBe('hi');
  });

  it('replaces a remote image with a placeholder and counts it', () => {
    const { html, remoteImagesBlocked } = sanitizeEmailHtml(
      '<img src="https://tracker.example/pixel.gif" width="1" height="1" alt="">',
    );
    const img = parse(html).querySelector('img');
    expect(img?.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    expect(img?.getAttribute(BLOCKED_IMAGE_ATTRIBUTE)).toBe('remote');
    expect(html).not.toContain('tracker.example');
    expect(remoteImagesBlocked).toBe(1);
  });

  it('blocks protocol-relative, srcset and CSS url() images, and @import', () => {
    const { html, remoteImagesBlocked } = sanitizeEmailHtml(
      [
        '<style>@import url("https://evil.example/a.css"); .x { background: url(https://evil.example/b.png) }</style>',
        '<img src="//evil.example/c.png">',
        '<img src="cid:ok" srcset="https://evil.example/d.png 2x">',
        '<table><tr><td style="background-image: url(\'http://evil.example/e.png\'); color: red">cell</td></tr></table>',
        '<table background="https://evil.example/f.png"><tr><td>t</td></tr></table>',
      ].join(''),
    );
    expect(html).not.toContain('evil.example');
    expect(html).toContain('color: red');
    expect(remoteImagesBlocked).toBe(6);
  });

  it('sees through CSS escapes and whitespace tricks', () => {
    const { html, remoteImagesBlocked } = sanitizeEmailHtml(
      '<div style="background: \\75 rl(https://evil.example/x.png)">a</div><img src=" ht\ntps://evil.example/y.png">',
    );
    expect(html).not.toContain('evil.example');
    expect(remoteImagesBlocked).toBe(2);
  });

  it('neutralises javascript: links and opens real links outside the frame', () => {
    const dom = parse(
      sanitizeEmailHtml(
        '<a href="javascript:alert(1)">bad</a> <a href=" JaVaScRiPt:alert(2)">bad2</a> <a href="https://colibri.test/">good</a>',
      ).html,
    );
    const [bad, bad2, good] = [...dom.querySelectorAll('a')];
    expect(bad?.getAttribute('href')).toBeNull();
    expect(bad2?.getAttribute('href')).toBeNull();
    expect(good?.getAttribute('href')).toBe('https://colibri.test/');
    expect(good?.getAttribute('target')).toBe('_blank');
    expect(good?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps cid: and inline data: images', () => {
    const { html, remoteImagesBlocked } = sanitizeEmailHtml(
      '<img src="cid:logo@colibri.test" alt="logo"><img src="data:image/png;base64,iVBORw0KGgo=">',
    );
    const [cid, data] = [...parse(html).querySelectorAll('img')];
    expect(cid?.getAttribute('src')).toBe('cid:logo@colibri.test');
    expect(data?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(remoteImagesBlocked).toBe(0);
  });

  it('removes what could submit, embed or redirect', () => {
    const { html } = sanitizeEmailHtml(
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><form action="https://evil.example"><input name="p"><button>Go</button></form><iframe src="https://evil.example"></iframe><object data="x.swf"></object><p>kept</p>',
    );
    expect(html).not.toMatch(/<(meta|base|form|input|button|iframe|object)\b/i);
    expect(html).toContain('<p>kept</p>');
  });

  it('keeps the style sheet a mail puts in its <head>', () => {
    const { html } = sanitizeEmailHtml(
      '<html><head><style>p { color: teal }</style></head><body><p>x</p></body></html>',
    );
    expect(html).toContain('p { color: teal }');
  });

  it('counts remote content by kind: images, CSS urls, style sheets, media and frames', () => {
    const { html, remoteContent } = sanitizeEmailHtml(
      [
        '<link rel="stylesheet" href="https://evil.example/s.css">',
        '<style>@import "https://evil.example/i.css"; p { background: url(https://evil.example/p.png) }</style>',
        '<img src="https://evil.example/a.png" srcset="https://evil.example/b.png 2x">',
        '<video poster="https://evil.example/poster.png" src="https://evil.example/v.mp4"></video>',
        '<svg><image href="https://evil.example/svg.png"></image></svg>',
        '<iframe src="https://evil.example/frame"></iframe>',
        '<table background="https://evil.example/t.png"><tr><td>t</td></tr></table>',
      ].join(''),
    );
    expect(html).not.toContain('evil.example');
    expect(remoteContent).toEqual({ images: 5, cssUrls: 1, styleSheets: 2, other: 2 });
  });

  it('keeps remote images, upgraded to https, once the user allowed them, and nothing else', () => {
    const { html, remoteContent } = sanitizeEmailHtml(
      [
        '<img src="http://cdn.example/a.png" srcset="//cdn.example/b.png 2x">',
        '<div style="background: url(http://cdn.example/bg.png)">x</div>',
        '<style>@import url(https://cdn.example/s.css); @font-face { font-family: F; src: url(https://cdn.example/f.woff2) }</style>',
        '<video src="https://cdn.example/v.mp4"></video>',
        '<img src="x" onerror="alert(1)"><script>alert(2)</script>',
      ].join(''),
      { allowRemoteImages: true },
    );
    const dom = parse(html);
    expect(dom.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/a.png');
    expect(dom.querySelector('img')?.getAttribute('srcset')).toBe('https://cdn.example/b.png 2x');
    expect(dom.querySelector('div')?.getAttribute('style')).toContain('url("https://cdn.example/bg.png")');
    expect(html).not.toMatch(/s\.css|f\.woff2|v\.mp4|onerror|<script/);
    expect(remoteContent).toEqual({ images: 0, cssUrls: 1, styleSheets: 1, other: 1 });
  });
});
