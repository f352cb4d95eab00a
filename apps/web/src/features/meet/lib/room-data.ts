/**
 * The messages participants send each other over LiveKit data packets (reliable), each on its
 * own topic: chat lines and raised hands. Parsing is strict: anything else is dropped.
 */
export const CHAT_TOPIC = 'colibri.chat';
export const HAND_TOPIC = 'colibri.hand';

/** The longest chat line, in characters (sender side and receiver side). */
export const MAX_CHAT_LENGTH = 2_000;
/** How many chat lines the room keeps in memory; older ones drop off. */
export const MAX_CHAT_LINES = 200;

export interface ChatLine {
  id: string;
  /** Participant identity (from the token), and the name shown. */
  from: string;
  name: string;
  text: string;
  sentAt: number;
  mine: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encodeChat = (id: string, text: string) => encoder.encode(JSON.stringify({ id, text }));
export const encodeHand = (raised: boolean) => encoder.encode(JSON.stringify({ raised }));

function parse(payload: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(decoder.decode(payload));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function decodeChat(payload: Uint8Array): { id: string; text: string } | null {
  const value = parse(payload);
  if (!value || typeof value.id !== 'string' || typeof value.text !== 'string') return null;
  const text = value.text.trim();
  if (text === '' || text.length > MAX_CHAT_LENGTH || value.id.length > 100) return null;
  return { id: value.id, text };
}

export function decodeHand(payload: Uint8Array): boolean | null {
  const value = parse(payload);
  return typeof value?.raised === 'boolean' ? value.raised : null;
}

/** Appends a line, ignoring a duplicate id, keeping the last MAX_CHAT_LINES. */
export function appendChat(lines: readonly ChatLine[], line: ChatLine): ChatLine[] {
  if (lines.some((existing) => existing.id === line.id && existing.from === line.from)) return [...lines];
  return [...lines, line].slice(-MAX_CHAT_LINES);
}
