import { describe, expect, it } from 'vitest';
import { rankAddresses } from './recent-addresses';

describe('rankAddresses', () => {
  it('most used first, then most recent; each address once, with a name when one was seen', () => {
    const ranked = rankAddresses([
      { to: [{ name: null, email: 'bob@x' }], cc: [{ name: null, email: 'carol@x' }] },
      { to: [{ name: 'Dave', email: 'dave@x' }] },
      { to: [{ name: 'Bob', email: 'BOB@x' }], bcc: [{ name: null, email: 'eve@x' }] },
    ]);
    expect(ranked).toEqual([
      { name: 'Bob', email: 'BOB@x' },
      { name: null, email: 'carol@x' },
      { name: 'Dave', email: 'dave@x' },
      { name: null, email: 'eve@x' },
    ]);
  });
});
