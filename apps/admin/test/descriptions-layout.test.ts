import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flushPromises, mount } from '@vue/test-utils';
import { ElDescriptions, ElDescriptionsItem } from 'element-plus';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { h } from 'vue';

/**
 * Detail cards (el-descriptions) across the admin: a 500-character answer must not squeeze its
 * label to one or two characters a line. The rule is the admin's theme (the stylesheets main.ts
 * loads), so every screen gets it; happy-dom applies those stylesheets to computed styles.
 */
const THEME = ['../src/styles.css', '../src/styles/descriptions.css'];

function loadTheme() {
  for (const file of THEME) {
    let css = '';
    try {
      css = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
    } catch {
      continue;
    }
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  }
}

const LONG = '本项目围绕碳纤维复合材料界面改性开展研究，'.repeat(25);

function card(border: boolean) {
  return mount(
    () =>
      h(ElDescriptions, { column: 2, border }, () => [
        h(ElDescriptionsItem, { label: '技术难题描述' }, () => LONG),
        h(ElDescriptionsItem, { label: '合同编号' }, () => 'HT-2026-0001'),
        h(ElDescriptionsItem, { label: '链接' }, () => 'https://example.test/'.padEnd(300, 'x')),
      ]),
    { attachTo: document.body },
  );
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  loadTheme();
});
afterEach(() => {
  document.head.innerHTML = '';
});

describe('detail cards: fixed label width, wrapping values', () => {
  it.each([true, false])(
    'border=%s: labels keep one width and stay on one line',
    async (border) => {
      const wrapper = card(border);
      await flushPromises();
      const labels = [...document.querySelectorAll<HTMLElement>('.el-descriptions__label')];
      expect(labels.length).toBe(3);
      for (const label of labels) {
        const style = getComputedStyle(label);
        // A bordered label is a table cell (its width is the column's least width); a plain one
        // floats beside its value and grows only for a label longer than that.
        const eightEm = `${8 * parseFloat(style.fontSize || '16px')}px`;
        if (border) expect(style.width, label.textContent ?? '').toBe(eightEm);
        else {
          expect(style.minWidth, label.textContent ?? '').toBe(eightEm);
          expect(style.float).toBe('left');
        }
        expect(style.whiteSpace).toBe('nowrap');
      }
      wrapper.unmount();
    },
  );

  it.each([true, false])('border=%s: long values wrap, even unbroken text', async (border) => {
    const wrapper = card(border);
    await flushPromises();
    const values = [...document.querySelectorAll<HTMLElement>('.el-descriptions__content')];
    expect(values.length).toBe(3);
    for (const value of values) {
      const style = getComputedStyle(value);
      expect(style.overflowWrap).toBe('anywhere');
      expect(style.wordBreak).toBe('break-word');
      if (!border) expect(style.display).toBe('flow-root');
    }
    wrapper.unmount();
  });
});
