import { UsageError } from './cli-error.js';

const units: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/**
 * Parses a byte size: `500M`, `2G`, `1.5G`, `4096` (binary units: K = 1024). `unlimited` or `none`
 * is null (no limit).
 */
export function parseSize(text: string): number | null {
  if (/^(unlimited|none)$/i.test(text)) return null;
  const match = /^(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`Invalid size: ${text} (e.g. 500M, 2G, 4096, unlimited)`);
  const bytes = Math.round(Number(match[1]) * units[match[2]!.toUpperCase()]!);
  if (!Number.isSafeInteger(bytes)) throw new UsageError(`Size too large: ${text}`);
  return bytes;
}

/** Parses a count (`10000`, `10k`), or null for `unlimited`/`none`. */
export function parseCount(text: string): number | null {
  if (/^(unlimited|none)$/i.test(text)) return null;
  const match = /^(\d+)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new UsageError(`Invalid count: ${text} (e.g. 10000, 10k, unlimited)`);
  const factor = match[2] === '' ? 1 : /k/i.test(match[2]!) ? 1000 : 1_000_000;
  return Number(match[1]) * factor;
}

/** 1536 → "1.5 KiB". */
export function formatSize(bytes: number): string {
  const names = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < names.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${names[unit]}`;
}
