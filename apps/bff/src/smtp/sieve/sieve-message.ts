import {
  messageBodyText,
  messageHeaderFields,
  messageRawBody,
  unfold,
  unstructuredText,
} from '@colibri/mail-store';
import type { SieveMessage } from '@colibri/sieve';

/**
 * The message as the Sieve interpreter sees it (RFC 5228 §5.4, §5.7, RFC 5173), read with the
 * store's own MIME parser. `head` holds the whole header section (the trace fields we prepend
 * included); `whole` is the full message, given only when the script can look at the body
 * (it `require`s "body"), since a spooled message is read from disk to get it.
 */
export function sieveMessageOf(
  head: Uint8Array,
  whole: Uint8Array | null,
  size: number,
  envelope: { from: string; to: string },
): SieveMessage {
  const fields = new Map<string, string[]>();
  for (const { name, value } of messageHeaderFields(head)) {
    const key = name.toLowerCase();
    const values = fields.get(key) ?? [];
    // RFC 5228 §5.7: values unfolded, RFC 2047 encoded words decoded.
    values.push(unstructuredText(unfold(value)));
    fields.set(key, values);
  }
  const bodies = new Map<'text' | 'raw', string>();
  return {
    header: (name) => fields.get(name.toLowerCase()) ?? [],
    size,
    envelope,
    body(transform) {
      let body = bodies.get(transform);
      if (body === undefined) {
        body = whole === null ? '' : transform === 'text' ? messageBodyText(whole) : messageRawBody(whole);
        bodies.set(transform, body);
      }
      return body;
    },
  };
}
