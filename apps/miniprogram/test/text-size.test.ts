// @vitest-environment jsdom
import { createRequire } from 'node:module';
import postcss, { type PluginCreator } from 'postcss';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const textScale = require('../config/postcss-text-scale.cjs') as PluginCreator<object>;

async function transform(css: string): Promise<string> {
  return (await postcss([textScale({})]).process(css, { from: undefined })).css;
}

describe('the weapp build step that makes font sizes follow 大字模式', () => {
  it('scales every rpx (or px) font size by --kc-text-scale, defaulting to 1', async () => {
    const out = await transform(
      '.a { font-size: 28rpx; } .b { font-size: 22px; } .c { font-size: 0.5rpx; }',
    );
    expect(out).toContain('.a { font-size: calc(28rpx * var(--kc-text-scale,1)); }');
    expect(out).toContain('.b { font-size: calc(22px * var(--kc-text-scale,1)); }');
    expect(out).toContain('.c { font-size: calc(0.5rpx * var(--kc-text-scale,1)); }');
  });

  it('leaves alone what is not a plain length: PX, %, em, keywords, line-heights', async () => {
    const css =
      '.a { font-size: 24PX; } .b { font-size: 120%; } .c { font-size: 1.2em; } ' +
      '.d { font-size: inherit; } .e { line-height: 48rpx; height: 48rpx; } .f { font-size: 0; }';
    expect(await transform(css)).toBe(css);
  });
});

describe('usePageClass: the class of every page root', () => {
  /** A fresh app start: the setting module and the Taro storage stub loaded anew. */
  async function launch(platform: 'weapp' | 'h5', stored?: boolean) {
    vi.stubEnv('TARO_ENV', platform);
    vi.resetModules();
    const { taroStub } = await import('./stubs/taro');
    if (stored !== undefined) taroStub.storage.set('kc.largeText', stored);
    const textSize = await import('../src/services/text-size');
    const Page = () => createElement('div', { className: textSize.usePageClass() });
    return { taroStub, ...textSize, html: () => renderToStaticMarkup(createElement(Page)), Page };
  }

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('in WeChat, carries page--large-text from launch when the setting is on', async () => {
    const app = await launch('weapp', true);
    expect(app.html()).toBe('<div class="page page--large-text"></div>');
  });

  it('in WeChat, is the plain page class when the setting is off or unset', async () => {
    expect((await launch('weapp')).html()).toBe('<div class="page"></div>');
    expect((await launch('weapp', false)).html()).toBe('<div class="page"></div>');
  });

  it('re-renders a mounted page at once when the switch changes, and stores the choice', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const app = await launch('weapp');
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(createElement(app.Page)));
    expect(container.innerHTML).toBe('<div class="page"></div>');

    await act(async () => app.setLargeText(true));
    expect(container.innerHTML).toBe('<div class="page page--large-text"></div>');
    expect(app.taroStub.storage.get('kc.largeText')).toBe(true);

    await act(async () => app.setLargeText(false));
    expect(container.innerHTML).toBe('<div class="page"></div>');
    expect(app.taroStub.storage.get('kc.largeText')).toBe(false);
    act(() => root.unmount());
  });

  it('on H5 stays the plain page class: there the rem root is scaled instead', async () => {
    expect((await launch('h5', true)).html()).toBe('<div class="page"></div>');
  });
});
