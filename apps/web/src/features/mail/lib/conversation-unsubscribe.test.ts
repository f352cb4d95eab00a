import { describe, expect, it, vi } from 'vitest';
import { postOneClickUnsubscribe, unsubscribeMethod } from './conversation-unsubscribe';

describe('unsubscribeMethod', () => {
  const urls = ['mailto:leave@list.example?subject=unsubscribe', 'https://list.example/u/123'];

  it('offers one-click only with the exact RFC 8058 Post field and an https URL', () => {
    expect(unsubscribeMethod(urls, 'List-Unsubscribe=One-Click')).toEqual({
      kind: 'one-click',
      url: 'https://list.example/u/123',
    });
    expect(unsubscribeMethod(urls, null)).toEqual({ kind: 'link', url: 'https://list.example/u/123' });
    expect(unsubscribeMethod(urls, 'List-Unsubscribe=Later')).toEqual({
      kind: 'link',
      url: 'https://list.example/u/123',
    });
    expect(unsubscribeMethod(['http://list.example/u'], 'List-Unsubscribe=One-Click')).toBeNull();
  });

  it('falls back to mailto, and never offers another scheme', () => {
    expect(unsubscribeMethod([urls[0]!], 'List-Unsubscribe=One-Click')).toEqual({
      kind: 'link',
      url: 'mailto:leave@list.example?subject=unsubscribe',
    });
    expect(unsubscribeMethod(['javascript:alert(1)', 'data:text/html,x', 'not a url'], null)).toBeNull();
    expect(unsubscribeMethod(null, null)).toBeNull();
  });

  it('posts the one-click body without cookies or referrer (RFC 8058 §3.1)', async () => {
    const fetchMock = vi.fn(async () => new Response(null));
    await postOneClickUnsubscribe('https://list.example/u/123', fetchMock as unknown as typeof fetch);
    expect(fetchMock).toHaveBeenCalledWith('https://list.example/u/123', {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
  });
});
