import { FIELDS } from '@kc/domain';
import type { Html } from './html';
import { html } from './html';

/**
 * The parts every public list page shares (需求榜, 创新联盟): the field-and-keyword filter and the
 * pager. Each page says where the form goes and how a page's link is made.
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
