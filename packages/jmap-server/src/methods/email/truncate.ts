const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * RFC 8621 §4.2 maxBodyValueBytes: at most `maxBytes` octets of UTF-8, cut before a code point
 * that would straddle the limit, never in the middle of one.
 */
export function truncateUtf8(value: string, maxBytes: number): { value: string; isTruncated: boolean } {
  if (maxBytes <= 0) return { value, isTruncated: false };
  const bytes = encoder.encode(value);
  if (bytes.length <= maxBytes) return { value, isTruncated: false };
  let cut = maxBytes;
  // bytes[cut] is the first octet left out; while it continues a sequence (10xxxxxx), back off.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return { value: decoder.decode(bytes.subarray(0, cut)), isTruncated: true };
}
