import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

const draft = newDraft({
  now: new Date('2026-12-01T08:10:00Z'),
  timeZone: 'Europe/Paris',
  calendarId: 'C1',
});

function renderEditor() {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  render(
    <EventEditor
      open
      mode="create"
      initial={draft}
      calendars={[
        { id: 'C1', name: 'Work' },
        { id: 'C2', name: 'Personal' },
      ]}
      onSave={onSave}
      onCancel={onCancel}
    />,
  );
  return {
    onSave,
    onCancel,
    user: userEvent.setup(),
    dialog: screen.getByRole('dialog', { name: 'New event' }),
  };
}

// Typing is slow in jsdom on a busy machine: a generous timeout, nothing timed.
describe('event editor', { timeout: 30_000 }, () => {
  it('starts at the next full hour in the user’s zone, for an hour', () => {
    expect(draft).toMatchObject({
      start: '2026-12-01T10:00',
      end: '2026-12-01T11:00',
      timeZone: 'Europe/Paris',
    });
  });

  it('refuses an end before the start, saying so next to the end', async () => {
    const { onSave, user, dialog } = renderEditor();
    const end = within(dialog).getByLabelText('Ends');
    await user.clear(end);
    await user.type(end, '2026-12-01T09:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('The end must come after the start.');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves without a title, as Google and Fastmail do (shown as “(No title)”)', async () => {
    const { onSave, user, dialog } = renderEditor();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ title: '', start: '2026-12-01T10:00' }));
  });

  it('refuses a guest that is not an email address', async () => {
    const { onSave, user, dialog } = renderEditor();
    await user.type(within(dialog).getByLabelText('Guests'), 'bob@example.org, carol');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/not an email address/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('repeats weekly on the chosen days, until a date', async () => {
    const { onSave, user, dialog } = renderEditor();
    await user.type(within(dialog).getByLabelText('Title'), 'Stand-up');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Repeat' }), 'weekly');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Monday' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Thursday' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Ends' }), 'until');
    await user.type(within(dialog).getByLabelText('Last date'), '2027-03-31');
    await user.type(within(dialog).getByLabelText('Guests'), 'bob@example.org');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Stand-up',
        attendees: ['bob@example.org'],
        repeat: expect.objectContaining({
          kind: 'weekly',
          weekdays: ['mo', 'th'],
          ends: 'until',
          until: '2027-03-31',
        }),
      }),
    );
  });

  it('switches to all day with dates, and Escape cancels', async () => {
    const { onCancel, user, dialog } = renderEditor();
    await user.click(within(dialog).getByRole('checkbox', { name: 'All day' }));
    expect((within(dialog).getByLabelText('Start date') as HTMLInputElement).value).toBe('2026-12-01');
    expect(within(dialog).queryByLabelText('Time zone')).toBeNull();
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalled();
  });
});
