import { expect, test } from '../support/colibri.js';
import { deliver, emailsIn, inboxList, logIn, newMailUser } from '../support/webmail.js';

// Issue 5 (speed): the list fetches a row's conversation ahead of the click (its first rows when
// the page is idle, and the row the pointer rests on). Fetching is not reading: only opening a
// message marks it read. A user of its own.

test("a row's conversation is fetched ahead without marking it read; opening marks it read", async ({
  page,
  colibri,
}) => {
  test.setTimeout(60_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, ['Prefetch alpha', 'Prefetch bravo']);
  const inbox = user.roles.inbox ?? '';
  const [bravo] = await emailsIn(user, inbox);
  if (!bravo || bravo.subject !== 'Prefetch bravo') throw new Error('The newest message is not bravo.');
  // RFC 8620 §3.7: the conversation request gets the email, then its Thread by reference.
  // The first rows are fetched when the page is idle, the rested-on row too: whichever comes first.
  const conversationRequest = page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      (request.postData() ?? '').includes('Thread/get') &&
      (request.postData() ?? '').includes(bravo.id),
  );
  await logIn(page, user);
  const { row } = inboxList(page);

  await row('Prefetch bravo').hover();
  await (await conversationRequest).response();
  // The row still reads as unread, here and on the server.
  await expect(row('Prefetch bravo')).toContainText('Unread');
  const seen = async () =>
    (await emailsIn(user, inbox)).find((e) => e.id === bravo.id)?.keywords.$seen === true;
  expect(await seen()).toBe(false);

  await row('Prefetch bravo').click();
  await expect(
    page.getByRole('region', { name: 'Conversation' }).getByRole('heading', { name: 'Prefetch bravo' }),
  ).toBeVisible();
  await expect.poll(seen).toBe(true);
});
