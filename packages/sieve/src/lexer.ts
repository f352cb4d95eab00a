import { errorAt } from './position.js';
import type { Position } from './position.js';
import type { SieveError } from './types.js';

/** One lexical token (RFC 5228 §8.1). `value` is the decoded string, the lower-cased name, or the number. */
export type Token =
  | { kind: 'identifier'; name: string; position: Position }
  | { kind: 'tag'; name: string; position: Position }
  | { kind: 'number'; value: number; position: Position }
  | { kind: 'string'; value: string; position: Position }
  | { kind: 'punct'; char: string; position: Position }
  | { kind: 'end'; position: Position };

export interface LexResult {
  tokens: Token[];
  errors: SieveError[];
}

const QUANTIFIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const PUNCTUATION = '[](),;{}';

function isIdentifierStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentifierPart(c: string): boolean {
  return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Splits a script into tokens, collecting every lexical error instead of stopping at the first. */
export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  const errors: SieveError[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;

  const here = (): Position => ({ line, column: index - lineStart + 1 });
  const advance = (): string => {
    const c = source[index++] ?? '';
    if (c === '\n') {
      line += 1;
      lineStart = index;
    }
    return c;
  };
  const peek = (offset = 0): string => source[index + offset] ?? '';

  /**
   * Consumes one character of a string or comment, reporting what RFC 5228 §8.1 excludes: NUL,
   * and lone surrogates (no valid UTF-8). The position is only built for an error.
   */
  const consumeChecked = (): void => {
    const code = source.charCodeAt(index);
    if (code === 0) errors.push(errorAt(here(), 'NUL character is not allowed in a script'));
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = source.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
      else errors.push(errorAt(here(), 'invalid UTF-8 (unpaired surrogate) in the script'));
    }
    advance();
  };

  const skipHashComment = (): void => {
    while (index < source.length && source[index] !== '\n') consumeChecked();
  };

  const skipBracketComment = (start: Position): void => {
    index += 2;
    while (index < source.length) {
      if (source[index] === '*' && source[index + 1] === '/') {
        index += 2;
        return;
      }
      consumeChecked();
    }
    errors.push(errorAt(start, 'unterminated bracket comment'));
  };

  // RFC 5228 §2.4.2: only \\ and \" are defined; any other backslash is dropped. The text is
  // taken in slices between escapes, not a character at a time.
  const readQuoted = (start: Position): string => {
    advance();
    let value = '';
    let from = index;
    while (index < source.length) {
      const c = source[index];
      if (c === '"') {
        value += source.slice(from, index);
        advance();
        return value;
      }
      if (c === '\\') {
        value += source.slice(from, index);
        advance();
        if (index >= source.length) break;
        from = index;
      }
      consumeChecked();
    }
    errors.push(errorAt(start, 'unterminated quoted string'));
    return value + source.slice(from, index);
  };

  // RFC 5228 §2.4.2 and §8.1: "text:", optional white space or hash comment, CRLF, lines, ".".
  const readMultiline = (start: Position): string => {
    for (let i = 0; i < 5; i++) advance();
    while (peek() === ' ' || peek() === '\t') advance();
    if (peek() === '#') skipHashComment();
    if (peek() === '\r') advance();
    if (peek() !== '\n') {
      errors.push(errorAt(here(), 'expected a line break after "text:"'));
      return '';
    }
    advance();
    let value = '';
    while (index < source.length) {
      const from = index;
      while (index < source.length && source[index] !== '\n') consumeChecked();
      const lineText = source.slice(from, index);
      const ended = index < source.length;
      if (ended) advance();
      const content = lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText;
      if (content === '.') return value;
      // Dot-stuffing: a line starting with "." carries one extra dot.
      value += (content.startsWith('.') ? content.slice(1) : content) + (ended ? '\r\n' : '');
    }
    errors.push(errorAt(start, 'unterminated multi-line string (missing a line with a single ".")'));
    return value;
  };

  const readNumber = (start: Position): number => {
    let digits = '';
    while (isDigit(peek())) digits += advance();
    const quantifier = QUANTIFIERS[peek().toLowerCase()];
    if (quantifier !== undefined) advance();
    const value = Number(digits) * (quantifier ?? 1);
    if (!Number.isSafeInteger(value)) {
      errors.push(errorAt(start, `number ${digits} is too large`));
      return Number.MAX_SAFE_INTEGER;
    }
    if (isIdentifierStart(peek())) errors.push(errorAt(here(), `unexpected "${peek()}" after a number`));
    return value;
  };

  const readName = (): string => {
    let name = '';
    while (isIdentifierPart(peek())) name += advance();
    return name.toLowerCase();
  };

  while (index < source.length) {
    const c = peek();
    const start = here();
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') advance();
    else if (c === '#') skipHashComment();
    else if (c === '/' && peek(1) === '*') skipBracketComment(start);
    else if (c === '"') tokens.push({ kind: 'string', value: readQuoted(start), position: start });
    else if (isDigit(c)) tokens.push({ kind: 'number', value: readNumber(start), position: start });
    else if (c === ':' && isIdentifierStart(peek(1))) {
      advance();
      tokens.push({ kind: 'tag', name: readName(), position: start });
    } else if (isIdentifierStart(c)) {
      if (source.slice(index, index + 5).toLowerCase() === 'text:') {
        tokens.push({ kind: 'string', value: readMultiline(start), position: start });
      } else tokens.push({ kind: 'identifier', name: readName(), position: start });
    } else if (PUNCTUATION.includes(c)) {
      advance();
      tokens.push({ kind: 'punct', char: c, position: start });
    } else {
      const from = index;
      consumeChecked();
      if (c !== '\0') errors.push(errorAt(start, `unexpected character "${source.slice(from, index)}"`));
    }
  }
  tokens.push({ kind: 'end', position: here() });
  return { tokens, errors };
}
