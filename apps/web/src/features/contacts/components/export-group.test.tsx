import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { renderContactsPage } from '../testing/render-contacts';

/** The downloaded file: jsdom has no object URLs, so the Blob is kept as the browser would. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  const text = (blob: Blob) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
  return { blobs, names, text };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('export (mock server)', { timeout: 30_000 }, () => {
  it('a selected group exports only its members, in a file named after it', async () => {
    const downloads = captureDownloads();
    const { calls, user } = renderContactsPage();
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Pioneers 2' }));
    await screen.findByText('2 contacts');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(downloads.names).toEqual(['Pioneers.vcf']);
    const vcf = await downloads.text(downloads.blobs[0]!);
    expect(vcf.match(/^FN:.*$/gm)).toEqual(['FN:Ada Lovelace', 'FN:Alan Turing']);
    const query = calls.filter((c) => c.name === 'ContactCard/query').at(-1)?.args;
    expect(query?.filter).toEqual({
      operator: 'OR',
      conditions: [{ uid: 'urn:uuid:C1' }, { uid: 'urn:uuid:C3' }],
    });
  });

  it('"All contacts" still exports every card of the writable books', async () => {
    const downloads = captureDownloads();
    const { user } = renderContactsPage();
    await screen.findByText('3 contacts');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const vcf = await downloads.text(downloads.blobs[0]!);
    expect(vcf.match(/^FN:.*$/gm)?.length).toBe(4);
    expect(downloads.names).toEqual(['All contacts.vcf']);
  });
});
