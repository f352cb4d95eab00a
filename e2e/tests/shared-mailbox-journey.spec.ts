import type { Id } from '@colibri/jmap-types';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { deliver as deliverMail } from '../support/smtp.js';
import { emailsIn, logIn, newMailUser, subjectsIn } from '../support/webmail.js';
import type { MailUser } from '../support/webmail.js';

// Issue 5 with RFC 9670 (JMAP Sharing): a folder shared in the UI (Mailbox shareWith, people
// found with Principal/query), the sharee's "Shared with me" tree, their rights enforced by the
// UI (read-only: no delete), a forward of the owner's message that keeps its file (copied into
// the sharee's account with Blob/copy, RFC 8620 §6.3), then widened to full access (they move a
// message within the owner's account). Outcomes are checked on the server over JMAP. Three
// throwaway users.

/** A top-level folder of the user, made over JMAP. */
async function newFolder(user: MailUser, name: string): Promise<Id> {
  const result = await user.jmap.call('Mailbox/set', {
    accountId: user.accountId,
    create: { folder: { name, parentId: null } },
  });
  const id = result.created?.folder?.id;
  if (!id) throw new Error(`Folder ${name} not made: ${JSON.stringify(result.notCreated)}`);
  return id;
}

/** Shares the open folder with `person` at `access`, through the folder's "Share…" dialog. */
async function shareOpenFolder(page: Page, folder: string, person: string, access: string) {
  await page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: `Share “${folder}”` });
  await dialog.getByLabel('Person').fill(person);
  await dialog.getByRole('combobox', { name: 'Access', exact: true }).selectOption({ label: access });
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(accessOf(dialog, person)).toBeVisible();
  return dialog;
}

/** The access select of one sharee in the dialog's "Shared with" list. */
const accessOf = (dialog: Locator, person: string) =>
  dialog
    .getByRole('listitem')
    .filter({ hasText: person })
    .getByRole('combobox', { name: /^Access of / });

