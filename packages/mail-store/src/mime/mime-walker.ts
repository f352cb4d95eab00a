import { DelimiterScanner, type DelimiterEvents } from './delimiter-scanner.js';
import { lastField, type HeaderField } from './header-block.js';
import { HeaderReader, type HeaderResult } from './header-reader.js';
import { mimeLimits } from './limits.js';
import {
  contentType,
  describePart,
  mimePart,
  type MimeLeaf,
  type MimePart,
  type MimeTree,
} from './mime-part.js';
import { createTransferDecoder, type TransferDecoder } from './transfer-decoding.js';

export type { MimeLeaf, MimePart, MimeTree } from './mime-part.js';

/** Where a leaf's transfer-decoded content goes, chunk by chunk. */
export interface LeafSink {
  /** Decoded bytes; may be a view of the chunk given to the walker: copy it to keep it past the call. */
  write(decoded: Uint8Array): void;
  /** The leaf is complete. Return its content to have it set as the part's `content` (else null). */
  end(): Uint8Array | void;
  /**
   * The part is not a leaf after all: forget what was written. Happens only to a multipart whose
   * body showed no delimiter in its first 64 KiB: it is streamed as its text/plain fallback (RFC 2045
   * §5.2) until a part turns up.
   */
  abort(): void;
}

export interface MimeWalkerOptions {
  /** Called when a leaf's body starts (in document order); returns where its content goes. */
  onLeaf(leaf: MimeLeaf): LeafSink;
}

/** Push-based MIME walk: feed the raw message in chunks cut anywhere, then `end()` for the tree. */
export interface MimeWalker {
  write(chunk: Uint8Array): void;
  /** The tree `parseMimeTree` gives; a leaf's content is what its sink's `end()` returned, or null. */
  end(): MimeTree;
}

interface Walk {
  parts: number;
  onLeaf(leaf: MimeLeaf): LeafSink;
}

interface Body {
  write(raw: Uint8Array): void;
  end(): MimePart;
  /** Drops the body: its sinks are aborted. */
  abort(): void;
}

/**
 * Undetermined bytes held before going on speculatively: a multipart start before streaming it as
 * its text/plain fallback, a part's blank start before opening the part.
 */
const maxPendingBytes = mimeLimits.maxHeaderBlockBytes;

const childId = (prefix: string, index: number) => (prefix === '' ? String(index) : `${prefix}.${index}`);
/** The root multipart has no number of its own; a message that is a single part is part "1". */
const leafId = (partId: string) => (partId === '' ? '1' : partId);

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.byteLength; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/** One entity: its header block, then a leaf body or a multipart body. */
class Entity {
  private readonly header = new HeaderReader();
  private body: Body | null = null;

  constructor(
    private readonly walk: Walk,
    private readonly partId: string,
    private readonly depth: number,
    private readonly defaultType: string,
  ) {
    walk.parts += 1;
  }

  write(chunk: Uint8Array): void {
    if (this.body) {
      this.body.write(chunk);
      return;
    }
    const head = this.header.write(chunk);
    if (head) this.open(head);
  }

  end(): MimePart {
    if (!this.body) this.open(this.header.end());
    return this.body!.end();
  }

  abort(): void {
    this.body?.abort();
  }

  private open({ fields, body }: HeaderResult): void {
    const { type, params } = contentType(fields, this.defaultType);
    const encoding = lastField(fields, 'content-transfer-encoding');
    const { walk, partId, depth } = this;
    this.body = type.startsWith('multipart/')
      ? new MultipartBody(walk, { fields, type, params, partId, depth, encoding })
      : new LeafBody(walk, describePart(fields, type, params, leafId(partId)), encoding);
    for (const piece of body) this.body.write(piece);
  }
}

/** A leaf: transfer-decoded into its sink as it comes. */
class LeafBody implements Body {
  private size = 0;
  private readonly decoder: TransferDecoder;
  private readonly sink: LeafSink;

  constructor(
    walk: Walk,
    private readonly description: MimeLeaf,
    encoding: string | null,
  ) {
    this.decoder = createTransferDecoder(encoding);
    this.sink = walk.onLeaf({ ...description });
  }

  write(raw: Uint8Array): void {
    this.emit(this.decoder.decode(raw));
  }

  end(): MimePart {
    this.emit(this.decoder.flush());
    const kept = this.sink.end();
    return mimePart(this.description, this.size, kept instanceof Uint8Array ? kept : null, null);
  }

  abort(): void {
    this.sink.abort();
  }

  private emit(decoded: Uint8Array): void {
    if (decoded.byteLength === 0) return;
    this.size += decoded.byteLength;
    this.sink.write(decoded);
  }
}

interface MultipartHeader {
  fields: HeaderField[];
  type: string;
  params: Record<string, string>;
  partId: string;
  depth: number;
  encoding: string | null;
}

/**
 * A multipart body (RFC 2046 §5.1). Until a body part is sure to exist (a second delimiter, or
 * non-blank content after the first), the body may still be a text/plain leaf: a Content-Type
 * without a usable boundary is invalid (RFC 2045 §5.2), and its content must not be lost. Those
 * bytes are held (up to `maxPendingBytes`, then streamed into that leaf, aborted if a part turns up).
 * Likewise a part is opened once it is sure to count (an unterminated last part that is blank does
 * not), or speculatively once its blank start passes `maxPendingBytes`, and then retracted if the
 * body ends while it is still blank.
 */
class MultipartBody implements Body, DelimiterEvents {
  private state: 'preamble' | 'first-blank' | 'parts' | 'leaf' = 'preamble';
  private readonly scanner: DelimiterScanner;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private nonBlank = false;
  private fallback: LeafBody | null = null;
  private readonly subParts: MimePart[] = [];
  private ranges = 0;
  /** The open part: its blank bytes while it has no entity yet, its entity, or skipped (limits). */
  private blank: Uint8Array[] = [];
  private blankBytes = 0;
  private partBlank = true;
  private child: Entity | null = null;
  private skipping = false;

