import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render as rtlRender, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { testSession } from '../../../testing/fake-jmap';
import type { EmailDetail } from '../api/get-email';
import { REMOTE_SENDERS_KEY } from '../lib/conversation-remote-senders';
import { EmailBody } from './email-body';
import { HtmlBody, WarmMailFrame } from './html-body';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function render(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return rtlRender(ui, { wrapper });
}
beforeEach(() => localStorage.clear());

function htmlEmail(html: string, from = 'news@shop.example'): EmailDetail {
  return {
    id: 'M1',
    blobId: 'B1',
    threadId: 'T1',
    mailboxIds: { I: true },
    keywords: {},
    sender: null,
    from: [{ name: 'Shop', email: from }],
    to: [],
    cc: null,
    replyTo: null,
    subject: 'Hostile',
    sentAt: null,
    receivedAt: '2026-01-01T10:00:00Z',
    hasAttachment: false,
    htmlBody: [
      {
        partId: '1',
        blobId: null,
        size: 1,
        name: null,
        type: 'text/html',
        charset: null,
        disposition: null,
        cid: null,
        language: null,
        location: null,
      },
    ],
    textBody: [],
    attachments: [],
    bodyValues: { '1': { value: html, isEncodingProblem: false, isTruncated: false } },
  };
}

const frame = () => screen.getByTitle('Message body: Hostile') as HTMLIFrameElement;

