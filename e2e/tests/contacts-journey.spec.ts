import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/colibri.js';
import { deliver, emailsIn, logIn, newMailUser } from '../support/webmail.js';

// Issue 7, the contacts view against the real server (JMAP Contacts, RFC 9610): a contact made in
// the editor is a JSContact card on the server and is suggested by the composer; a .vcf of 500
// cards is imported in batches, counted, exported back and compared (names and emails).

const IMPORTED = 500;

/** A vCard 4.0 file (RFC 6350) of `count` people, CRLF lines; names carry accents to test UTF-8. */
function generatedVcf(count: number): { text: string; people: { name: string; email: string }[] } {
  const people = Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return { name: `Léa Import${n}`, email: `lea.import${n}@vcf.example` };
  });
  const text = people
    .map((p, i) =>
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `UID:urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        `FN:${p.name}`,
        `N:${p.name.split(' ')[1]};Léa;;;`,
        `EMAIL;TYPE=work:${p.email}`,
        'END:VCARD',
      ].join('\r\n'),
    )
    .join('\r\n');
  return { text: `${text}\r\n`, people };
}

/** The names and emails of a .vcf text: unfolded (RFC 6350 §3.2), FN and EMAIL of each card. */
function namesAndEmails(vcf: string): { name: string; email: string }[] {
  const unfolded = vcf.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split(/BEGIN:VCARD\r?\n/i)
    .slice(1)
    .map((card) => {
      const lines = card.split(/\r?\n/);
      const value = (property: string) => {
        const line = lines.find((l) => new RegExp(`^(?:[\\w-]+\\.)?${property}[;:]`, 'i').test(l));
        return line ? line.slice(line.indexOf(':') + 1).replace(/\\,/g, ',') : '';
      };
      return { name: value('FN'), email: value('EMAIL') };
    });
}

const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);

test('contacts: create, find in the composer, import 500 cards, export them back', async ({
  page,
  colibri,
}) => {
  test.setTimeout(180_000);
  const user = await newMailUser(colibri);
  await logIn(page, user);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

  await test.step('create a contact with the editor', async () => {
    await page.getByRole('button', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('First name').fill('Zoé');
    await form.getByLabel('Last name').fill('Quartermaine');
    await form.getByRole('button', { name: 'Add an email' }).click();
    await form.getByLabel('Email 1').fill('zoe.q@example.org');
    await form.getByLabel('Job title').fill('Cartographer');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Zoé Quartermaine' })).toBeVisible();
    await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
  });

  await test.step('the server holds it as a JSContact card', async () => {
    const { ids } = await user.jmap.call('ContactCard/query', {
      accountId: user.accountId,
      filter: { email: 'zoe.q@example.org' },
    });
    const { list } = await user.jmap.call('ContactCard/get', { accountId: user.accountId, ids });
    expect(list).toEqual([
      expect.objectContaining({
        '@type': 'Card',
        name: expect.objectContaining({ full: 'Zoé Quartermaine' }),
        emails: { k1: expect.objectContaining({ address: 'zoe.q@example.org' }) },
        titles: { t1: expect.objectContaining({ name: 'Cartographer' }) },
      }),
    ]);
  });

  await test.step("the composer's autocomplete suggests it", async () => {
    await page.getByRole('button', { name: 'Compose' }).click();
    const composer = page.getByRole('dialog', { name: 'New message' });
    const to = composer.getByRole('combobox', { name: 'To', exact: true });
    await to.pressSequentially('quarter');
    const listId = await to.getAttribute('list');
    expect(listId).toBeTruthy();
    await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveAttribute(
      'value',
      'Zoé Quartermaine <zoe.q@example.org>',
    );
    await to.fill('');
    await composer.press('Escape');
  });

  const { text, people } = generatedVcf(IMPORTED);
  await test.step(`import a .vcf of ${IMPORTED} cards`, async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const panel = page.getByRole('region', { name: 'Import contacts' });
    await panel.getByLabel('vCard file').setInputFiles({
      name: 'people.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(text, 'utf8'),
    });
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(panel.getByText(`${IMPORTED} contacts imported.`)).toBeVisible({ timeout: 90_000 });
    await expect(panel.getByText(/not imported/)).toHaveCount(0);
    await expect(page.getByText(`${IMPORTED + 1} contacts`, { exact: true })).toBeVisible();
  });

  await test.step('search finds one imported card', async () => {
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('import123');
    await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /Léa Import123/ })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
    await expect(page.getByText(`${IMPORTED + 1} contacts`, { exact: true })).toBeVisible();
  });

  await test.step('export the address book and compare it with the import', async () => {
    await page.getByRole('button', { name: 'Contacts', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Contacts.vcf');
    const exported = namesAndEmails(await readFile(await download.path(), 'utf8'));
    expect(exported).toHaveLength(IMPORTED + 1);
    const imported = exported.filter((card) => card.email.endsWith('@vcf.example')).sort(byEmail);
    expect(imported).toEqual([...people].sort(byEmail));
    expect(exported).toContainEqual({ name: 'Zoé Quartermaine', email: 'zoe.q@example.org' });
  });
});

test('the reader adds a sender to contacts in one click; the card writes a mail to them', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  // deliver() sends from "Dana Sender <dana@example.org>" over real SMTP.
  await deliver(colibri, user, ['Lunch on Friday']);
  const [email] = await emailsIn(user, user.roles.inbox ?? '');
  await logIn(page, user);
  await page.goto(`/mail/${user.roles.inbox}/${email?.id}`);
  const conversation = page.getByRole('region', { name: 'Conversation' });

  await test.step('"Add to contacts" on the sender makes a card, once', async () => {
    await conversation.getByRole('button', { name: 'Add to contacts: dana@example.org' }).click();
    await expect(page.getByText('Dana Sender added to contacts.')).toBeVisible();
    const { ids } = await user.jmap.call('ContactCard/query', {
      accountId: user.accountId,
      filter: { email: 'dana@example.org' },
    });
    const { list } = await user.jmap.call('ContactCard/get', { accountId: user.accountId, ids });
    expect(list).toEqual([
      expect.objectContaining({
        name: expect.objectContaining({ full: 'Dana Sender' }),
        emails: { e1: expect.objectContaining({ address: 'dana@example.org' }) },
      }),
    ]);
    await conversation.getByRole('button', { name: 'Add to contacts: dana@example.org' }).click();
    await expect(page.getByText('Dana Sender is already in your contacts.')).toBeVisible();
  });

  await test.step('"Write a mail" on the card opens a composer addressed to it', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: /Dana Sender/ }).click();
    await page.getByRole('button', { name: 'Write a mail' }).click();
    const composer = page.getByRole('dialog', { name: 'New message' });
    await expect(composer.getByRole('button', { name: 'Remove dana@example.org' })).toBeVisible();
  });

  await test.step('"Merge duplicates" makes one card of two with the same address', async () => {
    // A second card for the same person, as another client or a .vcf import would leave one.
    await user.jmap.call('ContactCard/set', {
      accountId: user.accountId,
      create: {
        dup: {
          '@type': 'Card',
          version: '1.0',
          name: {
            full: 'Dana Sender',
            components: [
              { kind: 'given', value: 'Dana' },
              { kind: 'surname', value: 'Sender' },
            ],
          },
          emails: { e1: { address: 'DANA@example.org' } },
          phones: { p1: { number: '+33 1 23 45 67 89' } },
        },
      },
    });
    await page.goto('/contacts');
    await expect(page.getByText('2 contacts', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Merge duplicates…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge duplicates' });
    await expect(dialog.getByText('1 possible duplicate. They share an email address.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
    await expect(dialog.getByText('No duplicates found.')).toBeVisible();
    const { ids } = await user.jmap.call('ContactCard/query', {
      accountId: user.accountId,
      filter: { email: 'dana@example.org' },
    });
    const { list } = await user.jmap.call('ContactCard/get', { accountId: user.accountId, ids });
    expect(list).toEqual([
      expect.objectContaining({
        name: expect.objectContaining({ full: 'Dana Sender' }),
        phones: { p1: expect.objectContaining({ number: '+33 1 23 45 67 89' }) },
      }),
    ]);
    expect(Object.keys(list[0]?.emails ?? {})).toHaveLength(1);
  });

  await test.step('dragging the card onto a group makes it a member', async () => {
    await page.getByLabel('New group').fill('Friends');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const group = page.getByRole('button', { name: 'Friends 0' });
    await expect(group).toBeVisible();
    await page
      .getByRole('list', { name: 'Contacts' })
      .getByRole('button', { name: /Dana Sender/ })
      .dragTo(group);
    await expect(page.getByRole('button', { name: 'Friends 1' })).toBeVisible();
    const { ids } = await user.jmap.call('ContactCard/query', {
      accountId: user.accountId,
      filter: { kind: 'group' },
    });
    const { list } = await user.jmap.call('ContactCard/get', { accountId: user.accountId, ids });
    const danas = await user.jmap.call('ContactCard/query', {
      accountId: user.accountId,
      filter: { email: 'dana@example.org' },
    });
    const got = await user.jmap.call('ContactCard/get', { accountId: user.accountId, ids: danas.ids });
    const uid = String((got.list[0] as { uid?: string } | undefined)?.uid);
    expect(list).toEqual([expect.objectContaining({ members: { [uid]: true } })]);
  });
});
