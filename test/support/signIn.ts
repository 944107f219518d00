import type { Page } from 'playwright-core';

/** Signs in through the form, as a user would, and waits until the status says online. */
export async function signIn(
  page: Page,
  account: { jid: string; password: string },
  wsUrl: string,
  options: { staySignedIn?: boolean } = {},
): Promise<void> {
  await page.getByLabel('XMPP address').fill(account.jid);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel(/WebSocket URL/).fill(wsUrl);
  if (options.staySignedIn === false) await page.getByLabel('Stay signed in').uncheck();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await statusIs(page, 'online');
}

/** Waits until the always-visible connection status shows `status`. */
export async function statusIs(page: Page, status: string, timeoutMs = 30_000): Promise<void> {
  await page
    .locator(`[data-testid="connection-status"][data-status="${status}"]`)
    .waitFor({ timeout: timeoutMs });
}
