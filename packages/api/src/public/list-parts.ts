import { FIELDS } from '@kc/domain';
import type { Html } from './html';
import { html } from './html';

/**
 * The parts every public list page shares (需求榜, 创新联盟): the field-and-keyword filter, the
 * results (count and cards, or why there are none) and the pager. Each page says where the form
 * goes, how a page's link is made and what a card holds.
 */

export function fieldKeywordFilter(options: {
  action: string;
  fieldCode: string | null;
  q: string;
  placeholder: string;
  /** filters kept from elsewhere on the page (e.g. the 需求榜's kind tabs) */
  hidden?: Html | '';
}): Html {
  const { action, fieldCode, q, placeholder, hidden = '' } = options;
  return html`<form class="filters" method="get" action="${action}" role="search">
    ${hidden}
    <label
      >产业方向
      <select name="field">
        <option value="">全部方向</option>
        ${FIELDS.map((f) =>
          f.code === fieldCode
            ? html`<option value="${f.code}" selected>${f.name}</option>`
            : html`<option value="${f.code}">${f.name}</option>`,
        )}
      </select>
    </label>
    <label
      >关键词
      <input type="search" name="q" value="${q}" maxlength="50" placeholder="${placeholder}" />
    </label>
    <button type="submit">查询</button>
  </form>`;
}

/** 上一页 / 第 n 页，共 m 页 / 下一页; nothing when everything fits on the first page. */
export function listPager(
  page: number,
  pageCount: number,
  at: (page: number) => string,
): Html | '' {
  if (pageCount <= 1 && page === 1) return '';
  // Past the last page (an old link), 上一页 goes to the last page there is.
  const previous = Math.min(page - 1, pageCount);
  return html`<nav class="pager" aria-label="分页">
    ${page > 1 ? html`<a href="${at(previous)}" rel="prev">上一页</a>` : ''}
    <span>第 ${page} 页，共 ${pageCount} 页</span>
    ${page < pageCount ? html`<a href="${at(page + 1)}" rel="next">下一页</a>` : ''}
  </nav>`;
}

/** `label：value；label：value`: the facts on one line of a card. */
export function factLine(facts: readonly (readonly [string, string])[]): string {
  return facts.map(([label, value]) => `${label}：${value}`).join('；');
}

/** One card of a list: the record's link (a tag beside it), then its lines of facts. */
export function listCard(card: { href: string; title: string; tag?: Html; lines: string[] }): Html {
  return html`<li>
    <a href="${card.href}">${card.title}</a>${card.tag ? html` ${card.tag}` : ''}
    ${card.lines.map((line) => html`<br /><span class="meta">${line}</span>`)}
  </li>`;
}

/**
 * A page of the list: the count and the cards; past the last page (an old link), the way back to
 * the first; no item at all, said as nothing matching the filters (with the way to the whole
 * list) or as nothing there yet.
 */
export function listResults<Item>(options: {
  items: readonly Item[];
  total: number;
  /** `共 N 项需求` */
  count: string;
  card: (item: Item) => Html;
  /** This list's first page, with the same filters. */
  firstPage: string;
  /** Whether a filter is set: then `noneMatching` and the link to the whole list, else `none`. */
  filtered: boolean;
  noneMatching: string;
  wholeList: { href: string; label: string };
  none: string;
}): Html {
  const { items, total } = options;
  if (items.length > 0)
    return html`<p class="meta">${options.count}</p>
      <ul class="cards">
        ${items.map(options.card)}
      </ul>`;
  if (total > 0) return html`<p>本页没有内容。<a href="${options.firstPage}">返回第一页</a></p>`;
  return options.filtered
    ? html`<p>
        ${options.noneMatching}<a href="${options.wholeList.href}">${options.wholeList.label}</a>
      </p>`
    : html`<p>${options.none}</p>`;
}
