/** How a mailing list lets the user leave it (RFC 2369 List-Unsubscribe, RFC 8058 one-click). */
export type UnsubscribeMethod =
  /** RFC 8058: a POST of "List-Unsubscribe=One-Click" to this https URL does it, no page to visit. */
  | { kind: 'one-click'; url: string }
  /** A page to open (https) or a message to send (mailto). */
  | { kind: 'link'; url: string };

const ONE_CLICK = /^\s*List-Unsubscribe\s*=\s*One-Click\s*$/i;

function parse(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/**
 * Picks how to offer unsubscribing from `header:List-Unsubscribe:asURLs` and
 * `header:List-Unsubscribe-Post:asText` (RFC 8621 §4.1.2). One-click only when the Post field says
 * exactly "List-Unsubscribe=One-Click" and there is an https URL (RFC 8058 §3.1); otherwise the
 * first https or mailto URL as a link; never another scheme (javascript:, http:, data: …).
 */
export function unsubscribeMethod(
  urls: readonly string[] | null | undefined,
  post: string | null | undefined,
): UnsubscribeMethod | null {
  const parsed = (urls ?? []).map(parse).filter((url): url is URL => url !== null);
  const https = parsed.find((url) => url.protocol === 'https:');
  if (https && post && ONE_CLICK.test(post)) return { kind: 'one-click', url: https.href };
  const link = https ?? parsed.find((url) => url.protocol === 'mailto:');
  return link ? { kind: 'link', url: link.href } : null;
}

/**
 * RFC 8058 §3.1: the one-click POST, without cookies, authorization or referrer. The answer is
 * opaque (no-cors: the list's server does not allow our origin to read it); a network failure
 * rejects.
 */
export async function postOneClickUnsubscribe(url: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  await fetchImpl(url, {
    method: 'POST',
    mode: 'no-cors',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
}
