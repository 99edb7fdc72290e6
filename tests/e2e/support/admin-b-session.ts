import type { Page } from 'playwright-core';
import { adminLogin } from './admin';

/**
 * Signs in and waits until the signed-in layout shows the officer (the login URL itself
 * contains `redirect=/organisations`, so waiting on the URL alone would return too early).
 */
export async function signIn(
  page: Page,
  adminUrl: string,
  username: string,
  password?: string,
): Promise<void> {
  await adminLogin(page, adminUrl, username, password);
  await page.getByTestId('officer-name').waitFor();
}

/** The latest Element Plus message toast's text. */
export function lastMessage(page: Page) {
  return page.locator('.el-message').last();
}
