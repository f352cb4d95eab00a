import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('turns URLs and addresses into links and leaves trailing punctuation out', () => {
    expect(linkify('See https://colibri.test/docs. Or mail bob@colibri.test, or www.example.org!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://colibri.test/docs', href: 'https://colibri.test/docs' },
      { kind: 'text', text: '. Or mail ' },
      { kind: 'link', text: 'bob@colibri.test', href: 'mailto:bob@colibri.test' },
      { kind: 'text', text: ', or ' },
      { kind: 'link', text: 'www.example.org', href: 'https://www.example.org' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never makes a javascript: link', () => {
    expect(linkify('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
  });

  it('keeps a closing parenthesis that belongs to the URL', () => {
    expect(linkify('(https://en.wikipedia.org/wiki/Hummingbird_(bird))')[1]).toEqual({
      kind: 'link',
      text: 'https://en.wikipedia.org/wiki/Hummingbird_(bird)',
      href: 'https://en.wikipedia.org/wiki/Hummingbird_(bird)',
    });
  });
});
