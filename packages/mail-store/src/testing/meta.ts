import { describe, expect, it } from 'vitest';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeMeta(factory: MailStoreFactory): void {
  describe('installation meta', () => {
    const f = useFixture(factory);

    it('gets, sets and overwrites small settings', async () => {
      const { store } = f();
      expect(await store.getMeta('demo')).toBeNull();
      await store.setMeta('demo', 'seeded');
      await store.setMeta('other', '');
      expect(await store.getMeta('demo')).toBe('seeded');
      expect(await store.getMeta('other')).toBe('');
      await store.setMeta('demo', 'again');
      expect(await store.getMeta('demo')).toBe('again');
    });
  });
}
