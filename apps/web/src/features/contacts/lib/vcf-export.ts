import { jscontactToVCard } from '@colibri/vcard';
import type { Card as VCardCard } from '@colibri/vcard';
import type { ContactCard } from '@colibri/jmap-types';

/**
 * A `.vcf` of the cards (vCard 4.0, RFC 6350, through packages/vcard and RFC 9555). The JMAP
 * members `id` and `addressBookIds` (RFC 9610 §3) are not JSContact and stay out of the file.
 */
export function cardsToVcf(cards: readonly ContactCard[]): string {
  const plain = cards.map(({ id: _id, addressBookIds: _books, ...card }) => card as unknown as VCardCard);
  return jscontactToVCard(plain);
}

/** A file name from a book's name, without characters file systems refuse. */
export function vcfFileName(bookName: string): string {
  const printable = [...bookName].map((c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'contacts';
  return `${base}.vcf`;
}

/** Offers a text as a download (the browser's save dialog or Downloads folder). */
export function downloadText(text: string, fileName: string, type = 'text/vcard;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
