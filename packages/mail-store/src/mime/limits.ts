/**
 * Explicit limits on what the MIME walker indexes. Beyond them content is kept (the raw message is
 * stored whole and downloadable) but not walked, so that hostile input costs bounded work.
 */
export const mimeLimits = {
  /** Multiparts nested deeper than this keep their container but are not descended into. */
  maxDepth: 20,
  /** Body parts (containers included) beyond this count are left out of the tree. */
  maxParts: 500,
  /** One entity's header block; fields past this size are dropped (the body is still found). */
  maxHeaderBlockBytes: 64 * 1024,
  /** Largest message the store accepts (SMTP announces a smaller SIZE). */
  maxMessageBytes: 64 * 1024 * 1024,
  /** Characters of body text kept in the full-text index. */
  maxIndexedTextChars: 256 * 1024,
  /** RFC 8621 §4.1.4: the preview is at most 256 characters. */
  previewChars: 256,
} as const;
