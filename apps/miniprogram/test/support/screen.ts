import type { ReactElement } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';
import { saveSession } from '../../src/services/session-store';
import { taroStub } from '../stubs/taro';

/**
 * A React screen in jsdom for the tests of a `describe` (a jsdom test file; Taro's components
 * mocked as plain tags). Before each test: a new root in the document, signed in for an hour, the
 * Taro stub's storage, toasts and asked confirmations emptied and the next ones answered 确定.
 * After each: unmounted, spies restored. Elements are found by their id, as the pages name them;
 * a click lets the request it starts and its answer play out.
 *
 * ```ts
 * const screen = createScreen();
 * const { $, text, click, type } = screen;
 * ```
 */
export function createScreen() {
  let container: HTMLElement;
  let root: ReturnType<typeof createRoot>;

  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    taroStub.storage.clear();
    taroStub.toasts.length = 0;
    taroStub.modals.length = 0;
    taroStub.modalConfirm = true;
    saveSession('tok-1', new Date(Date.now() + 3_600_000));
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.restoreAllMocks();
  });

  const $ = (id: string) => container.querySelector<HTMLElement>(`#${id}`);

  /** Lets pending requests, answers and the renders they cause play out. */
  async function settle() {
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  }

  return {
    /** The element the screen renders into (this test's). */
    get container() {
      return container;
    },
    $,
    text: (id: string) => $(id)?.textContent ?? null,
    /** What an input or textarea holds. */
    valueOf: (id: string) => ($(id) as HTMLInputElement | null)?.value ?? null,
    settle,
    async render(node: ReactElement) {
      await act(async () => root.render(node));
    },
    async click(id: string) {
      const el = $(id);
      if (!el) throw new Error(`no #${id}`);
      await act(async () => {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      });
      await settle();
    },
    /** Types into an input or textarea the way React sees it (its value setter, then `input`). */
    async type(id: string, value: string) {
      const el = container.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        `input#${id}, textarea#${id}`,
      );
      if (!el) throw new Error(`no box #${id}`);
      const proto =
        el instanceof HTMLTextAreaElement
          ? HTMLTextAreaElement.prototype
          : HTMLInputElement.prototype;
      await act(async () => {
        Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    /** Leaves a field (React's onBlur listens to focusout). */
    async blur(id: string) {
      const el = $(id);
      if (!el) throw new Error(`no #${id}`);
      await act(async () => {
        el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      });
    },
  };
}
