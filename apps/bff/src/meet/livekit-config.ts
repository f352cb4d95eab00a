/** Where the LiveKit server is and how to sign its access tokens (LIVEKIT_* variables). */
export interface LiveKitConfig {
  /** What browsers connect to: `wss://…` (or `ws://` on a development machine). */
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** LiveKit's server refuses HS256 secrets shorter than this (and so would an attacker's guess). */
export const MIN_API_SECRET_CHARS = 32;

/**
 * Reads LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (LiveKit's own names, as its CLI and
 * SDKs read them): all three, or none (meetings are then off and joining answers 503). Problems
 * are pushed for `loadConfig` to report with the others.
 */
export function parseLiveKit(
  read: (name: string) => string | undefined,
  problems: string[],
): LiveKitConfig | null {
  const url = read('LIVEKIT_URL');
  const apiKey = read('LIVEKIT_API_KEY');
  const apiSecret = read('LIVEKIT_API_SECRET');
  if (url === undefined && apiKey === undefined && apiSecret === undefined) return null;
  if (url === undefined || apiKey === undefined || apiSecret === undefined) {
    problems.push('LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together.');
    return null;
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (parsed === null || !['ws:', 'wss:', 'http:', 'https:'].includes(parsed.protocol)) {
    problems.push(`LIVEKIT_URL must be a ws://, wss://, http:// or https:// URL, not "${url}".`);
    return null;
  }
  if (apiSecret.length < MIN_API_SECRET_CHARS) {
    problems.push(`LIVEKIT_API_SECRET must have at least ${MIN_API_SECRET_CHARS} characters.`);
    return null;
  }
  return { url, apiKey, apiSecret };
}
