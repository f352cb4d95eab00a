/** Explicit limits on what the MIME parser will walk; beyond them content is kept but not indexed. */
export const mimeLimits = {
  /** Multipart nesting deeper than this is not descended into (its subtree is dropped from the index). */
  maxDepth: 20,
  /** Parts beyond this count are not indexed (the raw message is still stored whole). */
  maxParts: 500,
  /** Total header bytes across all parts; postal-mime rejects more, and we fall back to a raw leaf. */
  maxHeaderBytes: 1024 * 1024,
  /** Largest message the store accepts (SMTP announces a smaller SIZE). */
  maxMessageBytes: 64 * 1024 * 1024,
  /** Characters of body text kept in the full-text index. */
  maxIndexedTextChars: 256 * 1024,
  previewChars: 256,
} as const;