describe('EmailBody (HTML)', () => {
  it('shows sanitised HTML in a sandboxed frame with a CSP and says what remote content was blocked', () => {
    render(
      <EmailBody
        session={testSession}
        accountId="A1"
        email={htmlEmail(
          '<p>Hello</p><script>parent.pwned = 1</script><img src="https://t.example/p.gif"><img src="http://t.example/q.png" onerror="x()"><div style="background:url(https://t.example/bg.png)">x</div><link rel="stylesheet" href="https://t.example/s.css">',
        )}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(
      '2 remote images, 1 remote background or font and 1 remote style sheet blocked',
    );
    const sandbox = frame().getAttribute('sandbox') ?? '';
    expect(frame().hasAttribute('sandbox')).toBe(true);
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    const srcdoc = frame().getAttribute('srcdoc') ?? '';
    expect(srcdoc).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:;/,
    );
    expect(srcdoc).toContain('<p>Hello</p>');
    expect(srcdoc).not.toMatch(/<script|onerror|t\.example/);
  });

  it('loads remote images once when asked, over https, still without scripts', () => {
    render(
      <EmailBody
        session={testSession}
        accountId="A1"
        email={htmlEmail('<img src="http://t.example/q.png"><script>x()</script>')}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show images' }));
    const srcdoc = frame().getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('src="https://t.example/q.png"');
    expect(srcdoc).toContain('img-src data: cid: https:;');
    expect(srcdoc).not.toMatch(/<script/);
    expect(screen.queryByRole('status')).toBeNull();
    // Once only: nothing was remembered.
    expect(localStorage.getItem(REMOTE_SENDERS_KEY)).toBeNull();
  });

  it('remembers "always for this sender" and shows that sender\'s images from then on', () => {
    const email = htmlEmail('<img src="https://t.example/q.png">', 'News@Shop.example');
    render(<EmailBody session={testSession} accountId="A1" email={email} />);
    fireEvent.click(screen.getByRole('button', { name: 'Always show images from News@Shop.example' }));
    expect(JSON.parse(localStorage.getItem(REMOTE_SENDERS_KEY) ?? '[]')).toEqual(['news@shop.example']);
    cleanup();
    render(<EmailBody session={testSession} accountId="A1" email={email} />);
    expect(frame().getAttribute('srcdoc')).toContain('src="https://t.example/q.png"');
    cleanup();
    // Another sender is still blocked.
    render(
      <EmailBody
        session={testSession}
        accountId="A1"
        email={htmlEmail('<img src="https://t.example/q.png">', 'other@shop.example')}
      />,
    );
    expect(frame().getAttribute('srcdoc')).not.toContain('t.example');
  });

  it('shows no banner when nothing was blocked', () => {
    render(<EmailBody session={testSession} accountId="A1" email={htmlEmail('<p>Just text</p>')} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('folds the trailing quote behind a toggle', () => {
    render(
      <EmailBody
        session={testSession}
        accountId="A1"
        email={htmlEmail(
          '<p>Sounds good.</p><div class="gmail_quote"><div>On Mon, Ann wrote:</div><blockquote>Lunch at noon?</blockquote></div>',
        )}
      />,
    );
    expect(frame().getAttribute('srcdoc')).not.toContain('Lunch at noon');
    const toggle = screen.getByRole('button', { name: /Show quoted text/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(frame().getAttribute('srcdoc')).toContain('Lunch at noon');
  });
});

describe('EmailBody (plain text)', () => {
  it('folds the trailing "> " quote and its attribution, and shows it on demand', () => {
    const email = htmlEmail('');
    email.htmlBody = [];
    email.textBody = [{ ...htmlEmail('').htmlBody[0]!, type: 'text/plain' }];
    email.bodyValues = {
      '1': {
        value: 'Yes, see you there.\n\nOn Mon, Ann <ann@x.test> wrote:\n> Lunch at noon?\n',
        isEncodingProblem: false,
        isTruncated: false,
      },
    };
    const { container } = render(<EmailBody session={testSession} accountId="A1" email={email} />);
    expect(container.textContent).toContain('Yes, see you there.');
    expect(container.textContent).not.toContain('Lunch at noon');
    expect(container.textContent).not.toContain('wrote:');
    fireEvent.click(screen.getByRole('button', { name: /Show quoted text/ }));
    expect(container.textContent).toContain('> Lunch at noon?');
  });
});

describe('EmailBody (inline images)', () => {
  it('shows cid: images as data: URLs read from the download URL, the frame loading nothing', async () => {
    const fetchMock = vi.fn(async () => new Response(new Uint8Array([137, 80, 78, 71])));
    vi.stubGlobal('fetch', fetchMock);
    const email = htmlEmail('<p>Logo:</p><img src="cid:Logo@Shop.example" alt="logo">');
    email.attachments = [
      {
        ...email.htmlBody[0]!,
        partId: '2',
        blobId: 'B9',
        type: 'image/png',
        cid: 'logo@shop.example',
        disposition: 'inline',
        size: 4,
      },
    ];
    render(<EmailBody session={testSession} accountId="A1" email={email} />);
    await waitFor(() =>
      expect(frame().getAttribute('srcdoc')).toContain('src="data:image/png;base64,iVBORw=="'),
    );
    expect(fetchMock).toHaveBeenCalledWith(
      'http://colibri.test/jmap/download/A1/B9/inline?accept=image%2Fpng',
      { credentials: 'same-origin' },
    );
  });
});

describe('WarmMailFrame', () => {
  it("keeps, once idle, a hidden empty frame sandboxed like the body's frame, with its CSP", async () => {
    const { container } = render(
      <>
        <WarmMailFrame />
        <HtmlBody sanitizedHtml="<p>Hi</p>" subject="Hi" />
      </>,
    );
    const warm = await waitFor(() => {
      const element = container.querySelector<HTMLIFrameElement>('iframe[data-warm-frame]');
      if (!element) throw new Error('no warm frame yet');
      return element;
    });
    const body = screen.getByTitle('Message body: Hi');
    expect(warm.hidden).toBe(true);
    expect(warm.getAttribute('aria-hidden')).toBe('true');
    // The same sandbox is what lets the body frame use the process the warm one keeps.
    expect(warm.getAttribute('sandbox')).toBe(body.getAttribute('sandbox'));
    expect(warm.getAttribute('sandbox')).not.toMatch(/allow-scripts|allow-same-origin/);
    expect(warm.getAttribute('srcdoc')).toMatch(/Content-Security-Policy[^>]*default-src 'none'/);
    expect(warm.getAttribute('srcdoc')).not.toMatch(/<body|<script/);
  });
});