  constructor(
    private readonly walk: Walk,
    private readonly header: MultipartHeader,
  ) {
    this.scanner = new DelimiterScanner(header.params.boundary || null, this);
  }

  write(raw: Uint8Array): void {
    this.scanner.write(raw);
  }

  end(): MimePart {
    this.scanner.end();
    const { fields, type, params } = this.header;
    // An unterminated last part counts unless it is blank.
    if (this.partBlank) this.retractPart();
    if (this.state === 'first-blank' || (this.state === 'preamble' && this.nonBlank)) this.becomeLeaf();
    if (this.state === 'leaf') return this.fallback!.end();
    this.fallback?.abort();
    if (this.child) this.subParts.push(this.child.end());
    return mimePart(describePart(fields, type, params, null), 0, null, this.subParts);
  }

  bytes(raw: Uint8Array, inPart: boolean): void {
    switch (this.state) {
      case 'leaf':
        this.fallback!.write(raw);
        return;
      case 'preamble':
        this.hold(raw);
        return;
      case 'first-blank':
        // Blank so far: both the text fallback and the first part may still be what counts.
        if (inPart && !isBlank(raw)) this.becomeParts();
        else this.hold(raw);
        if (inPart) this.partBytes(raw);
        return;
      case 'parts':
        if (inPart) this.partBytes(raw);
        return;
    }
  }

  delimiter(close: boolean): void {
    if (this.state === 'preamble') {
      // A close-delimiter before any part: no part at all, the body is text.
      if (close) this.becomeLeaf();
      else this.state = 'first-blank';
      return;
    }
    if (this.state === 'first-blank') this.becomeParts();
    if (this.state !== 'parts') return;
    this.endPart();
  }

  private hold(raw: Uint8Array): void {
    if (!this.nonBlank && !isBlank(raw)) this.nonBlank = true;
    if (!this.fallback && this.pendingBytes + raw.byteLength > maxPendingBytes) this.openFallback();
    if (this.fallback) {
      this.fallback.write(raw);
    } else {
      this.pending.push(raw.slice());
      this.pendingBytes += raw.byteLength;
    }
  }

  private openFallback(): void {
    const { fields, partId, encoding } = this.header;
    this.fallback = new LeafBody(this.walk, describePart(fields, 'text/plain', {}, leafId(partId)), encoding);
    for (const piece of this.pending) this.fallback.write(piece);
    this.pending = [];
  }

  private becomeLeaf(): void {
    if (!this.fallback) this.openFallback();
    this.state = 'leaf';
  }

  private becomeParts(): void {
    this.fallback?.abort();
    this.fallback = null;
    this.pending = [];
    this.state = 'parts';
  }

  private partBytes(raw: Uint8Array): void {
    if (this.partBlank && !isBlank(raw)) this.partBlank = false;
    if (this.child) {
      this.child.write(raw);
    } else if (!this.skipping) {
      if (!this.partBlank || this.blankBytes + raw.byteLength > maxPendingBytes) {
        this.openPart().write(raw);
      } else {
        this.blank.push(raw.slice());
        this.blankBytes += raw.byteLength;
      }
    }
  }

  /** The open part ends blank and unterminated: it never was (a speculative entity is dropped). */
  private retractPart(): void {
    if (this.child) {
      this.child.abort();
      this.walk.parts -= 1;
    }
    if (this.child || this.skipping) this.ranges -= 1;
    this.child = null;
    this.skipping = false;
    this.blank = [];
    this.blankBytes = 0;
  }

  abort(): void {
    this.fallback?.abort();
    this.child?.abort();
  }

  /** The open part is sure to count: its entity starts (unless over the limits). */
  private openPart(): { write(raw: Uint8Array): void } {
    this.ranges += 1;
    const { partId, depth, type } = this.header;
    // Too deep or too many: the container stays, its contents are not indexed (the raw message keeps them).
    if (depth >= mimeLimits.maxDepth || this.walk.parts >= mimeLimits.maxParts) {
      this.skipping = true;
      this.blank = [];
      this.blankBytes = 0;
      return { write: () => undefined };
    }
    // RFC 2046 §5.1.5: in a digest, parts are messages unless they say otherwise.
    const childDefault = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    const child = new Entity(this.walk, childId(partId, this.ranges), depth + 1, childDefault);
    this.child = child;
    for (const piece of this.blank) child.write(piece);
    this.blank = [];
    this.blankBytes = 0;
    return child;
  }

  /** A delimiter ends the open part: it counts, even when empty. */
  private endPart(): void {
    if (!this.child && !this.skipping) this.openPart();
    if (this.child) this.subParts.push(this.child.end());
    this.child = null;
    this.skipping = false;
    this.blank = [];
    this.blankBytes = 0;
    this.partBlank = true;
  }
}

/**
 * A push-based walk of a raw message into its MIME tree, with the limits of `mimeLimits` (depth,
 * part count, header block size), never throwing. It holds one header block, a few bytes of carry
 * per level and at most 64 KiB of undetermined start per level, never a body: each leaf's content goes, decoded,
 * to the sink `onLeaf` returns for it.
 */
export function createMimeWalker(options: MimeWalkerOptions): MimeWalker {
  const walk: Walk = { parts: 0, onLeaf: options.onLeaf };
  const root = new Entity(walk, '', 0, 'text/plain');
  return {
    write(chunk) {
      if (chunk.byteLength > 0) root.write(chunk);
    },
    end() {
      const node = root.end();
      return { root: node, headers: node.headers };
    },
  };
}
