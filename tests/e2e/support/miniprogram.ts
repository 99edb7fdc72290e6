import type { Page } from 'playwright-core';

/**
 * The mini-program's H5 build as a person uses it. Taro renders inputs as
 * `<taro-input-core id=…><input class="weui-input">`: we type into the inner input.
 */
export function field(page: Page, id: string) {
  return page.locator(`#${id} input, #${id} textarea`).first();
}

export function fieldError(page: Page, id: string) {
  return page.locator(`#${id}-error`);
}

export async function loginWithWeChat(page: Page, h5Url: string) {
  await page.goto(h5Url);
  await page.locator('#login-consent').click();
  await page.locator('#login-submit').click();
}
