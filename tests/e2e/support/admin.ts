import type { Page } from 'playwright-core';

/*
 * The admin as an officer uses it: log in, open the organisation directory, search.
 */

/**
 * Fills and submits the login form. It does not wait for the result (a refusal keeps the page);
 * to wait for success, wait for something only a signed-in page shows — the login URL itself
 * contains `redirect=/organisations`, so a URL match returns too early.
 */
export async function adminLogin(
  page: Page,
  adminUrl: string,
  username: string,
  password = 'Demo@2026',
) {
  await page.goto(`${adminUrl}/organisations`);
  // The route guard sends a signed-out officer to the login page and back afterwards.
  await page.waitForURL(/\/login\?redirect=/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function searchOrganisations(page: Page, keyword: string) {
  await page.getByTestId('filter-q').fill(keyword);
  await page.getByTestId('filter-search').click();
  // Wait for the table to settle after the query.
  await page.waitForLoadState('networkidle');
}

export function orgTable(page: Page) {
  return page.getByTestId('org-table');
}
