import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mailboxIconName } from './mailbox-icon';
import { MailboxTreeItem } from './mailbox-tree-item';

afterEach(cleanup);

const base = { name: 'Inbox', role: 'inbox', unreadCount: 0, depth: 0, selected: false } as const;

describe('MailboxTreeItem', () => {
  it('says the unread count in its accessible name and shows it as a badge', () => {
    render(<MailboxTreeItem {...base} unreadCount={12} onSelect={() => {}} />);
    const item = screen.getByRole('button', { name: 'Inbox 12 unread' });
    expect(item.querySelector('.cb-mailbox-item__badge [aria-hidden="true"]')?.textContent).toBe('12');
    expect(screen.getByText('12 unread')).toBeTruthy();
  });

  it('has no badge without unread messages, and caps a large count visually only', () => {
    render(
      <>
        <MailboxTreeItem {...base} name="Sent" role="sent" onSelect={() => {}} />
        <MailboxTreeItem {...base} unreadCount={12345} onSelect={() => {}} />
      </>,
    );
    const sent = screen.getByRole('button', { name: 'Sent' });
    expect(sent.querySelector('.cb-mailbox-item__badge')).toBeNull();
    const inbox = screen.getByRole('button', { name: 'Inbox 12345 unread' });
    expect(inbox.querySelector('.cb-mailbox-item__badge [aria-hidden="true"]')?.textContent).toBe('999+');
  });

  it('translates the spoken count', () => {
    render(
      <MailboxTreeItem
        {...base}
        name="Boîte de réception"
        unreadCount={3}
        unreadLabel={(n) => `${n} non lus`}
        onSelect={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Boîte de réception 3 non lus' })).toBeTruthy();
  });

  it('calls onSelect on click, Enter and Space', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<MailboxTreeItem {...base} onSelect={onSelect} />);
    const item = screen.getByRole('button', { name: 'Inbox' });
    await user.click(item);
    await user.tab({ shift: true });
    await user.tab();
    expect(document.activeElement).toBe(item);
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('marks the selected mailbox as current', () => {
    render(
      <>
        <MailboxTreeItem {...base} selected onSelect={() => {}} />
        <MailboxTreeItem {...base} name="Archive" role="archive" onSelect={() => {}} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Inbox', current: true })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Archive' }).hasAttribute('aria-current')).toBe(false);
  });

  it('indents by depth and draws the icon of its role', () => {
    render(
      <>
        <MailboxTreeItem {...base} name="Projects" role={undefined} depth={0} onSelect={() => {}} />
        <MailboxTreeItem {...base} name="Colibri" role={null} depth={2} onSelect={() => {}} />
        <MailboxTreeItem {...base} name="Junk" role="junk" onSelect={() => {}} />
      </>,
    );
    const colibri = screen.getByRole('button', { name: 'Colibri' });
    expect(colibri.style.getPropertyValue('--cb-mailbox-depth')).toBe('2');
    expect(colibri.querySelector('svg')?.getAttribute('data-icon')).toBe('folder');
    expect(colibri.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const junk = screen.getByRole('button', { name: 'Junk' });
    expect(junk.querySelector('svg')?.getAttribute('data-icon')).toBe('junk');
  });
});

describe('mailboxIconName', () => {
  it('has an icon for each common role and a folder otherwise', () => {
    for (const role of ['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'snoozed'] as const) {
      expect(mailboxIconName(role)).toBe(role);
    }
    expect(mailboxIconName('all')).toBe('folder');
    expect(mailboxIconName(undefined)).toBe('folder');
  });
});
