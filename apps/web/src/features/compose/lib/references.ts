/** The threading fields of a reply (RFC 5322 §3.6.4), as JMAP message-id lists (RFC 8621 §4.1.2.4). */
export interface ThreadingFields {
  inReplyTo: string[] | null;
  references: string[] | null;
}

/** What of the parent message the threading fields are made from. */
export interface ParentIds {
  messageId: string[] | null;
  inReplyTo: string[] | null;
  references: string[] | null;
}

/**
 * Above this many ids, References keeps the first (the thread's root) and the latest ones: a
 * long thread must not grow the header without bound (Thunderbird and Gmail trim the same way).
 */
export const MAX_REFERENCES = 20;

/**
 * RFC 5322 §3.6.4: In-Reply-To is the parent's Message-ID; References is the parent's References
 * (or, without them, its single In-Reply-To) followed by the parent's Message-ID. A parent without
 * a Message-ID gives neither field.
 */
export function replyThreading(parent: ParentIds): ThreadingFields {
  const parentId = parent.messageId?.[0];
  if (!parentId) return { inReplyTo: null, references: null };
  const before = parent.references?.length
    ? parent.references
    : parent.inReplyTo?.length === 1
      ? parent.inReplyTo
      : [];
  const chain = [...new Set([...before, parentId].filter((id) => id.length > 0))];
  if (chain.length > MAX_REFERENCES) chain.splice(1, chain.length - MAX_REFERENCES);
  return { inReplyTo: [parentId], references: chain };
}
