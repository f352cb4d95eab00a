import { createMimeWalker, type LeafSink } from './mime-walker.js';
import type { MimeTree } from './mime-part.js';

export type { MimePart, MimeTree } from './mime-part.js';

/** A sink that keeps a leaf's decoded content (one piece as is, several joined) for `content`. */
export function keepingSink(): LeafSink {
  let pieces: Uint8Array[] = [];
  return {
    write: (decoded) => void pieces.push(decoded),
    end: () => (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)),
    abort: () => {
      pieces = [];
    },
  };
}

/**
 * Walks a raw message into its MIME tree without throwing and in linear time per level: nesting
 * deeper than mimeLimits.maxDepth, parts beyond mimeLimits.maxParts and header blocks over
 * mimeLimits.maxHeaderBlockBytes are cut off (the raw message still holds them). This is the
 * streaming walker (`createMimeWalker`) fed the whole message at once, keeping every leaf's content.
 */
export function parseMimeTree(raw: Uint8Array): MimeTree {
  const walker = createMimeWalker({ onLeaf: keepingSink });
  walker.write(raw);
  return walker.end();
}
