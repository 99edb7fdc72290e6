import type { AllianceQuery, AllianceRegistry, PublicAlliance } from './data-alliances';
import { ORDINAL, detailPage, factList, listTable } from './detail-parts';
import { chineseDateOrDash } from './format';
import type { Html } from './html';
import { html } from './html';
import { page, paths } from './layout';
import { factLine, fieldKeywordFilter, listCard, listPager, listResults } from './list-parts';

/** How a firm takes part: the lead firm registers in the mini-program, the bureau approves. */
const HOW_TO_REGISTER =
  '牵头企业可在“宿州科创”微信小程序 我的—我的创新联盟 中登记，经科技部门审核通过后在本页公开。';

/** “3家：宿州学院（高校）、……”, the first few on a card, all on the page. */
function memberText(a: PublicAlliance, limit?: number): string {
  const shown = limit === undefined ? a.members : a.members.slice(0, limit);
  const names = shown.map((m) => `${m.name}（${m.unitTypeName}）`).join('、');
  const more = a.members.length > shown.length ? ' 等' : '';
  return `${a.members.length}家：${names}${more}`;
}

function allianceItem(a: PublicAlliance): Html {
  return listCard({
    href: paths.alliance(a.id),
    title: a.name,
    lines: [
      factLine([
        ['编号', a.number],
        ['产业方向', a.fieldName],
        ['牵头单位', a.leadOrganisationName],
        ['所在区域', a.areaName],
        ['通过日期', chineseDateOrDash(a.approvedOn)],
      ]),
      `成员单位${memberText(a, 5)}`,
    ],
  });
}

function filterForm(q: AllianceQuery): Html {
  return fieldKeywordFilter({
    action: paths.alliances(),
    fieldCode: q.fieldCode,
    q: q.q,
    placeholder: '联盟名称',
  });
}

function pager(registry: AllianceRegistry): Html | '' {
  const { query, pageCount } = registry;
  return listPager(query.page, pageCount, (page) =>
    paths.alliances({ fieldCode: query.fieldCode, q: query.q, page }),
  );
}

function results(registry: AllianceRegistry): Html {
  const { query, items, total } = registry;
  return listResults({
    items,
    total,
    count: `共 ${total} 个创新联盟`,
    card: allianceItem,
    firstPage: paths.alliances({ ...query, page: 1 }),
    filtered: query.fieldCode !== null || query.q !== '',
    noneMatching: '没有符合条件的创新联盟。',
    wholeList: { href: paths.alliances(), label: '查看全部' },
    none: '目前没有已登记的创新联盟。',
  });
}

/** `/public/alliances`: approved 创新联合体 / 技术创新联盟, by field and keyword, paged. */
export function alliancesPage(registry: AllianceRegistry): string {
  return page({
    title: registry.query.page > 1 ? `创新联盟（第${registry.query.page}页）` : '创新联盟',
    section: 'alliances',
    body: html`<h1>创新联盟</h1>
      <p>
        由龙头企业牵头、高校和科研院所等单位参加组建的创新联合体和未来产业技术创新联盟（方案四.4）。${HOW_TO_REGISTER}
      </p>
      ${filterForm(registry.query)} ${results(registry)} ${pager(registry)}`,
  });
}

/** `/public/alliances/:id`: one approved alliance, its members and purpose. */
export function alliancePage(a: PublicAlliance): string {
  return detailPage({
    title: a.name,
    section: 'alliances',
    back: { href: paths.alliances(), label: '创新联盟', here: a.fieldName },
    body: html`${factList([
        ['联盟编号', a.number],
        ['产业方向', a.fieldName],
        ['牵头单位', a.leadOrganisationName],
        ['所在区域', a.areaName],
        ['通过日期', chineseDateOrDash(a.approvedOn)],
        ['联盟章程', '章程已备案'],
      ])}
      <h2>联盟宗旨与主要任务</h2>
      <p class="prose">${a.purpose}</p>
      <h2>成员单位（${a.members.length}家）</h2>
      ${listTable(
        [
          ORDINAL,
          { label: '单位名称', cell: (m) => m.name },
          { label: '单位类型', cell: (m) => m.unitTypeName },
        ],
        a.members,
      )}
      <p><a href="${paths.alliances()}">查看全部创新联盟</a></p>`,
  });
}
