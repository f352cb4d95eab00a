import { describe, expect, it } from 'vitest';
import { baseSubject, collapseWhitespace, htmlToText } from './text.js';

describe('baseSubject', () => {
  it('strips reply and forward prefixes, list tags and (fwd) trailers', () => {
    expect(baseSubject('Re: RE: Fwd: Budget 2027')).toBe('budget 2027');
    expect(baseSubject('[colibri-dev] Re: Budget 2027 (fwd)')).toBe('budget 2027');
    expect(baseSubject('AW: Re[2]: Budget   2027')).toBe('budget 2027');
    expect(baseSubject(null)).toBe('');
  });
});

describe('htmlToText', () => {
  it('keeps visible text, drops scripts and styles, decodes entities', () => {
    const html =
      '<style>p{}</style><p>Hello&nbsp;&amp; <b>welcome</b></p><script>alert(1)</script>&#x1F600;&#9999999;';
    expect(collapseWhitespace(htmlToText(html))).toBe('Hello & welcome 😀');
  });
});
