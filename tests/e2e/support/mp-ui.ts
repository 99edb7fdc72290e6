import type { Page } from 'playwright-core';

/**
 * The mini-program H5 build as a person uses it (see apps/miniprogram/README.md for the ids).
 * Taro renders inputs as `<taro-input-core id=…><input>`: text goes into the inner element.
 */
export function input(page: Page, id: string) {
  return page.locator(`#${id} input, #${id} textarea`).first();
}

/** Types into a field and leaves it, as a person moving to the next one does. */
export async function typeInto(page: Page, id: string, text: string) {
  const box = input(page, id);
  await box.fill(text);
  await box.blur();
}

/** Text of an element, or '' when it is not there. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector).first();
  return (await el.count()) ? ((await el.textContent()) ?? '') : '';
}

/** Picks files through the browser's file chooser opened by a button. */
export async function chooseFiles(
  page: Page,
  buttonSelector: string,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.locator(buttonSelector).click(),
  ]);
  await chooser.setFiles(files);
}

/**
 * Names of the files an evidence row holds once uploaded. While a file is still on its way the
 * row shows "正在上传 <name>" instead, so reading the row's whole text would race the upload.
 */
export async function uploadedFiles(page: Page, row: string): Promise<string> {
  return (await page.locator(`#evidence-${row} .evidence__file-name`).allTextContents()).join('、');
}

/** Taro's H5 modal: confirm it (its class name is spelled `taro-model`). */
export async function confirmModal(page: Page) {
  await page.locator('.taro-model__confirm').click();
}

/** The latest H5 toast text. */
export function toastText(page: Page) {
  return textOf(page, '.taro__toast');
}

/** Waits for Taro's page slide (and any other finite animation) to end, before reading the screen whole. */
export async function animationsDone(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
