import { NEED_KINDS } from '@kc/domain';
import type { NeedBoard, NeedQuery, PublicNeed } from './data';
import { detailPage, factList } from './detail-parts';
import { chineseDateOrDash, money } from './format';
import type { Html } from './html';
import { html } from './html';
import { page, paths } from './layout';
import { factLine, fieldKeywordFilter, listCard, listPager, listResults } from './list-parts';

/** How a reader takes a need on: in the mini-program, signed in (responses are not public). */
const HOW_TO_RESPOND = '有意承接的科研人员或单位，请在“宿州科创”微信小程序 政策—需求榜 中揭榜。';

/** A scenario need's budget: a range, one end of it, or none given (面议). */
function budgetText(n: Pick<PublicNeed, 'budgetMinFen' | 'budgetMaxFen'>): string {
  const { budgetMinFen: min, budgetMaxFen: max } = n;
  if (min !== null && max !== null) return `${money(min)}至${money(max)}`;
  if (min !== null) return `${money(min)}以上`;
  if (max !== null) return `不超过${money(max)}`;
  return '面议';
}

/** The two or three facts that differ by kind, as `label：value` pairs. */
function kindFacts(n: PublicNeed): [string, string][] {
  return n.kind === 'technology'
    ? [
        ['企业拟投入资金', money(n.coFundFen)],
        ['期望完成日期', chineseDateOrDash(n.deadline)],
      ]
    : [
        ['预算', budgetText(n)],
        ['场景所在地', n.site ?? '—'],
      ];
}

function kindTag(n: PublicNeed): Html {
  return html`<span class="tag tag-kind">${n.kindName}</span>`;
}

function needItem(n: PublicNeed): Html {
  return listCard({
    href: paths.need(n.id),
    title: n.title,
    tag: kindTag(n),
    lines: [
      factLine([
        ['编号', n.number],
        ['产业方向', n.fieldName],
        ['发布单位', n.organisationName],
        ['所在区域', n.areaName],
        ['发布日期', chineseDateOrDash(n.publishedOn)],
      ]),
      factLine(kindFacts(n)),
    ],
  });
}

/** 全部 / 应用场景需求 / 技术攻关需求, keeping the field and keyword, back to page 1. */
function kindTabs(q: NeedQuery): Html {
  const tabs = [{ code: null, name: '全部需求' }, ...NEED_KINDS];
  return html`<nav aria-label="需求类型">
    <ul class="tabs">
      ${tabs.map((t) => {
        const href = paths.needs({ kind: t.code, fieldCode: q.fieldCode, q: q.q });
        return t.code === q.kind
          ? html`<li><a href="${href}" aria-current="page">${t.name}</a></li>`
          : html`<li><a href="${href}">${t.name}</a></li>`;
      })}
    </ul>
  </nav>`;
}

/** A GET form to the board itself: field and keyword (the kind stays as chosen above). */
function filterForm(q: NeedQuery): Html {
  return fieldKeywordFilter({
    action: paths.needs(),
    fieldCode: q.fieldCode,
    q: q.q,
    placeholder: '需求名称',
    hidden: q.kind ? html`<input type="hidden" name="kind" value="${q.kind}" />` : '',
  });
}

function pager(board: NeedBoard): Html | '' {
  const { query, pageCount } = board;
  return listPager(query.page, pageCount, (page) =>
    paths.needs({ kind: query.kind, fieldCode: query.fieldCode, q: query.q, page }),
  );
}

function results(board: NeedBoard): Html {
  const { query, items, total } = board;
  return listResults({
    items,
    total,
    count: `共 ${total} 项需求`,
    card: needItem,
    firstPage: paths.needs({ ...query, page: 1 }),
    filtered: query.kind !== null || query.fieldCode !== null || query.q !== '',
    noneMatching: '没有符合条件的需求。',
    wholeList: { href: paths.needs(), label: '查看全部需求' },
    none: '目前没有已发布的需求。',
  });
}

/** `/public/needs`: published scenario and technology needs, filtered and paged. */
export function needsPage(board: NeedBoard): string {
  return page({
    title: board.query.page > 1 ? `需求榜（第${board.query.page}页）` : '需求榜',
    section: 'needs',
    body: html`<h1>需求榜</h1>
      <p>
        发布单位经科技部门审核后公开的应用场景需求（方案四.1）和技术攻关需求（方案四.2）。${HOW_TO_RESPOND}
      </p>
      ${kindTabs(board.query)} ${filterForm(board.query)} ${results(board)} ${pager(board)}`,
  });
}

/** `/public/needs/:id`: one published need, and how to take it on. */
export function needPage(n: PublicNeed): string {
  const facts: [string, string][] = [
    ['需求编号', n.number],
    ['需求类型', n.kindName],
    ['产业方向', n.fieldName],
    ...(n.kind === 'technology'
      ? ([['细分方向', n.subFieldName ?? '—']] as [string, string][])
      : ([['应用领域', n.applicationDomainName ?? '—']] as [string, string][])),
    ['发布单位', n.organisationName],
    ['所在区域', n.areaName],
    ['发布日期', chineseDateOrDash(n.publishedOn)],
    ...kindFacts(n),
  ];
  return detailPage({
    title: n.title,
    section: 'needs',
    back: { href: paths.needs(), label: '需求榜', here: n.kindName },
    body: html`<p class="meta">
        ${kindTag(n)} 编号：${n.number}；发布日期：${chineseDateOrDash(n.publishedOn)}
      </p>
      ${factList(facts)}
      <h2>${n.kind === 'technology' ? '技术难题描述' : '场景需求描述'}</h2>
      <p class="prose">${n.problem ?? '—'}</p>
      ${
        n.kind === 'technology'
          ? html`<h2>关键技术指标</h2>
              <p class="prose">${n.indicators ?? '—'}</p>`
          : ''
      }
      <section class="box" aria-labelledby="respond-title" data-testid="public-need-respond">
        <h2 id="respond-title">揭榜方式</h2>
        <p>${HOW_TO_RESPOND}</p>
        <p class="meta">揭榜方的信息只提供给发布单位和科技部门，不在本站公开。</p>
      </section>
      <p><a href="${paths.needs({ kind: n.kind })}">查看更多${n.kindName}</a></p>`,
  });
}
