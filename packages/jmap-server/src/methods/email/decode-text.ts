/** ASCII-compatible labels for which valid UTF-8 is the better reading (mislabelled mail is common). */
const ASCII_LABELS = new Set(['us-ascii', 'ascii', 'utf-8', 'utf8']);

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
}

/**
 * RFC 8621 §4.1.4 EmailBodyValue: a part's octets (transfer encoding already undone) decoded with
 * its charset, us-ascii when none (RFC 2045 §5.2). Unknown charsets and malformed sections are
 * decoded best-effort as UTF-8 with U+FFFD and flagged `isEncodingProblem`.
 */
export function decodeText(
  bytes: Uint8Array,
  charset: string | null,
): { text: string; isEncodingProblem: boolean } {
  const label = (charset ?? 'us-ascii').trim().toLowerCase();
  const decoders = ASCII_LABELS.has(label) ? [decoderFor('utf-8')] : [decoderFor(label)];
  for (const decoder of decoders) {
    if (decoder === null) continue;
    try {
      return { text: decoder.decode(bytes), isEncodingProblem: false };
    } catch {
      // Malformed for this charset: fall through to the lenient reading.
    }
  }
  return { text: new TextDecoder('utf-8').decode(bytes), isEncodingProblem: true };
}
