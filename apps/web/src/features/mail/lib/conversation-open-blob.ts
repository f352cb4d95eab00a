/** Blob URLs made to show a download in a new tab are released after this long. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Opens a blob from the download URL (RFC 8620 §6.2) in a new tab as `type`. The BFF sends every
 * download as an attachment (so a document never renders on our origin); here the bytes are read
 * and re-typed by us, so a PDF opens in the browser's viewer and a raw message as plain text,
 * whatever the sender claimed. The tab gets no handle on this page (noopener).
 */
export async function openBlobInNewTab(downloadUrl: string, type: string): Promise<void> {
  const response = await fetch(downloadUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Download failed with HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
