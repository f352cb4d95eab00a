import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useToastStore } from '../../../lib/toast-store';
import { group, person } from '../testing/mock-contacts-server';
import { lastCall, renderContactsPage } from '../testing/render-contacts';

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(cleanup);

/** A DataTransfer as browsers keep one through a drag (jsdom has none). */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

function drag(source: Element, target: Element) {
  const transfer = dataTransfer();
  fireEvent.dragStart(source, { dataTransfer: transfer });
  const over = createEvent.dragOver(target, { dataTransfer: transfer });
  fireEvent(target, over);
  fireEvent.drop(target, { dataTransfer: transfer });
  return { transfer, overAccepted: over.defaultPrevented };
}

describe('groups: drag a card onto a group, or "Add to group…" (mock server)', { timeout: 30_000 }, () => {
  it('dropping a card on a group of the side pane adds it as a member', async () => {
    const { calls } = renderContactsPage();
    await screen.findByText('3 contacts');
    const grace = screen.getByRole('button', { name: /Grace Hopper/ });
    const pioneers = screen.getByRole('button', { name: 'Pioneers 2' });
    const { transfer, overAccepted } = drag(grace, pioneers);
    expect(overAccepted).toBe(true);
    expect(transfer.getData('text/plain')).toBe('Grace Hopper <grace@example.org>');
    await waitFor(() =>
      expect(lastCall(calls, 'ContactCard/set')).toEqual({
        accountId: 'A1',
        update: { G1: { 'members/urn:uuid:C2': true } },
      }),
    );
    await screen.findByRole('button', { name: 'Pioneers 3' });
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Added to Pioneers.');
  });

  it('a drag of something else (a file, text) is not accepted by a group', async () => {
    const { calls } = renderContactsPage();
    await screen.findByText('3 contacts');
    const pioneers = screen.getByRole('button', { name: 'Pioneers 2' });
    const transfer = dataTransfer();
    transfer.setData('text/plain', 'hello');
    const over = createEvent.dragOver(pioneers, { dataTransfer: transfer });
    fireEvent(pioneers, over);
    fireEvent.drop(pioneers, { dataTransfer: transfer });
    expect(over.defaultPrevented).toBe(false);
    expect(calls.filter((c) => c.name === 'ContactCard/set')).toEqual([]);
  });

  it('"Add to group…" is a keyboard menu of the groups the card is not in', async () => {
    const { calls, user } = renderContactsPage({
      cards: [
        person('C1', 'Ada Lovelace', 'ada@example.org'),
        person('C2', 'Grace Hopper', 'grace@example.org'),
        group('G1', 'Pioneers', ['urn:uuid:C1']),
        group('G2', 'Admirals', []),
      ],
    });
    await user.click(await screen.findByRole('button', { name: /Grace Hopper/ }));
    const detail = await screen.findByRole('article', { name: 'Grace Hopper' });
    const button = within(detail).getByRole('button', { name: 'Add to group…' });
    button.focus();
    await user.keyboard('{Enter}');
    const menu = within(detail).getByRole('menu', { name: 'Groups' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Pioneers' })),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(lastCall(calls, 'ContactCard/set')).toEqual({
        accountId: 'A1',
        update: { G1: { 'members/urn:uuid:C2': true } },
      }),
    );
    expect(within(detail).queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    // The menu now offers only the groups the card is not in.
    await waitFor(() =>
      expect(within(detail).getByRole('checkbox', { name: 'Pioneers' })).toHaveProperty('checked', true),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        within(within(detail).getByRole('menu'))
          .getAllByRole('menuitem')
          .map((i) => i.textContent),
      ).toEqual(['Admirals']),
    );
  });
});
