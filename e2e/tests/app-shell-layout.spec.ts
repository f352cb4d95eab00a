import { expect, test } from '../support/colibri.js';
import { logIn, newMailUser } from '../support/webmail.js';

// The banner on desktop widths: everything stays inside the window, the search box keeps room to
// type, and a long address is what gives way (shortened, whole in its tooltip).

for (const width of [1280, 1024]) {
  test(`at ${width} px the page is no wider than the window and the search box keeps its room`, async ({
    page,
    colibri,
  }) => {
    const user = await newMailUser(colibri);
    await page.setViewportSize({ width, height: 800 });
    await logIn(page, user);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    const search = await page.getByRole('searchbox', { name: 'Search mail' }).boundingBox();
    expect(search?.width ?? 0).toBeGreaterThanOrEqual(120);
    const logOut = await page.getByRole('button', { name: 'Log out' }).boundingBox();
    expect((logOut?.x ?? width) + (logOut?.width ?? 0)).toBeLessThanOrEqual(width);
    await expect(page.getByText(user.email, { exact: true })).toHaveAttribute('title', user.email);
  });
}
