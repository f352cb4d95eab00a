import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { HtmlBody } from './html-body';

afterEach(cleanup);

describe('HtmlBody', () => {
  it('shows sanitised HTML in a sandboxed frame with a CSP and says how many remote images were blocked', () => {
    render(
      <HtmlBody
        subject="Hostile"
        html={
          '<p>Hello</p><script>parent.pwned = 1</script><img src="https://t.example/p.gif"><img src="http://t.example/q.png" onerror="x()">'
        }
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('2 remote images blocked');
    const frame = screen.getByTitle('Message body: Hostile') as HTMLIFrameElement;
    const sandbox = frame.getAttribute('sandbox') ?? '';
    expect(frame.hasAttribute('sandbox')).toBe(true);
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:/,
    );
    expect(srcdoc).toContain('<p>Hello</p>');
    expect(srcdoc).not.toMatch(/<script|onerror|t\.example/);
  });

  it('shows no note when nothing was blocked', () => {
    render(<HtmlBody subject="Fine" html="<p>Just text</p>" />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
