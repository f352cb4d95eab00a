import { describe, expect, it } from 'vitest';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeIntegrity(factory: MailStoreFactory): void {
  describe('integrity check', () => {
    const f = useFixture(factory);

    it('reports no problem for a healthy store after imports, moves, flags and destroys', async () => {
      const { store, account, importMail } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive', role: 'archive' });
      const a = await importMail({ Subject: 'one', 'Message-ID': '<1@x>' }, { body: 'first' });
      const b = await importMail(
        { Subject: 'Re: one', 'In-Reply-To': '<1@x>', 'Content-Type': 'multipart/mixed; boundary=q' },
        { body: '--q\n\nbody\n--q\nContent-Type: application/pdf\n\n%PDF\n--q--' },
      );
      const c = await importMail({ Subject: 'three' }, { body: 'third', keywords: ['$seen'] });
      await store.setMailboxes(account.id, b.id, [archive.id]);
      await store.setKeywords(account.id, a.id, ['$seen']);
      await store.destroyEmails(account.id, [c.id]);
      const report = await store.checkIntegrity();
      expect(report.problems).toEqual([]);
      expect(report.emails).toBe(2);
      expect(report.blobsChecked).toBeGreaterThanOrEqual(4);
      // The destroyed email's raw message (and its parts, if the backend stores them apart): named
      // by nothing until GC removes them.
      expect(report.warnings.map((w) => w.subject)).toContain(c.blobId);
      expect(report.unreferencedBlobs).toBe(report.warnings.length);
      expect(new Set(report.warnings.map((w) => w.kind))).toEqual(new Set(['unreferencedBlob']));
      expect((await store.checkIntegrity({ hashSample: 0.5 })).problems).toEqual([]);
    });
  });
}
