const ACTIVATED_BY_KEYS = new Set(['button', 'link', 'checkbox', 'radio', 'tab', 'switch']);

const isOff = (el: Element) =>
  el.getAttribute('aria-disabled') === 'true' ||
  (el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false');

/**
 * Taro's H5 components are custom elements (<taro-view-core>, <taro-button-core>) that a
 * keyboard cannot use. Enter (and Space, except on links) activates anything with a control
 * role, as native controls do; every Taro Button gets the role and tab stop of a <button>.
 */
export function installKeyboard(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = e.target as HTMLElement | null;
    const role = el?.getAttribute('role') ?? '';
    if (!el || !ACTIVATED_BY_KEYS.has(role) || el.matches('input, textarea, button, a')) return;
    if (e.key === ' ' && role === 'link') return;
    e.preventDefault();
    if (!isOff(el)) el.click();
  });

  let queued = false;
  const markButtons = () => {
    queued = false;
    document.querySelectorAll('taro-button-core').forEach((button) => {
      // From Taro's own `disabled` only: our aria-disabled follows it, never the reverse.
      const off = button.hasAttribute('disabled') && button.getAttribute('disabled') !== 'false';
      if (button.getAttribute('role') !== 'button') button.setAttribute('role', 'button');
      const tabindex = off ? '-1' : '0';
      if (button.getAttribute('tabindex') !== tabindex) button.setAttribute('tabindex', tabindex);
      if (off !== button.hasAttribute('aria-disabled')) {
        if (off) button.setAttribute('aria-disabled', 'true');
        else button.removeAttribute('aria-disabled');
      }
    });
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(markButtons);
  }).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
}
