import { readFileSync } from 'node:fs';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

// Taro's components become plain tags so the shared views render to HTML in node.
vi.mock('@tarojs/components', () => {
  const tag =
    (name: string) =>
    ({ children, className, id }: { children?: ReactNode; className?: string; id?: string }) =>
      createElement(name, { className, id }, children);
  return {
    View: tag('div'),
    Text: tag('span'),
    Button: tag('button'),
    Input: tag('input'),
    Textarea: tag('textarea'),
  };
});

const { ErrorState, EmptyState } = await import('../src/components/StateViews');
const { TextField } = await import('../src/components/TextField');

const css = readFileSync(new URL('../src/app.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);
/** Every declaration that applies to exactly this selector (alone or in a selector list). */
function rule(selector: string): string {
  let found = '';
  for (const [, selectors = '', body = ''] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (selectors.split(',').some((s) => s.trim() === selector)) found += body;
  }
  return found;
}

describe('shared error and empty states', () => {
  it('the error state says what happened and offers a way back as well as a retry', () => {
    const html = renderToStaticMarkup(
      createElement(ErrorState, { message: '网络不通，请稍后再试', onRetry: () => undefined }),
    );
    expect(html).toContain('加载失败');
    expect(html).toContain('网络不通，请稍后再试');
    expect(html).toContain('重新加载');
    expect(html).toMatch(/id="state-back"[^>]*>(返回|回到首页)</);
  });

  it('the empty state draws an illustration, not a bare ○', () => {
    const html = renderToStaticMarkup(createElement(EmptyState, { title: '暂无消息' }));
    expect(html).not.toContain('○');
    expect(html).toContain('state__illustration');
    expect(html).toContain('暂无消息');
  });
});

describe('text fields', () => {
  it('a textarea shows how much of its maximum is used', () => {
    const html = renderToStaticMarkup(
      createElement(TextField, {
        id: 'summary',
        label: '项目简介',
        value: '新能源',
        onChange: () => undefined,
        multiline: true,
        maxlength: 500,
      }),
    );
    expect(html).toContain('已输入 3/500');
  });

  it('a one-line input shows no counter', () => {
    const html = renderToStaticMarkup(
      createElement(TextField, {
        id: 'name',
        label: '名称',
        value: 'a',
        onChange: () => undefined,
      }),
    );
    expect(html).not.toContain('已输入');
  });
});

describe('form styles', () => {
  it('centres an input’s text vertically', () => {
    expect(rule('.input')).toMatch(/align-items: center/);
    expect(rule('.input')).toMatch(/display: flex/);
  });

  it('never breaks a label inside a word', () => {
    expect(rule('.form-row__label')).toMatch(/word-break: keep-all/);
    // Key–value rows: a fixed 200px column split 统一社会信用代 / 码; it grows with its label instead.
    expect(rule('.kv__key')).toMatch(/white-space: nowrap/);
    expect(rule('.kv__key')).toMatch(/min-width: 200px/);
  });

  it('keeps the textarea’s resize handle inside its box', () => {
    expect(rule('.textarea')).toMatch(/resize: none/);
    // On H5 the box is Taro's wrapper; the real <textarea> inside must fit its content box.
    expect(rule('.textarea .taro-textarea')).toMatch(/height: 100%/);
    expect(rule('.textarea .taro-textarea')).toMatch(/resize: none/);
  });
});
