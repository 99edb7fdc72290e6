import type { VueWrapper } from '@vue/test-utils';
import { flushPromises } from '@vue/test-utils';

/**
 * Driving Element Plus dialogs in happy-dom: they are teleported to the body, so they are found
 * there by test id, and a click or an input is followed by the promise and timer turns the
 * components need before the next look.
 */
export const inBody = (testId: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

export const settle = async () => {
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 150));
  await flushPromises();
};

export const click = async (testId: string) => {
  const el = inBody(testId);
  if (!el) throw new Error(`no ${testId}`);
  el.click();
  await settle();
};

export const type = async (testId: string, value: string) => {
  const el = inBody(testId)!;
  const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as
    HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
};

/** Sets an Element Plus control (select, date, number) the way the officer's choice would. */
export async function choose(wrapper: VueWrapper, name: string, testId: string, value: unknown) {
  const control = wrapper
    .findAllComponents({ name })
    // Some controls pass the attribute on to an inner element.
    .find((c) => (c.attributes('data-testid') ?? c.vm.$attrs['data-testid']) === testId);
  if (!control) throw new Error(`no ${name} ${testId}`);
  control.vm.$emit('update:modelValue', value);
  await flushPromises();
}

/** The label → error text of each form item inside an element (a dialog, one list item). */
export const errorsIn = (testId: string) =>
  Object.fromEntries(
    [...(inBody(testId)?.querySelectorAll('.el-form-item') ?? [])].map((item) => [
      item.querySelector('.el-form-item__label')?.textContent?.trim() ?? '',
      item.querySelector('.el-form-item__error')?.textContent?.trim() ?? '',
    ]),
  );

/** The messages shown under the fields inside an element (a dialog), in order. */
export const fieldErrorsIn = (testId: string) =>
  [...(inBody(testId)?.querySelectorAll('.el-form-item.is-error .el-form-item__error') ?? [])].map(
    (e) => e.textContent?.trim(),
  );

/** The text of each button inside an element. */
export const buttonsIn = (testId: string) =>
  [...(inBody(testId)?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim());
