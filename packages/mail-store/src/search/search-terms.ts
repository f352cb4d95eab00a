/** Search terms past this many are ignored (each term is one phrase for the index). */
export const maxSearchTerms = 16;

/**
 * The terms of a search box's text: whitespace-separated words, each matched as a word prefix by
 * the search index, never as query syntax. A word without a letter or digit is dropped (it has no
 * token and would make the whole condition match nothing); no terms means no condition.
 */
export function searchTerms(text: string | undefined, max = maxSearchTerms): string[] {
  return (text ?? '')
    .split(/\s+/)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, max);
}