test('share a folder read-only, then with full access; the sharee reads, cannot delete, then moves', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(150_000);
  const alice = await newMailUser(colibri);
  const bob = await newMailUser(colibri);
  const carol = await newMailUser(colibri);
  const projects = await newFolder(alice, 'Projects');
  const done = await newFolder(alice, 'Done');
  const figures = Buffer.from('quarter,total\nQ3,4200\n');
  await deliverMail(colibri.smtpPort, {
    from: 'Dana Sender <dana@example.org>',
    to: alice.email,
    subject: 'Shared plan',
    text: 'Body of Shared plan.',
    attachments: [{ filename: 'figures.csv', content: figures, contentType: 'text/csv' }],
  });
  await expect.poll(async () => (await emailsIn(alice, alice.roles.inbox ?? '')).length).toBe(1);
  const [plan] = await emailsIn(alice, alice.roles.inbox ?? '');
  await alice.jmap.call('Email/set', {
    accountId: alice.accountId,
    update: { [plan!.id]: { mailboxIds: { [projects]: true } } },
  });

  const aliceContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  await logIn(alicePage, alice);
  const aliceTree = alicePage.getByRole('navigation', { name: 'Mailboxes' });

  await test.step('alice shares Projects with bob, read only, from the folder options', async () => {
    await aliceTree.getByRole('button', { name: /^Projects/ }).click();
    await expect(alicePage.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    const dialog = await shareOpenFolder(alicePage, 'Projects', bob.email, 'Can read');
    await expect(accessOf(dialog, bob.email)).toHaveValue('read');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const { list } = await alice.jmap.call('Mailbox/get', {
      accountId: alice.accountId,
      ids: [projects],
      properties: ['shareWith'],
    });
    const rights = Object.values(list[0]?.shareWith ?? {});
    expect(rights).toHaveLength(1);
    expect(rights[0]).toMatchObject({ mayReadItems: true, mayRemoveItems: false, mayDelete: false });
  });

  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await logIn(bobPage, bob);
  const shared = bobPage.getByRole('region', { name: /^Shared with me by / });

  await test.step('bob sees the folder under Shared with me, opens it and reads the message', async () => {
    await expect(shared.getByRole('button', { name: /^Projects/ })).toBeVisible();
    await expect(shared.getByRole('button', { name: /^Done/ })).toHaveCount(0);
    await shared.getByRole('button', { name: /^Projects/ }).click();
    await expect(bobPage.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    const list = bobPage.getByRole('listbox', { name: 'Messages in Projects' });
    await list.getByRole('option', { name: /Shared plan/ }).click();
    await expect(bobPage.getByRole('heading', { name: 'Shared plan' })).toBeVisible();
  });

  await test.step('read only: bob is offered no delete, and the shortcut is refused with a message', async () => {
    const toolbar = bobPage.getByRole('toolbar');
    await expect(toolbar.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(toolbar.getByLabel('Move to…')).toHaveCount(0);
    await bobPage.keyboard.press('#');
    await expect(bobPage.getByRole('alert').filter({ hasText: 'You do not have the right' })).toBeVisible();
    expect(await subjectsIn(alice, projects)).toEqual(['Shared plan']);
  });

  await test.step('bob forwards the message to carol, and its file goes along', async () => {
    await bobPage
      .getByRole('region', { name: 'Conversation' })
      .getByRole('button', { name: 'Forward', exact: true })
      .click();
    const composer = bobPage.getByRole('dialog', { name: 'Fwd: Shared plan' });
    const files = composer.getByRole('list', { name: 'Attached files' });
    await expect(files.getByRole('button', { name: 'Remove figures.csv' })).toBeVisible();
    await expect(files.getByRole('alert')).toHaveCount(0);
    const toField = composer.getByRole('combobox', { name: 'To', exact: true });
    await toField.fill(carol.email);
    await toField.press('Enter');
    await expect(composer.getByRole('button', { name: `Remove ${carol.email}` })).toBeVisible();
    await composer.getByLabel('Undo send').selectOption('0');
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(composer).toHaveCount(0);
    const received = async () => {
      const { ids } = await carol.jmap.call('Email/query', {
        accountId: carol.accountId,
        filter: { subject: 'Fwd: Shared plan' },
      });
      if (ids.length === 0) return [];
      const { list } = await carol.jmap.call('Email/get', {
        accountId: carol.accountId,
        ids,
        properties: ['attachments'],
        bodyProperties: ['name', 'type', 'size'],
      });
      return list.flatMap((email) => email.attachments ?? []);
    };
    await expect
      .poll(received, { timeout: 30_000 })
      .toEqual([expect.objectContaining({ name: 'figures.csv', type: 'text/csv', size: figures.length })]);
    // The owner's message is untouched, and still the only one in the shared folder.
    expect(await subjectsIn(alice, projects)).toEqual(['Shared plan']);
  });

  await test.step('alice gives bob full access to Projects, and shares Done with him', async () => {
    await aliceTree.getByRole('button', { name: /^Projects/ }).click();
    await aliceTree.getByRole('button', { name: 'Share…' }).click();
    const dialog = alicePage.getByRole('dialog', { name: 'Share “Projects”' });
    await accessOf(dialog, bob.email).selectOption({ label: 'Full access' });
    await expect(accessOf(dialog, bob.email)).toHaveValue('full');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await aliceTree.getByRole('button', { name: /^Done/ }).click();
    await expect(alicePage.getByRole('heading', { level: 1, name: 'Done' })).toBeVisible();
    const doneDialog = await shareOpenFolder(alicePage, 'Done', bob.email, 'Full access');
    await doneDialog.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('bob moves the message to Done, within alice’s account', async () => {
    await bobPage.reload();
    await expect(shared.getByRole('button', { name: /^Done/ })).toBeVisible();
    const list = bobPage.getByRole('listbox', { name: 'Messages in Projects' });
    await list.getByRole('option', { name: /Shared plan/ }).click();
    const toolbar = bobPage.getByRole('toolbar');
    await expect(toolbar.getByRole('button', { name: 'Delete' })).toBeVisible();
    await toolbar.getByLabel('Move to…').selectOption({ label: 'Done' });
    await expect(list.getByRole('option', { name: /Shared plan/ })).toHaveCount(0);
    await expect.poll(() => subjectsIn(alice, done)).toEqual(['Shared plan']);
    expect(await subjectsIn(alice, projects)).toEqual([]);
  });

  await aliceContext.close();
  await bobContext.close();
});
