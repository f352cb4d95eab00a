import type { Email } from '@colibri/jmap-types';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { sendMail } from '../support/smtp.js';
import { blockingViolations, deliver, emailsIn, inboxList, logIn, newMailUser } from '../support/webmail.js';

// Issue 5, Settings: the vacation responder and identities (on the server, RFC 8621 §8 and §6),
// theme and language (this device), and desktop notifications of new mail, in a real browser
// against the real BFF; mail travels over real SMTP and local delivery.

async function openSettings(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('a vacation reply set in the settings answers another local user', async ({ page, colibri }) => {
  test.setTimeout(90_000);
  const away = await newMailUser(colibri);
  const writer = await newMailUser(colibri);
  await logIn(page, away);
  await openSettings(page);
  const vacation = page.getByRole('region', { name: 'Vacation responder' });

  await test.step('a period that ends before it starts is refused in the form', async () => {
    await vacation.getByLabel('From (optional)').fill('2030-07-10T09:00');
    await vacation.getByLabel('Until (optional)').fill('2030-07-01T09:00');
    await vacation.getByRole('button', { name: 'Save' }).click();
    await expect(vacation.getByText('The end must come after the start.')).toBeVisible();
    await vacation.getByLabel('From (optional)').fill('');
    await vacation.getByLabel('Until (optional)').fill('');
  });

  await test.step('turned on with a subject and a message, saved on the server', async () => {
    await vacation.getByRole('checkbox', { name: 'Send an automatic reply' }).check();
    await vacation.getByLabel('Subject').fill('Out of office');
    await vacation.getByLabel('Message', { exact: true }).fill('I am away until Monday.');
    await vacation.getByRole('button', { name: 'Save' }).click();
    await expect(vacation.getByRole('status')).toHaveText('Saved.');
    const { list } = await away.jmap.call('VacationResponse/get', { accountId: away.accountId, ids: null });
    expect(list[0]).toMatchObject({
      isEnabled: true,
      subject: 'Out of office',
      textBody: 'I am away until Monday.',
    });
  });

  await test.step('mail from another local user over SMTP gets the auto-reply', async () => {
    await sendMail(colibri.smtpPort, {
      from: writer.email,
      to: away.email,
      subject: 'Lunch on Friday?',
      text: 'Are you free?',
    });
    await expect
      .poll(async () => (await emailsIn(writer, writer.roles.inbox ?? '')).map((e) => e.subject), {
        timeout: 30_000,
      })
      .toContain('Out of office');
  });
});

test('an API token made in the settings opens JMAP to another client, until it is revoked', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await logIn(page, user);
  await openSettings(page);
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await expect(tokens.getByText('No API tokens yet.')).toBeVisible();
  const session = (secret: string) =>
    fetch(`${colibri.baseURL}/.well-known/jmap`, { headers: { Authorization: `Bearer ${secret}` } });

  let secret = '';
  await test.step('created with a name, its secret shown once', async () => {
    await tokens.getByLabel('Name of the new token').fill('Thunderbird on the laptop');
    await tokens.getByRole('button', { name: 'Create a token' }).click();
    await expect(tokens.getByText(/Token “Thunderbird on the laptop” created/)).toBeVisible();
    secret = await tokens.getByLabel('New token', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await expect(tokens.getByRole('listitem')).toHaveCount(1);
  });

  await test.step('a JMAP client gets the Session with it (RFC 8620 §2, Bearer)', async () => {
    const answer = await session(secret);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { username: string }).username).toBe(user.email);
  });

  await test.step('revoked in the settings, it opens nothing any more', async () => {
    await tokens.getByRole('button', { name: 'Done' }).click();
    await tokens.getByRole('button', { name: 'Revoke the token Thunderbird on the laptop' }).click();
    await expect(tokens.getByText('No API tokens yet.')).toBeVisible();
    expect((await session(secret)).status).toBe(401);
  });
});

test('an identity made in the settings, with its signature, is offered by the composer', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await logIn(page, user);
  await openSettings(page);
  const identities = page.getByRole('region', { name: 'Identities and signatures' });

  await test.step('an address that is not the user’s is refused by the server, and said so', async () => {
    await identities.getByRole('button', { name: 'Add an identity' }).click();
    await identities.getByLabel('Name').fill('Not me');
    await identities.getByLabel('Email address').fill('ceo@elsewhere.example');
    await identities.getByRole('button', { name: 'Save' }).click();
    await expect(identities.getByRole('alert')).toHaveText(
      'The server refused the change: You may not send from this address: it is not one of your account’s.',
    );
    await identities.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('the default identity gets a signature; a second one on the user’s address too', async () => {
    const list = identities.getByRole('list', { name: 'Identities' });
    await list
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: /^Edit / })
      .click();
    await identities.getByLabel('Signature (plain text)').fill('Alice, home');
    await identities.getByRole('button', { name: 'Save' }).click();
    await expect(list.getByText('Alice, home')).toBeVisible();
    await identities.getByRole('button', { name: 'Add an identity' }).click();
    await identities.getByLabel('Name').fill('Alice at work');
    await identities.getByLabel('Email address').fill(user.email);
    await identities.getByLabel('Signature (plain text)').fill('Alice, work team');
    await identities.getByRole('button', { name: 'Save' }).click();
    await expect(list.getByText('Alice at work')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });

  await test.step('the composer signs with the edited default, and swaps in the new identity’s signature', async () => {
    await page.getByRole('button', { name: 'Compose' }).click();
    const composer = page.getByRole('dialog', { name: 'New message' });
    const body = composer.getByRole('textbox', { name: 'Message body' });
    await expect(body).toContainText('Alice, home');
    await composer.getByLabel('From').selectOption({ label: `Alice at work <${user.email}>` });
    await expect(body).toContainText('Alice, work team');
    await expect(body).not.toContainText('Alice, home');
  });
});

