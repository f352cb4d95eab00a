import PostalMime from 'postal-mime';
import type { Email as PostalEmail } from 'postal-mime';
import { mimeLimits } from './limits.js';

/**
 * The subset of postal-mime's (internal) MIME node tree that we read. postal-mime's public result
 * flattens the message; RFC 8621 needs the tree, so we take `parser.root` — pinned to an exact
 * postal-mime version in the catalog, and covered by the tests and the peer vectors.
 */
export interface PostalNode {
  childNodes: PostalNode[];
  headers: { key: string; originalKey: string; value: string }[];
  contentType: {
    value: string;
    parsed: { value: string; params: Record<string, string> };
    multipart: string | false;
  };
  contentDisposition: { value: string; parsed: { value: string; params: Record<string, string> } };
  contentId?: string;
  content: ArrayBuffer | null;
  getTextContent(): string;
}

export interface PostalParse {
  email: PostalEmail;
  root: PostalNode;
}

/** Parses with postal-mime and returns both its flat result and its tree. Rejects on hard limits. */
export async function parseWithPostal(raw: Uint8Array): Promise<PostalParse> {
  const parser = new PostalMime({
    maxNestingDepth: 64,
    maxHeadersSize: mimeLimits.maxHeaderBytes,
    attachmentEncoding: 'arraybuffer',
  });
  const email = await parser.parse(raw);
  const root = (parser as unknown as { root: PostalNode }).root;
  return { email, root };
}
