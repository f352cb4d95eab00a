/**
 * `:matches` patterns (RFC 5228 §2.7.1): "*" any sequence, "?" one character, "\" quotes the next.
 * Matching is the two-pointer scan that only ever backtracks to the last "*": O(pattern × text)
 * in the worst case, never exponential, so a hostile pattern cannot hang a delivery.
 */

/** Thrown when one run has spent its matching budget (see `MatchBudget`). */
export class MatchBudgetExceeded extends Error {}

/**
 * Character comparisons a run may still spend on `:matches`. Both the pattern (from the script)
 * and the text (from the message) may be large, so O(pattern × text) alone is no bound.
 */
export interface MatchBudget {
  remaining: number;
}

type Piece = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; char: string };

function compile(pattern: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') pieces.push({ kind: 'star' });
    else if (c === '?') pieces.push({ kind: 'one' });
    else if (c === '\\' && i + 1 < pattern.length) pieces.push({ kind: 'char', char: pattern[++i] ?? '' });
    else pieces.push({ kind: 'char', char: c });
  }
  return pieces;
}

/**
 * Matches `text` against `pattern` (both already folded by the comparator). On success returns
 * the [start, end) span of each wildcard, in order, for RFC 5229 §3.2 match variables; each "*"
 * takes the shortest text that lets the rest match, left to right. Both are arrays of Unicode
 * characters: "?" is one character, never half of a surrogate pair.
 */
export function matchWildcard(
  pattern: readonly string[],
  text: readonly string[],
  budget: MatchBudget = { remaining: Number.POSITIVE_INFINITY },
): Array<[number, number]> | null {
  const pieces = compile(pattern);
  const ends = new Array<number>(pieces.length).fill(-1);
  const starts = new Array<number>(pieces.length).fill(-1);
  let p = 0;
  let t = 0;
  let starPiece = -1;
  let starText = 0;
  while (t < text.length) {
    budget.remaining -= 1;
    if (budget.remaining < 0) throw new MatchBudgetExceeded();
    const piece = pieces[p];
    if (piece !== undefined && piece.kind === 'star') {
      starPiece = p;
      starText = t;
      starts[p] = t;
      ends[p] = t;
      p += 1;
    } else if (piece !== undefined && (piece.kind === 'one' || piece.char === text[t])) {
      starts[p] = t;
      ends[p] = t + 1;
      p += 1;
      t += 1;
    } else if (starPiece >= 0) {
      // Let the last "*" take one more character and retry what follows it.
      starText += 1;
      ends[starPiece] = starText;
      p = starPiece + 1;
      t = starText;
    } else return null;
  }
  while (p < pieces.length && pieces[p]?.kind === 'star') {
    starts[p] = t;
    ends[p] = t;
    p += 1;
  }
  if (p < pieces.length) return null;
  const spans: Array<[number, number]> = [];
  pieces.forEach((piece, i) => {
    if (piece.kind !== 'char') spans.push([starts[i] ?? 0, ends[i] ?? 0]);
  });
  return spans;
}