test('dark theme, compact density and French are applied and kept after a reload', async ({
  page,
  colibri,
}) => {
  test.setTimeout(120_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, ['A row to measure']);
  await logIn(page, user);
  const rowHeight = async () => (await inboxList(page).row('A row to measure').boundingBox())?.height;
  const comfortable = await rowHeight();
  await openSettings(page);
  const html = page.locator('html');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await background();

  await test.step('dark theme: the page turns dark at once, and stays so after a reload', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).not.toBe(lightBackground);
    expect(await blockingViolations(page)).toEqual([]);
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  await test.step('compact density: shorter message rows', async () => {
    await page.getByRole('radio', { name: 'Compact' }).check();
    await expect(html).toHaveAttribute('data-density', 'compact');
    await page.getByRole('link', { name: 'Colibri' }).click();
    // A full page load (the brand is a plain link): the list comes back, in compact rows.
    await expect(inboxList(page).row('A row to measure')).toBeVisible({ timeout: 15_000 });
    await expect.poll(rowHeight).toBeLessThan(comfortable ?? 0);
    await page.getByRole('link', { name: 'Settings' }).click();
  });

  await test.step('French: applied with a reload, the whole UI and <html lang> follow, and it stays', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Apply and reload' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
    await expect(html).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('region', { name: 'Réponse automatique' })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Colibri' }).click();
    await expect(page.getByRole('button', { name: 'Nouveau message' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Paramètres' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await expect(html).toHaveAttribute('data-theme', 'dark');
  });
});

/** Records each Notification the page makes (the browser's own, wrapped: we check our call). */
function recordNotifications() {
  const Real = window.Notification;
  const shown: { title: string; body: string | undefined; notice: Notification }[] = [];
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body, notice: this });
    }
  }
  (window as unknown as { shownNotices: typeof shown }).shownNotices = shown;
  window.Notification = Recorded;
}

const shownNotices = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { shownNotices: { title: string; body?: string }[] }).shownNotices.map(
      ({ title, body }) => ({
        title,
        body,
      }),
    ),
  );

test('a desktop notification for new Inbox mail, once allowed; a click opens the message', async ({
  page,
  context,
  colibri,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['notifications']);
  await page.addInitScript(recordNotifications);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, ['Already there']);
  await logIn(page, user);
  await openSettings(page);

  await test.step('turned on: the browser allows it', async () => {
    await page.getByRole('checkbox', { name: /Desktop notifications/ }).check();
    await expect(page.getByText('Allowed by the browser.')).toBeVisible();
  });

  await test.step('a message delivered over SMTP shows one notice with its sender and subject', async () => {
    await deliver(colibri, user, ['Quarterly figures']);
    await expect
      .poll(() => shownNotices(page))
      .toEqual([{ title: 'New message from Dana Sender', body: 'Quarterly figures' }]);
  });

  await test.step('two messages in one Email/set make one grouped notice', async () => {
    const inbox = user.roles.inbox ?? '';
    const draft = (subject: string, name: string): Partial<Email> => ({
      mailboxIds: { [inbox]: true as const },
      from: [{ name, email: `${name.toLowerCase()}@example.org` }],
      to: [{ name: null, email: user.email }],
      subject,
    });
    // RFC 8621 §4.6: one Email/set; the server may push once per message, close together.
    await user.jmap.call('Email/set', {
      accountId: user.accountId,
      create: { one: draft('Imported one', 'Erin'), two: draft('Imported two', 'Frank') },
    });
    await expect.poll(async () => (await shownNotices(page)).length).toBe(2);
    expect((await shownNotices(page))[1]).toEqual({ title: '2 new messages', body: 'From Erin, Frank' });
  });

  await test.step('clicking the first notice opens its message', async () => {
    await page.evaluate(() => {
      const [first] = (window as unknown as { shownNotices: { notice: Notification }[] }).shownNotices;
      first?.notice.onclick?.(new Event('click'));
    });
    await expect(page).toHaveURL(new RegExp(`/mail/${user.roles.inbox}/`));
    await expect(page.getByRole('heading', { name: 'Quarterly figures' })).toBeVisible();
  });

  await test.step('no notice while the Inbox is on screen: the list shows the news', async () => {
    await page.goto(`/mail/${user.roles.inbox}`);
    await deliver(colibri, user, ['Seen in the list']);
    await expect(inboxList(page).row('Seen in the list')).toBeVisible();
    // The notifier runs after the list's refresh; leave it time to (wrongly) notify.
    await page.waitForTimeout(1500);
    expect(await shownNotices(page)).toEqual([]);
  });
});
