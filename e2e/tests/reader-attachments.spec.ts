import { randomBytes } from 'node:crypto';
import type { Request } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { deliver, freshUser, logIn, waitForSubject } from '../support/reader-journeys.js';

// Issue 5 reader details on a newsletter delivered over real SMTP: an inline (cid:) image shown in
// the sandboxed body, attachments with type and size, an image preview, a PDF opened in a tab,
// "view source", RFC 8058 one-click unsubscribe, and remote images allowed for good for the sender.
// The list's and the shop's servers cannot run here: their https endpoints are simulated with
// page.route, which also shows what the browser sent them.

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('attachments, inline and remote images, PDF, view source, one-click unsubscribe (remote servers simulated)', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const user = await freshUser();
  const { byRole } = user;
  const subject = `Monthly news ${randomBytes(4).toString('hex')}`;
  await deliver(colibri.smtpPort, {
    from: '"Shop News" <news@shop.example>',
    to: user.email,
    subject,
    html: '<p>Our logo:</p><img src="cid:logo@shop.example" alt="logo" width="20" height="20"><p>Report attached.</p><img src="http://cdn.shop.example/banner.png" alt="banner" width="20" height="20">',
    attachments: [
      { filename: 'logo.png', content: PNG_1X1, contentType: 'image/png', cid: 'logo@shop.example' },
      { filename: 'photo.png', content: PNG_1X1, contentType: 'image/png' },
      { filename: 'report.pdf', content: PDF, contentType: 'application/pdf' },
    ],
    headers: {
      'List-Unsubscribe': '<mailto:leave@shop.example>, <https://list.shop.example/unsubscribe/u-42>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  const emailId = await waitForSubject(user.client, subject);
  // The shop's image server, simulated too: it answers the remote image once it is allowed.
  const imageRequests: string[] = [];
  await page.route('https://cdn.shop.example/**', async (route) => {
    imageRequests.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'image/png', body: PNG_1X1 });
  });
  const unsubscribeRequests: Request[] = [];
  await page.route('https://list.shop.example/**', async (route) => {
    unsubscribeRequests.push(route.request());
    await route.fulfill({ status: 200, body: 'You are unsubscribed.' });
  });

  await logIn(page, user);
  await page.goto(`/mail/${byRole.inbox}/${emailId}`);
  const message = page.getByRole('region', { name: 'Conversation' }).getByRole('article');

  await test.step('the inline image shows in the body, read by the app and handed over as data', async () => {
    const logo = page.frameLocator('iframe[title^="Message body"]').getByRole('img', { name: 'logo' });
    await expect(logo).toHaveAttribute('src', /^data:image\/png;base64,/, { timeout: 15_000 });
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  });

  await test.step('attachments are listed with type and size, the inline logo is not', async () => {
    const attachments = message.getByRole('region', { name: '2 attachments' });
    await expect(attachments.getByRole('link', { name: /^Download photo\.png, PNG, \d+ B$/ })).toBeVisible();
    await expect(attachments.getByRole('link', { name: /^Download report\.pdf, PDF, \d+ B$/ })).toBeVisible();
    await expect(attachments.getByText('logo.png')).toHaveCount(0);
    const preview = attachments.getByRole('img', { name: 'Preview of photo.png' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  });

  await test.step('the PDF opens in a new tab, as a PDF', async () => {
    const opened = page.context().waitForEvent('page');
    await message.getByRole('button', { name: 'Open report.pdf in a new tab' }).click();
    const tab = await opened;
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
  });

  await test.step('view source opens the raw message as text', async () => {
    const opened = page.context().waitForEvent('page');
    await message.getByRole('button', { name: 'View source' }).click();
    const tab = await opened;
    await expect(tab.locator('body')).toContainText(`Subject: ${subject}`);
    await expect(tab.locator('body')).toContainText('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    await tab.close();
  });

  await test.step('one-click unsubscribe POSTs to the https URL, without cookies (RFC 8058)', async () => {
    await message.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(message).toContainText('Unsubscribe from list.shop.example?');
    await message.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(message.getByRole('status').filter({ hasText: 'Unsubscribe request sent.' })).toBeVisible();
    expect(unsubscribeRequests).toHaveLength(1);
    const request = unsubscribeRequests[0]!;
    expect(request.method()).toBe('POST');
    expect(request.url()).toBe('https://list.shop.example/unsubscribe/u-42');
    expect(request.postData()).toBe('List-Unsubscribe=One-Click');
    const headers = await request.allHeaders();
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
  });

  await test.step('"always show images from" this sender loads them now and after a reload', async () => {
    const banner = page.frameLocator('iframe[title^="Message body"]').getByRole('img', { name: 'banner' });
    await expect(banner).toHaveAttribute('src', /^data:/);
    expect(imageRequests).toEqual([]);
    await message.getByRole('button', { name: 'Always show images from news@shop.example' }).click();
    // Allowed images are fetched over https only, even when the message says http.
    await expect(banner).toHaveAttribute('src', 'https://cdn.shop.example/banner.png');
    await expect.poll(() => banner.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await page.reload();
    await expect(banner).toHaveAttribute('src', 'https://cdn.shop.example/banner.png', { timeout: 15_000 });
    await expect(message.getByRole('button', { name: 'Show images', exact: true })).toHaveCount(0);
  });
});
