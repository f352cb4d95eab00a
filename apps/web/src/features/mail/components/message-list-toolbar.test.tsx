import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { MailboxRights } from '@colibri/jmap-types';
import { presetRights } from '../lib/share-rights';
import { MessageListToolbar } from './message-list-toolbar';

afterEach(cleanup);

function renderToolbar(rights: MailboxRights | undefined) {
  render(
    <MessageListToolbar
      selectedCount={1}
      allSelected={false}
      mailboxes={[]}
      currentMailboxId="M1"
      onSelectAll={() => {}}
      total={1}
      mailboxName="Projects"
      onSelectEverything={() => {}}
      onAction={() => {}}
      onMove={() => {}}
      snooze={<button type="button">Snooze</button>}
      rights={rights}
    />,
  );
  return screen.queryAllByRole('button').map((b) => b.textContent);
}

describe('the list toolbar in a shared folder (RFC 8621 §2 myRights)', () => {
  it('read only: no archive, delete, read marks, flag, snooze nor move', () => {
    expect(renderToolbar(presetRights('read'))).toEqual([]);
    expect(screen.queryByRole('combobox', { name: 'Move to…' })).toBeNull();
  });
  it('read and organise: everything', () => {
    expect(renderToolbar(presetRights('organise'))).toEqual([
      'Archive',
      'Delete',
      'Mark read',
      'Mark unread',
      'Flag',
      'Snooze',
    ]);
    expect(screen.getByRole('combobox', { name: 'Move to…' })).toBeTruthy();
  });
  it('the own folders (no rights given): everything', () => {
    expect(renderToolbar(undefined)).toHaveLength(6);
  });
  it('may mark read but not delete: only the read marks', () => {
    expect(renderToolbar({ ...presetRights('read'), maySetSeen: true })).toEqual([
      'Mark read',
      'Mark unread',
    ]);
  });
});
