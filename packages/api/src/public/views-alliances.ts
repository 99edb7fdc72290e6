import type { AllianceQuery, AllianceRegistry, PublicAlliance } from './data-alliances';
import { chineseDate } from './format';
import type { Html } from './html';
import { html } from './html';
import { page, paths } from './layout';
import { fieldKeywordFilter, listPager } from './list-parts';

/** How a firm takes part: the lead firm registers in the mini-program, the bureau approves. */
const HOW_TO_REGISTER =
  '牵头企业可在“宿州科创”微信小程序 我的—我的创新联盟 中登记，经科技部门审核通过后在本页公开。';

const dateText = (date: string | null) => (date ? chineseDate(date) : '—');

/** “3家：宿州学院（高校）、……”, the first few on a card, all on the page. */
function memberText(a: PublicAlliance, limit?: number): string {
  const shown = limit === undefined ? a.members : a.members.slice(0, limit);
  const names = shown.map((m) => `${m.name}（${m.unitTypeName}）`).join('、');
  const more = a.members.length > shown.length ? ' 等' : '';
  return `${a.members.length}家：${names}${more}`;
}

function allianceItem(a: PublicAlliance): Html {
  const facts = [
    `编号：${a.number}`,
    `产业方向：${a.fieldName}`,
    `牵头单位：${a.leadOrganisationName}`,
    `所在区域：${a.areaName}`,
    `通过日期：${dateText(a.approvedOn)}`,
  ];
  return html`<li>
    <a href="${paths.alliance(a.id)}">${a.name}</a><br />
    <span class="meta">${facts.join('；')}</span><br />
    <span class="meta">成员单位${memberText(a, 5)}</span>
  </li>`;
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
  if (items.length > 0)
    return html`<p class="meta">共 ${total} 个创新联盟</p>
      <ul class="cards">
        ${items.map(allianceItem)}
      </ul>`;
  if (total > 0)
    return html`<p>
      本页没有内容。<a href="${paths.alliances({ ...query, page: 1 })}">返回第一页</a>
    </p>`;
  return query.fieldCode !== null || query.q !== ''
    ? html`<p>没有符合条件的创新联盟。<a href="${paths.alliances()}">查看全部</a></p>`
    : html`<p>目前没有已登记的创新联盟。</p>`;
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
  const facts: [string, string][] = [
    ['联盟编号', a.number],
    ['产业方向', a.fieldName],
    ['牵头单位', a.leadOrganisationName],
    ['所在区域', a.areaName],
    ['通过日期', dateText(a.approvedOn)],
    ['联盟章程', '章程已备案'],
  ];
  return page({
    title: a.name,
    section: 'alliances',
    body: html`<p class="meta crumbs">
        <a href="${paths.alliances()}">创新联盟</a> / ${a.fieldName}
      </p>
      <h1>${a.name}</h1>
      <dl class="fields">
        ${facts.map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
      <h2>联盟宗旨与主要任务</h2>
      <p class="prose">${a.purpose}</p>
      <h2>成员单位（${a.members.length}家）</h2>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">单位名称</th>
            <th scope="col">单位类型</th>
          </tr>
        </thead>
        <tbody>
          ${a.members.map(
            (m, i) =>
              html`<tr>
                <td data-label="序号">${i + 1}</td>
                <td data-label="单位名称">${m.name}</td>
                <td data-label="单位类型">${m.unitTypeName}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p><a href="${paths.alliances()}">查看全部创新联盟</a></p>`,
  });
}
