/**
 * The public contract of @colibri/sieve: what a script is once parsed, what the interpreter needs
 * to know about one delivered message, and the actions it decides. The mail store and the BFF
 * depend only on these types; the AST behind `SieveScript` is private to this package.
 */

/** A problem in a script, with its position (1-based line and column) for the user to fix it. */
export interface SieveError {
  line: number;
  column: number;
  message: string;
}

/** A parsed and validated script, ready to run on any number of messages. Opaque outside the package. */
export interface SieveScript {
  /** The extensions the script `require`s, lower-case, in order of appearance. */
  readonly requires: readonly string[];
}

export type ParseResult = { ok: true; script: SieveScript } | { ok: false; errors: SieveError[] };

/** Limits applied while parsing; every one has a default in `SIEVE_LIMITS`. */
export interface ParseOptions {
  /** Extensions the caller allows (default: all of `SUPPORTED_EXTENSIONS`). */
  extensions?: readonly string[];
  /** Longest script in bytes (UTF-8). */
  maxScriptBytes?: number;
  /** Deepest nesting of blocks and tests. */
  maxNesting?: number;
}

/** The message as the interpreter sees it: read-only and already parsed by the caller. */
export interface SieveMessage {
  /**
   * Every value of a header field, in message order, unfolded and with RFC 2047 encoded words
   * decoded; an empty array when the field is absent. The name is case-insensitive.
   */
  header(name: string): readonly string[];
  /** The size of the whole message in octets (RFC 5228 §5.9). */
  readonly size: number;
  /** SMTP envelope (RFC 5228 §5.4): MAIL FROM (empty for a null reverse-path) and this copy's RCPT TO. */
  readonly envelope: { readonly from: string; readonly to: string };
  /**
   * The body for the `body` test (RFC 5173): `text` is the decoded text of the text/* parts,
   * `raw` the undecoded body after the header. May be called lazily, at most once per transform.
   */
  body(transform: 'text' | 'raw'): string;
}

/** What the interpreter knows about the recipient and the moment of delivery. */
export interface SieveEnvironment {
  /** Current time, for `date`/`currentdate` tests and vacation. */
  now: Date;
  /** Does a mailbox of that name exist (RFC 5490 `mailboxexists`)? */
  mailboxExists?(name: string): boolean;
  /** Does a mailbox of that id exist (RFC 9042 `:mailboxid`)? */
  mailboxIdExists?(id: string): boolean;
}

/**
 * Actions decided for one message, in script order. `keep` is always explicit in the outcome:
 * the interpreter applies RFC 5228's implicit keep (§2.10.2) and cancels it where the RFCs say.
 * Flags are IMAP flags as written in the script (`\\Seen`, `$Forwarded`); the caller maps them.
 */
export type SieveAction =
  | { type: 'keep'; flags: readonly string[] }
  | {
      type: 'fileinto';
      /** Mailbox name as written (hierarchy separated by "/"); ignored when `mailboxId` is set and exists. */
      mailbox: string;
      /** RFC 9042 `:mailboxid`. */
      mailboxId?: string;
      /** RFC 5490 `:create`. */
      create: boolean;
      flags: readonly string[];
    }
  | { type: 'redirect'; address: string }
  | { type: 'discard' }
  /** RFC 5429: `reject` (a DSN/MDN after delivery) or `ereject` (refuse at the SMTP level when possible). */
  | { type: 'reject'; reason: string; extended: boolean }
  /** RFC 5230. The caller decides whether to send (RFC 3834 checks, once per sender per period). */
  | {
      type: 'vacation';
      reason: string;
      /** `:mime`: `reason` is a MIME entity (header and body), not plain text. */
      mime: boolean;
      subject?: string;
      from?: string;
      /** Extra addresses of the recipient (`:addresses`). */
      addresses: readonly string[];
      /** Response period in seconds (`:days` × 86400 or RFC 6131 `:seconds`), already clamped. */
      periodSeconds: number;
      /** `:handle`, or one derived from the reason, subject and from, to tell responses apart. */
      handle: string;
    };

export interface SieveOutcome {
  actions: SieveAction[];
  /**
   * Run-time errors (RFC 5228 §2.10.6). When there is one, the actions above are what ran before
   * it, plus an implicit keep: the message is never lost because of a faulty script.
   */
  errors: string[];
}

/** Limits while running; every one has a default in `SIEVE_LIMITS`. */
export interface EvaluateOptions {
  /** Most redirects one run may perform (RFC 5228 §4.2 asks for a limit). */
  maxRedirects?: number;
  /** Most actions of any kind. */
  maxActions?: number;
  /** Most tests and commands evaluated, so that no script can loop a delivery. */
  maxSteps?: number;
}
