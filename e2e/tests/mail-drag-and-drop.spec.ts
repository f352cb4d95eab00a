import { expect, test } from '../support/colibri.js';
import { deliver, inboxList, logIn, newMailUser, subjectsIn } from '../support/webmail.js';

// Issue 5: folders made in the UI (Mailbox/set) and messages moved onto them by drag and drop,
// one row or the whole selection, checked on the server over JMAP. A user of its own.

test('move by drag-and-drop onto a folder made in the UI', async ({ page, colibri }) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, ['Drag one', 'Drag two', 'Drag three']);
  await logIn(page, user);
  const mailboxes = page.getByRole('navigation', { name: 'Mailboxes' });
  const { rows, row } = inboxList(page);
  await expect(rows).toHaveCount(3);

  await test.step('a new folder, nested under Archive', async () => {
    await mailboxes.getByRole('button', { name: 'New folder' }).click();
    await mailboxes.getByLabel('Folder name').fill('Projects');
    await mailboxes.getByLabel('Inside').selectOption({ label: 'Archive' });
    await mailboxes.getByRole('button', { name: 'Create' }).click();
    await expect(mailboxes.getByRole('button', { name: 'Projects' })).toBeVisible();
  });
  const { list } = await user.jmap.call('Mailbox/get', {
    accountId: user.accountId,
    ids: null,
    properties: ['id', 'name', 'parentId'],
  });
  const projects = list.find((m) => m.name === 'Projects');
  expect(projects?.parentId).toBe(user.roles.archive);
  const projectsId = projects?.id ?? '';

  await test.step('one row dragged onto the folder moves there', async () => {
    await row('Drag one').dragTo(mailboxes.getByRole('button', { name: 'Projects' }));
    await expect(row('Drag one')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '1 message moved to Projects' })).toBeVisible();
    await expect.poll(() => subjectsIn(user, projectsId)).toEqual(['Drag one']);
  });

  await test.step('a dragged selection moves as a whole', async () => {
    await row('Drag two').click();
    await row('Drag three').click({ modifiers: ['ControlOrMeta'] });
    await row('Drag three').dragTo(mailboxes.getByRole('button', { name: 'Projects' }));
    await expect(rows).toHaveCount(0);
    await expect.poll(() => subjectsIn(user, projectsId)).toEqual(['Drag one', 'Drag three', 'Drag two']);
    await expect.poll(() => subjectsIn(user, user.roles.inbox ?? '')).toEqual([]);
  });

  await test.step('the folder is renamed, its unread count shown', async () => {
    await mailboxes.getByRole('button', { name: /^Projects/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    await mailboxes.getByRole('button', { name: 'Rename' }).click();
    await mailboxes.getByLabel('Folder name').fill('Clients');
    await mailboxes.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    // "Drag two" was opened when clicked: the two others are still unread.
    await expect(mailboxes.getByRole('button', { name: 'Clients 2 unread' })).toBeVisible();
  });

  await test.step('a folder moves to the top level, and an empty folder is deleted', async () => {
    await mailboxes.getByLabel('Move to… (Clients)').selectOption({ label: '(top level)' });
    await expect
      .poll(async () => {
        const { list } = await user.jmap.call('Mailbox/get', {
          accountId: user.accountId,
          ids: [projectsId],
          properties: ['parentId'],
        });
        return list[0]?.parentId;
      })
      .toBeNull();
    await mailboxes.getByRole('button', { name: 'New folder' }).click();
    await mailboxes.getByLabel('Folder name').fill('Scratch');
    await mailboxes.getByRole('button', { name: 'Create' }).click();
    await mailboxes.getByRole('button', { name: 'Scratch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Scratch' })).toBeVisible();
    page.once('dialog', (dialog) => void dialog.accept());
    await mailboxes.getByRole('button', { name: 'Delete folder' }).click();
    await expect(mailboxes.getByRole('button', { name: 'Scratch' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  });
});
