import { expect, test } from '../support/colibri.js';
import { logIn, newMailUser } from '../support/webmail.js';

// Issue 6, the calendar in the browser against the real server (JMAP Calendars): an event made in
// the editor is stored as a JSCalendar event, shows in the week grid, and survives a reload.

test('an event created in the calendar is stored on the server and shown in the week', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await logIn(page, user);
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Calendars' })).toBeVisible();

  await test.step('create an event with the editor', async () => {
    await page.getByRole('button', { name: 'New event' }).click();
    const dialog = page.getByRole('dialog', { name: 'New event' });
    await dialog.getByLabel('Title').fill('Design review');
    await dialog.getByLabel('Location').fill('Room 4');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Design review').first()).toBeVisible();
  });

  await test.step('the server holds it as a JSCalendar event in the default calendar', async () => {
    const { list: calendars } = await user.jmap.call('Calendar/get', {
      accountId: user.accountId,
      ids: null,
    });
    expect(calendars.length).toBeGreaterThan(0);
    const { ids } = await user.jmap.call('CalendarEvent/query', { accountId: user.accountId });
    const { list } = await user.jmap.call('CalendarEvent/get', { accountId: user.accountId, ids });
    expect(list).toEqual([
      expect.objectContaining({
        '@type': 'Event',
        title: 'Design review',
        locations: expect.any(Object),
        calendarIds: { [String(calendars[0]?.id)]: true },
      }),
    ]);
  });

  await test.step('after a reload the event is still in the grid', async () => {
    await page.reload();
    await expect(page.getByText('Design review').first()).toBeVisible({ timeout: 15_000 });
  });
});
