import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useToastStore } from '../../../lib/toast-store';
import { person } from '../testing/mock-contacts-server';
import { lastCall, renderContactsPage } from '../testing/render-contacts';

const PHOTO = 'data:image/jpeg;base64,UEhPVE8=';

/** jsdom decodes and draws no image: a mock canvas answers as a browser's would. */
function mockCanvas() {
  const drawImage = vi.fn();
  vi.stubGlobal('createImageBitmap', async () => ({ width: 1024, height: 768 }));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    fillStyle: '',
    fillRect: () => undefined,
    drawImage,
  } as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PHOTO);
  return { drawImage };
}

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('contact photos (mock server, mock canvas)', { timeout: 30_000 }, () => {
  it('shows the card photo from media, and initials for a card without one', async () => {
    const { user } = renderContactsPage({
      cards: [
        person('C1', 'Ada Lovelace', 'ada@example.org', {
          media: { p1: { '@type': 'Media', kind: 'photo', uri: PHOTO } },
        }),
        person('C2', 'Grace Hopper', 'grace@example.org'),
      ],
    });
    await screen.findByText('2 contacts');
    await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    const detail = await screen.findByRole('article', { name: 'Ada Lovelace' });
    expect(detail.querySelector('img.contacts-photo')?.getAttribute('src')).toBe(PHOTO);
    await user.click(screen.getByRole('button', { name: /Grace Hopper/ }));
    const other = await screen.findByRole('article', { name: 'Grace Hopper' });
    expect(other.querySelector('img')).toBeNull();
    expect(other.querySelector('.cb-avatar')?.textContent).toBe('GH');
  });

  it('uploads a photo scaled to 512 px into media, and removes it', async () => {
    const { drawImage } = mockCanvas();
    const { calls, user } = renderContactsPage();
    await user.click(await screen.findByRole('button', { name: /Grace Hopper/ }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit contact' });
    await user.upload(
      within(form).getByLabelText('Choose a photo'),
      new File(['jpeg bytes'], 'grace.jpg', { type: 'image/jpeg' }),
    );
    expect((await within(form).findByRole('img', { name: 'Current photo' })).getAttribute('src')).toBe(PHOTO);
    expect(drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 512, 384);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const detail = await screen.findByRole('article', { name: 'Grace Hopper' });
    expect(lastCall(calls, 'ContactCard/set')).toEqual({
      accountId: 'A1',
      update: {
        C2: { media: { photo1: { '@type': 'Media', kind: 'photo', uri: PHOTO, mediaType: 'image/jpeg' } } },
      },
    });
    expect(detail.querySelector('img.contacts-photo')?.getAttribute('src')).toBe(PHOTO);

    await user.click(within(detail).getByRole('button', { name: 'Edit' }));
    const again = screen.getByRole('form', { name: 'Edit contact' });
    await user.click(within(again).getByRole('button', { name: 'Remove the photo' }));
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await screen.findByRole('article', { name: 'Grace Hopper' });
    expect(lastCall(calls, 'ContactCard/set')).toEqual({ accountId: 'A1', update: { C2: { media: null } } });
  });

  it('refuses a file that is not JPEG, PNG or WebP, and says so', async () => {
    mockCanvas();
    const { calls, user } = renderContactsPage();
    await user.click(await screen.findByRole('button', { name: /Grace Hopper/ }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit contact' });
    // As a file picker set to "All files" lets one through, past the input's `accept`.
    fireEvent.change(within(form).getByLabelText('Choose a photo'), {
      target: { files: [new File(['GIF89a'], 'a.gif', { type: 'image/gif' })] },
    });
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose a JPEG, PNG or WebP image.');
    expect(within(form).queryByRole('img', { name: 'Current photo' })).toBeNull();
    expect(calls.filter((c) => c.name === 'ContactCard/set')).toEqual([]);
  });
});
