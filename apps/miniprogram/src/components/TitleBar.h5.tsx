import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { type TabKey, back } from '../services/nav';
import './TitleBar.h5.css';

/** The tab that owns each section: where 返回 leads when a link opened the page directly. */
const OWNERS: readonly (readonly [string, TabKey])[] = [
  ['/packages/apply/detail/', 'applications'],
  ['/packages/apply/', 'programmes'],
  ['/packages/selection/', 'programmes'],
  ['/packages/', 'profile'],
  ['/pages/register/', 'profile'],
];

function whereWeAre() {
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  // Sub-pages, and the profile being edited (a page over 我的); tabs and login have none.
  const sub =
    path.startsWith('/packages/') ||
    (path.startsWith('/pages/register/') && /(^|&)edit=1/.test(query));
  return { path, sub, title: document.title };
}

/** First in <body>, so the bar is the first tab stop (and outside #app: see below). */
let host: HTMLElement | undefined;
function barHost(): HTMLElement {
  if (!host) {
    host = document.createElement('div');
    document.body.prepend(host);
  }
  return host;
}

/**
 * The H5 build's title bar for sub-pages. Taro's own H5 bar offers "home", which leads to the
 * first page (login); this one says where you are (the page's navigationBarTitleText, which
 * Taro puts in document.title) and goes back, or to the owning tab after a deep link.
 */
export function TitleBar() {
  const [at, setAt] = useState(whereWeAre);
  useEffect(() => {
    const update = () => setAt(whereWeAre());
    Taro.eventCenter.on('__taroRouterChange', update);
    window.addEventListener('popstate', update);
    const titles = new MutationObserver(update);
    const title = document.querySelector('title');
    if (title) titles.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      Taro.eventCenter.off('__taroRouterChange', update);
      window.removeEventListener('popstate', update);
      titles.disconnect();
    };
  }, []);
  useEffect(() => {
    document.body.classList.toggle('has-title-bar', at.sub);
  }, [at.sub]);

  if (!at.sub) return null;
  const owner = OWNERS.find(([prefix]) => at.path.startsWith(prefix))?.[1] ?? 'programmes';
  // Not into #app: Taro's router hides a page that is not the last child of #app.
  return createPortal(
    <header className="title-bar" id="h5-title-bar">
      <button
        type="button"
        className="title-bar__back"
        id="h5-title-bar-back"
        onClick={() => void back(owner)}
      >
        <span aria-hidden="true">‹ </span>
        返回
      </button>
      <h1 className="title-bar__title" id="h5-title-bar-title">
        {at.title}
      </h1>
    </header>,
    barHost(),
  );
}
