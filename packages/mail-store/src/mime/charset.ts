import { TextDecoder } from 'node:util';

/** Charset names mail uses that the WHATWG Encoding labels (and so TextDecoder) do not know. */
const aliases: Record<string, string> = {
  ks_c_5601: 'euc-kr',
  'x-sjis': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'ansi_x3.4-1968': 'us-ascii',
  ascii: 'us-ascii',
  'iso8859-1': 'iso-8859-1',
  cp1252: 'windows-1252',
  latin1: 'iso-8859-1',
  'x-unknown': 'utf-8',
  unknown: 'utf-8',
  'utf-8n': 'utf-8',
};

const decoders = new Map<string, TextDecoder>();

/** A decoder for a MIME charset name; UTF-8 when the name is unknown (never throws). */
export function decoderFor(charset: string | null | undefined): TextDecoder {
  const name = (charset ?? 'utf-8').trim().toLowerCase();
  let decoder = decoders.get(name);
  if (decoder) return decoder;
  const label = aliases[name] ?? name.replace(/^(cp|ms|windows)-?(\d{3,4})$/, 'windows-$2');
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // Bounded: hostile mail could name endless distinct charsets.
  if (decoders.size < 256) decoders.set(name, decoder);
  return decoder;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes text bytes in the part's declared charset, replacing what cannot be decoded. Text said
 * to be US-ASCII (often only by default) that holds valid UTF-8 is read as UTF-8, as mail readers do.
 */
export function decodeText(bytes: Uint8Array, charset: string | null | undefined): string {
  const name = (charset ?? '').trim().toLowerCase();
  if (name === 'us-ascii' || name === 'ascii' || name === '') {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return decoderFor('windows-1252').decode(bytes);
    }
  }
  return decoderFor(charset).decode(bytes);
}
