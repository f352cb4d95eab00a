import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MeetingRoomsProvider } from '../../../lib/meeting-rooms';
import type { MeetingRooms } from '../../../lib/meeting-rooms';
import type { EventDraft } from '../lib/event-draft';
import { newDraft } from '../lib/event-draft';
import { EventEditor } from './event-editor';

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(cleanup);

const LINK = 'https://mail.colibri.test/meet/abcdefghijklmnopqrstuvwxyz';

/** The BFF's /meet rooms, as a mock service (its real routes are tested in apps/bff/tests/meet*). */
function mockRooms(created: Awaited<ReturnType<MeetingRooms['create']>>) {
  return {
    create: vi.fn(async () => created),
    attach: vi.fn(async () => true),
    remove: vi.fn(async () => true),
  } satisfies MeetingRooms;
}

function renderEditor(rooms: MeetingRooms | null, initial: Partial<EventDraft> = {}) {
  const onSave = vi.fn();
  const draft = {
    ...newDraft({ now: new Date('2026-12-01T08:10:00Z'), timeZone: 'Europe/Paris', calendarId: 'C1' }),
    ...initial,
  };
  const editor = (
    <EventEditor open mode="create" initial={draft} calendars={[]} onSave={onSave} onCancel={() => {}} />
  );
  render(rooms ? <MeetingRoomsProvider rooms={rooms}>{editor}</MeetingRoomsProvider> : editor);
  return { onSave, user: userEvent.setup(), dialog: screen.getByRole('dialog', { name: 'New event' }) };
}

describe('"Add a video meeting" in the event editor (mock rooms service)', { timeout: 30_000 }, () => {
  it('creates a room titled like the event and saves its link as a virtual location and in the description', async () => {
    const rooms = mockRooms({ ok: true, roomId: 'abcdefghijklmnopqrstuvwxyz', url: LINK });
    const { onSave, user, dialog } = renderEditor(rooms, { title: 'Design review', description: 'Agenda' });
    await user.click(within(dialog).getByRole('button', { name: 'Add a video meeting' }));
    expect(rooms.create).toHaveBeenCalledWith({ title: 'Design review' });
    expect(await within(dialog).findByRole('link', { name: LINK })).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Description').value).toBe(
      `Agenda\n\nJoin the video meeting: ${LINK}`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]![0] as EventDraft;
    expect(saved.virtualLocations).toEqual({
      'colibri-meet': {
        '@type': 'VirtualLocation',
        name: 'Colibri video meeting',
        uri: LINK,
        features: { audio: true, video: true, chat: true, screen: true },
      },
    });
    expect(saved.description).toBe(`Agenda\n\nJoin the video meeting: ${LINK}`);
  });

  it('removing the meeting takes out both the virtual location and the line, and deletes the new room', async () => {
    const rooms = mockRooms({ ok: true, roomId: 'abcdefghijklmnopqrstuvwxyz', url: LINK });
    const { onSave, user, dialog } = renderEditor(rooms, { description: 'Agenda' });
    await user.click(within(dialog).getByRole('button', { name: 'Add a video meeting' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Remove the video meeting' }));
    expect(rooms.remove).toHaveBeenCalledWith('abcdefghijklmnopqrstuvwxyz');
    expect(within(dialog).getByRole('button', { name: 'Add a video meeting' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]![0] as EventDraft;
    expect(saved.virtualLocations).toEqual({});
    expect(saved.description).toBe('Agenda');
  });

  it('an event saved with a meeting shows it; removing keeps the room (the edit may be cancelled)', async () => {
    const rooms = mockRooms({ ok: false });
    const { user, dialog } = renderEditor(rooms, {
      description: `Agenda\n\nJoin the video meeting: ${LINK}`,
      virtualLocations: { 'colibri-meet': { uri: LINK } },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Remove the video meeting' }));
    expect(rooms.remove).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Agenda');
  });

  it('says so when the room cannot be created, and offers nothing without a rooms service', async () => {
    const rooms = mockRooms({ ok: false });
    const { user, dialog } = renderEditor(rooms);
    await user.click(within(dialog).getByRole('button', { name: 'Add a video meeting' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The video meeting could not be created. Try again.',
    );
    cleanup();
    renderEditor(null);
    expect(screen.queryByRole('button', { name: 'Add a video meeting' })).toBeNull();
  });
});
