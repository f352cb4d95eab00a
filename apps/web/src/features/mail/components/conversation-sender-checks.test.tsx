import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { EmailDetail } from '../api/get-email';
import { ConversationSenderChecks } from './conversation-sender-checks';

afterEach(cleanup);

function email(from: { name: string | null; email: string }, authenticationResults?: string[]): EmailDetail {
  return {
    id: 'e1',
    blobId: 'b1',
    threadId: 't1',
    mailboxIds: {},
    keywords: {},
    sender: null,
    from: [from],
    to: null,
    cc: null,
    replyTo: null,
    subject: 'x',
    sentAt: null,
    receivedAt: '2026-01-01T00:00:00Z',
    hasAttachment: false,
    htmlBody: [],
    textBody: [],
    attachments: [],
    bodyValues: {},
    'header:Authentication-Results:asText:all': authenticationResults,
  };
}

describe('ConversationSenderChecks', () => {
  it('shows the server verdicts, the first field only (the one our server prepends)', () => {
    render(
      <ConversationSenderChecks
        email={email({ name: 'Bank', email: 'info@bank.example' }, [
          'colibri.localhost; dkim=pass header.d=bank.example; spf=pass smtp.mailfrom=bank.example; dmarc=pass',
          'forged.example; dkim=fail; spf=fail; dmarc=fail',
        ])}
      />,
    );
    const checks = screen.getByRole('list', { name: 'Sender checks' });
    expect(
      within(checks)
        .getAllByRole('listitem')
        .map((li) => [li.textContent, li.dataset.verdict]),
    ).toEqual([
      ['DKIM: pass', 'pass'],
      ['SPF: pass', 'pass'],
      ['DMARC: pass', 'pass'],
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when DMARC or DKIM fails', () => {
    render(
      <ConversationSenderChecks
        email={email({ name: 'Bank', email: 'info@bank.example' }, ['mx; spf=pass; dkim=fail; dmarc=fail'])}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('failed the sender checks');
  });

  it('warns about a look-alike sender even without any check, and shows no chips then', () => {
    render(
      <ConversationSenderChecks
        email={email({ name: 'ceo@company.example', email: 'ceo@c0mpany.example' })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('shows the address ceo@company.example');
    expect(screen.queryByRole('list', { name: 'Sender checks' })).toBeNull();
  });
});
