import { byPref } from './card-format';

/** RFC 9553 §2.6.4 Media: a photo, logo or sound of the card, by URI. */
export interface Media {
  '@type'?: 'Media';
  kind: string;
  uri: string;
  mediaType?: string;
  contexts?: Record<string, boolean>;
  pref?: number;
  label?: string;
}

/** Any card: JSContact's `media` is not among the members jmap-types checks. */
export type WithMedia = { readonly [property: string]: unknown };

/** The image types a photo may be chosen from. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Explicit limit on the chosen file, before it is scaled down. */
export const MAX_PHOTO_FILE_BYTES = 10 * 1024 * 1024;
/** The longest side of a stored photo, in pixels. */
export const MAX_PHOTO_SIDE = 512;
/**
 * Explicit limit on the stored `data:` URI: the store keeps a card's JSON under 256 KiB
 * (mail-store contactLimits.maxCardJsonBytes), and the rest of the card needs room too.
 */
export const MAX_PHOTO_URI_CHARS = 192 * 1024;
/** JPEG qualities tried in turn until the photo fits. */
const QUALITIES = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];

export type PhotoProblem = 'type' | 'tooLarge' | 'unreadable';

/** The card's preferred photo (RFC 9553 §2.6.4 media of kind `photo`), whatever its URI. */
export function cardPhoto(card: WithMedia): Media | null {
  const media = (card.media ?? {}) as Record<string, Media>;
  return byPref<Media>(media).find(([, m]) => m?.kind === 'photo' && typeof m.uri === 'string')?.[1] ?? null;
}

/**
 * The URI to show, when the photo is in the card (`data:`) or a local blob (`blob:`); a remote
 * URL is not fetched (it would tell a third party that the card was opened), initials show instead.
 */
export function shownPhotoUri(card: WithMedia): string | null {
  const uri = cardPhoto(card)?.uri;
  return uri && /^(data:image\/|blob:)/i.test(uri) ? uri : null;
}

/** What is wrong with a chosen file before it is read, or null. */
export function photoFileProblem(file: { type: string; size: number }): PhotoProblem | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_FILE_BYTES) return 'tooLarge';
  return null;
}

/** The size that fits in `max` x `max`, keeping the proportions; never upscaled. */
export function scaledSize(width: number, height: number, max = MAX_PHOTO_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The browser APIs the downscaling needs (STYLE 22: platform globals are options). */
export interface PhotoPlatform {
  decode(file: Blob): Promise<{ width: number; height: number; image: CanvasImageSource }>;
  canvas(
    width: number,
    height: number,
  ): {
    getContext(kind: '2d'): Pick<CanvasRenderingContext2D, 'drawImage' | 'fillRect' | 'fillStyle'> | null;
    toDataURL(type: string, quality?: number): string;
  };
}

export const browserPhotoPlatform: PhotoPlatform = {
  decode: async (file) => {
    const bitmap = await createImageBitmap(file);
    return { width: bitmap.width, height: bitmap.height, image: bitmap };
  },
  canvas: (width, height) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas as ReturnType<PhotoPlatform['canvas']>;
  },
};

export type PhotoResult = { ok: true; uri: string } | { ok: false; problem: PhotoProblem };

/**
 * A chosen image as the card keeps it: scaled down to at most 512 px a side with a canvas and
 * encoded as JPEG (on white, for transparent PNG and WebP) at the best quality that fits in
 * MAX_PHOTO_URI_CHARS, as a `data:` URI (RFC 9553 §2.6.4 allows any URI, RFC 2397 data).
 */
export async function photoDataUri(
  file: Blob & { type: string },
  platform: PhotoPlatform = browserPhotoPlatform,
): Promise<PhotoResult> {
  const problem = photoFileProblem(file);
  if (problem) return { ok: false, problem };
  let decoded: Awaited<ReturnType<PhotoPlatform['decode']>>;
  try {
    decoded = await platform.decode(file);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const { width, height } = scaledSize(decoded.width, decoded.height);
  const canvas = platform.canvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return { ok: false, problem: 'unreadable' };
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(decoded.image, 0, 0, width, height);
  for (const quality of QUALITIES) {
    const uri = canvas.toDataURL('image/jpeg', quality);
    if (!uri.startsWith('data:image/')) return { ok: false, problem: 'unreadable' };
    if (uri.length <= MAX_PHOTO_URI_CHARS) return { ok: true, uri };
  }
  return { ok: false, problem: 'tooLarge' };
}

/** The media type of a `data:` URI (RFC 2397), if it names one. */
export function dataUriType(uri: string): string | undefined {
  return /^data:([a-z]+\/[a-z0-9.+-]+)[;,]/i.exec(uri)?.[1]?.toLowerCase();
}

/**
 * The card's `media` with its photos replaced by `uri` (or removed when it is ''), the logos
 * and sounds kept; null when nothing is left (RFC 8620 §5.3: null removes the member).
 */
export function mediaWithPhoto(original: Record<string, Media> | undefined, uri: string) {
  const others = Object.entries(original ?? {}).filter(([, m]) => m?.kind !== 'photo');
  const used = new Set(others.map(([key]) => key));
  let n = 1;
  while (used.has(`photo${n}`)) n += 1;
  const mediaType = dataUriType(uri);
  const photo: Media = { '@type': 'Media', kind: 'photo', uri, ...(mediaType ? { mediaType } : {}) };
  const entries = uri ? [...others, [`photo${n}`, photo] as const] : others;
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}
