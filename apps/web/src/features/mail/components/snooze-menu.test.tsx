import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SnoozeMenu } from './snooze-menu';

afterEach(cleanup);

// Wednesday 14 January 2026, 10:15 in Paris.
const now = () => new Date('2026-01-14T09:15:00Z');

function renderMenu(onSnooze = vi.fn(), initiallyOpen = false) {
  function Harness() {
    const [open, setOpen] = useState(initiallyOpen);
    return (
      <>
        <SnoozeMenu
          open={open}
          onOpenChange={setOpen}
          onSnooze={onSnooze}
          now={now}
          timeZone="Europe/Paris"
        />
        <p>Elsewhere</p>
      </>
    );
  }
  render(<Harness />);
  return onSnooze;
}

describe('SnoozeMenu', () => {
  it('opens on its button and snoozes with a preset, at its local time', async () => {
    const onSnooze = renderMenu();
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Snooze' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Snooze until' });
    const presets = within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(presets).toHaveLength(4);
    expect(presets[0]).toContain('Later today');
    expect(presets[1]).toContain('Tomorrow morning');
    expect(presets[2]).toContain('This weekend');
    expect(presets[3]).toContain('Next week');
    // Focus goes to the first choice, for the keyboard.
    expect(document.activeElement?.textContent).toContain('Later today');
    await user.click(within(dialog).getByRole('button', { name: /Tomorrow morning/ }));
    expect(onSnooze).toHaveBeenCalledWith(new Date('2026-01-15T07:00:00Z'));
  });

  it('snoozes until a picked date and time, and refuses one in the past or over a year ahead', async () => {
    const onSnooze = renderMenu(vi.fn(), true);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Pick a date and time');
    const submit = screen.getAllByRole('button', { name: 'Snooze' }).at(-1)!;
    expect(submit.hasAttribute('disabled')).toBe(true);

    fireEvent.change(field, { target: { value: '2026-01-14T09:00' } });
    await user.click(submit);
    expect(screen.getByRole('alert').textContent).toBe('Pick a time in the future.');
    fireEvent.change(field, { target: { value: '2027-03-01T09:00' } });
    await user.click(submit);
    expect(screen.getByRole('alert').textContent).toBe('Pick a time within a year.');
    expect(onSnooze).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: '2026-01-14T10:15:05' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(submit);
    expect(onSnooze).toHaveBeenCalledWith(new Date('2026-01-14T09:15:05Z'));
  });

  it('closes on Escape, giving focus back to its button, and on a click outside', async () => {
    renderMenu();
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Snooze' });
    await user.click(button);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    await user.click(button);
    await user.click(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
