import type { KeyboardEvent, ReactNode } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListRow } from './list-row';

afterEach(cleanup);

function renderList(ui: ReactNode, role: 'listbox' | 'grid' = 'listbox') {
  return render(
    <div role={role} aria-label="Messages">
      {ui}
    </div>,
  );
}

describe('ListRow', () => {
  it('is an option with aria-selected, named by its content', () => {
    renderList(
      <>
        <ListRow onSelect={() => {}}>Lunch on Friday?</ListRow>
        <ListRow selected onSelect={() => {}}>
          Colibri roadmap
        </ListRow>
      </>,
    );
    expect(screen.getByRole('option', { name: 'Lunch on Friday?' }).getAttribute('aria-selected')).toBe(
      'false',
    );
    expect(screen.getByRole('option', { name: 'Colibri roadmap', selected: true })).toBeTruthy();
  });

  it('calls onSelect on click, Enter and Space', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderList(<ListRow onSelect={onSelect}>Lunch on Friday?</ListRow>);
    const row = screen.getByRole('option');

    await user.click(row);
    expect(onSelect).toHaveBeenCalledTimes(1);

    await user.tab({ shift: true });
    await user.tab();
    expect(document.activeElement).toBe(row);
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenCalledTimes(3);
    expect(onSelect.mock.calls.map(([event]) => event.type)).toEqual(['click', 'keydown', 'keydown']);
  });

  it('leaves keys pressed on an interactive child to that child', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const onFlag = vi.fn();
    renderList(
      <ListRow onSelect={onSelect}>
        Lunch on Friday? <button onClick={(e) => (e.stopPropagation(), onFlag())}>Flag</button>
      </ListRow>,
    );
    screen.getByRole('button', { name: 'Flag' }).focus();
    await user.keyboard('{Enter}');
    expect(onFlag).toHaveBeenCalledTimes(1);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('marks unread rows, accepts a roving tabIndex and composes the caller handlers', async () => {
    const user = userEvent.setup();
    const onKeyDown = vi.fn((event: KeyboardEvent) => event.preventDefault());
    const onSelect = vi.fn();
    renderList(
      <ListRow unread tabIndex={-1} onKeyDown={onKeyDown} onSelect={onSelect} id="row-1">
        Colibri roadmap
      </ListRow>,
    );
    const row = screen.getByRole('option');
    expect(row.classList.contains('cb-list-row--unread')).toBe(true);
    expect(row.tabIndex).toBe(-1);
    expect(row.id).toBe('row-1');
    row.focus();
    // The caller handled (and prevented) the key: the row does not select.
    await user.keyboard('{Enter}');
    expect(onKeyDown).toHaveBeenCalledTimes(1);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('is a row with one gridcell inside a grid', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderList(
      <ListRow role="row" selected onSelect={onSelect}>
        Your receipt
      </ListRow>,
      'grid',
    );
    const row = screen.getByRole('row', { name: 'Your receipt', selected: true });
    expect(screen.getByRole('gridcell').textContent).toBe('Your receipt');
    await user.click(row);
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it('marks the keyboard row of an aria-activedescendant list as active', () => {
    renderList(
      <ListRow active tabIndex={-1} onSelect={() => {}}>
        Lunch on Friday?
      </ListRow>,
    );
    expect(screen.getByRole('option').classList.contains('cb-list-row--active')).toBe(true);
  });
});
