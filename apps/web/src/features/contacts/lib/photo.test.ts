import { describe, expect, it } from 'vitest';
import { draftToCardPatch, cardToDraft } from './card-draft';
import {
  MAX_PHOTO_FILE_BYTES,
  MAX_PHOTO_URI_CHARS,
  cardPhoto,
  mediaWithPhoto,
  photoDataUri,
  photoFileProblem,
  scaledSize,
  shownPhotoUri,
} from './photo';
import type { PhotoPlatform } from './photo';

/** A mock canvas (jsdom has none): records the drawing and answers data URIs of a chosen length. */
function mockCanvasPlatform(
  image: { width: number; height: number },
  uriLength: (quality: number) => number,
) {
  const drawn: unknown[][] = [];
  const qualities: number[] = [];
  const platform: PhotoPlatform = {
    decode: async () => ({ ...image, image: {} as CanvasImageSource }),
    canvas: (width, height) => ({
      getContext: () => ({
        fillStyle: '',
        fillRect: () => undefined,
        drawImage: (...args: unknown[]) => void drawn.push([width, height, ...args.slice(1)]),
      }),
      toDataURL: (type, quality = 1) => {
        qualities.push(quality);
        const head = `data:${type};base64,`;
        return head + 'A'.repeat(Math.max(0, uriLength(quality) - head.length));
      },
    }),
  };
  return { platform, drawn, qualities };
}

const file = (type: string) => new Blob(['x'], { type });

describe('contact photos (RFC 9553 §2.6.4 media, mock canvas)', () => {
  it('accepts JPEG, PNG and WebP up to 10 MB only', () => {
    expect(photoFileProblem({ type: 'image/png', size: 10 })).toBeNull();
    expect(photoFileProblem({ type: 'image/webp', size: MAX_PHOTO_FILE_BYTES })).toBeNull();
    expect(photoFileProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(photoFileProblem({ type: 'image/svg+xml', size: 10 })).toBe('type');
    expect(photoFileProblem({ type: 'image/jpeg', size: MAX_PHOTO_FILE_BYTES + 1 })).toBe('tooLarge');
  });

  it('scales the longest side down to 512 px, keeping proportions, never up', () => {
    expect(scaledSize(2048, 1024)).toEqual({ width: 512, height: 256 });
    expect(scaledSize(300, 1200)).toEqual({ width: 128, height: 512 });
    expect(scaledSize(200, 100)).toEqual({ width: 200, height: 100 });
  });

  it('draws the image at the scaled size and lowers the JPEG quality until the URI fits', async () => {
    const { platform, drawn, qualities } = mockCanvasPlatform({ width: 4000, height: 3000 }, (q) =>
      q > 0.65 ? MAX_PHOTO_URI_CHARS + 1 : 1000,
    );
    const result = await photoDataUri(file('image/png'), platform);
    expect(result).toMatchObject({ ok: true, uri: expect.stringMatching(/^data:image\/jpeg;base64,/) });
    expect(drawn).toEqual([[512, 384, 0, 0, 512, 384]]);
    expect(qualities).toEqual([0.9, 0.8, 0.7, 0.6]);
  });

  it('says why a photo is refused: wrong type, unreadable, too large even at the lowest quality', async () => {
    const big = mockCanvasPlatform({ width: 10, height: 10 }, () => MAX_PHOTO_URI_CHARS + 1);
    expect(await photoDataUri(file('image/gif'), big.platform)).toEqual({ ok: false, problem: 'type' });
    expect(await photoDataUri(file('image/jpeg'), big.platform)).toEqual({ ok: false, problem: 'tooLarge' });
    const broken: PhotoPlatform = { ...big.platform, decode: () => Promise.reject(new Error('bad')) };
    expect(await photoDataUri(file('image/jpeg'), broken)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('shows the preferred photo from the card or a blob, never a remote URL', () => {
    const media = {
      l: { kind: 'logo', uri: 'data:image/png;base64,TE9HTw==' },
      p2: { kind: 'photo', uri: 'data:image/png;base64,T0xE', pref: 2 },
      p1: { kind: 'photo', uri: 'data:image/jpeg;base64,TkVX', pref: 1 },
    };
    expect(shownPhotoUri({ media })).toBe('data:image/jpeg;base64,TkVX');
    expect(shownPhotoUri({ media: { p: { kind: 'photo', uri: 'blob:http://x/1' } } })).toBe(
      'blob:http://x/1',
    );
    expect(
      shownPhotoUri({ media: { p: { kind: 'photo', uri: 'https://tracker.example/a.jpg' } } }),
    ).toBeNull();
    expect(cardPhoto({ media: { l: media.l } })).toBeNull();
  });

  it('replacing or removing the photo patches media, keeping logos', () => {
    const card = {
      '@type': 'Card' as const,
      version: '1.0',
      uid: 'u',
      name: { full: 'Ada' },
      media: {
        logo: { '@type': 'Media', kind: 'logo', uri: 'https://example.org/logo.png' },
        photo1: { '@type': 'Media', kind: 'photo', uri: 'data:image/png;base64,T0xE' },
      },
    };
    const draft = cardToDraft(card);
    expect(draft.photo).toBe('data:image/png;base64,T0xE');
    expect(draftToCardPatch({ ...draft, photo: 'data:image/jpeg;base64,TkVX' }, card)).toEqual({
      media: {
        logo: card.media.logo,
        photo1: {
          '@type': 'Media',
          kind: 'photo',
          uri: 'data:image/jpeg;base64,TkVX',
          mediaType: 'image/jpeg',
        },
      },
    });
    expect(draftToCardPatch({ ...draft, photo: '' }, card)).toEqual({ media: { logo: card.media.logo } });
    expect(mediaWithPhoto(undefined, '')).toBeNull();
    expect(draftToCardPatch(draft, card)).toEqual({});
  });
});
