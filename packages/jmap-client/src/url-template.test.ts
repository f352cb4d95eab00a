import { describe, expect, it } from 'vitest';
import { expandUriTemplate } from './url-template.js';

describe('expandUriTemplate (RFC 6570 level 1)', () => {
  it('percent-encodes everything outside the unreserved set', () => {
    expect(expandUriTemplate('/x/{a}?t={b}', { a: "é l'a*", b: 'text/plain; charset=utf-8' })).toBe(
      '/x/%C3%A9%20l%27a%2A?t=text%2Fplain%3B%20charset%3Dutf-8',
    );
  });

  it('expands a missing variable to the empty string and keeps literal text', () => {
    expect(expandUriTemplate('/e?types={types}&ping={ping}', { types: '*' })).toBe('/e?types=%2A&ping=');
  });
});
