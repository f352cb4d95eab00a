import type { ParsedMessage } from '../mime/parse-message.js';
import type { Address } from '../model.js';
import type { SearchDocument } from '../ports/search-index.js';

/** An address list as index words: "name email" per address. */
function addressWords(list: readonly Address[] | null | undefined): string {
  return (list ?? []).map((a) => `${a.name ?? ''} ${a.email}`).join(' ');
}

/** What the search index gets of a parsed message. */
export function searchDocumentOf(
  parsed: Pick<ParsedMessage, 'subject' | 'from' | 'to' | 'cc' | 'bcc' | 'indexText'>,
  attachmentNames: readonly string[],
): SearchDocument {
  return {
    subject: parsed.subject ?? '',
    from: addressWords(parsed.from),
    to: addressWords(parsed.to),
    cc: addressWords(parsed.cc),
    bcc: addressWords(parsed.bcc),
    body: parsed.indexText,
    attachmentNames,
  };
}
