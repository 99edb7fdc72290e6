import type { NoticeObjectionContact } from '@kc/domain';
import type { NoticeStage, NoticeSummary, PublicAwardNotice, PublicVpNotice } from './data';
import { ORDINAL, detailPage, listTable } from './detail-parts';
import { chineseDate, money } from './format';
import type { Html } from './html';
import { html } from './html';
import { page, paths } from './layout';

const STAGE_LABELS: Record<NoticeStage, string> = {
  running: '公示中',
  over: '公示期已满',
  closed: '公示结束',
  withdrawn: '已撤回',
};

const KIND_LABELS: Record<NoticeSummary['kind'], string> = {
  award: '奖补公示',
  // A call's result: 立项 for projects, 入选 for cases and teams — one word for all three.
  selection: '评审结果公示',
  vp: '科技副总选派公示',
};

function stageTag(stage: NoticeStage): Html {
  return html`<span class="tag tag-${stage}">${STAGE_LABELS[stage]}</span>`;
}

function period(n: { startsOn: string; endsOn: string }): string {
  return `${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}`;
}

function summaryItem(n: NoticeSummary): Html {
  const href = n.kind === 'vp' ? paths.vpNotice(n.id) : paths.notice(n.id);
  const unit = n.kind === 'vp' ? '名科技副总' : '个项目';
  return html`<li>
    <a href="${href}">${n.title}</a> ${stageTag(n.stage)}<br />
    <span class="meta">${KIND_LABELS[n.kind]}；公示期：${period(n)}；共 ${n.count} ${unit}</span>
  </li>`;
}

/** `/public/notices`: notices now running (or just over), and the results of closed ones. */
export function noticesPage(rows: NoticeSummary[]): string {
  const open = rows.filter((r) => r.stage !== 'closed');
  const closed = rows.filter((r) => r.stage === 'closed');
  return page({
    title: '公示公告',
    section: 'notices',
    body: html`<h1>公示公告</h1>
      <p>
        拟奖补名单和科技副总选派名单在发放资金、确定选派前向社会公示。公示期内，任何单位和个人对名单有异议的，可按公示载明的方式书面反映。
      </p>
      <h2>正在公示</h2>
      ${
        open.length > 0
          ? html`<ul class="cards">
              ${open.map(summaryItem)}
            </ul>`
          : html`<p>目前没有正在公示的名单。</p>`
      }
      <h2>公示结果</h2>
      ${
        closed.length > 0
          ? html`<ul class="cards">
              ${closed.map(summaryItem)}
            </ul>`
          : html`<p>暂无已结束的公示。</p>`
      }`,
  });
}

/** Until when and to whom objections go: printed on every notice (the policy setting). */
function objectionBox(n: {
  stage: NoticeStage;
  endsOn: string;
  objectionContact: NoticeObjectionContact;
}): Html {
  const c = n.objectionContact;
  const deadline = `${chineseDate(n.endsOn)}24时`;
  return html`<section class="box" aria-labelledby="objection-title" data-testid="public-objection">
    <h2 id="objection-title">异议受理</h2>
    ${
      n.stage === 'running'
        ? html`<p>
            公示期内如有异议，请于<strong>${deadline}前</strong>以书面形式向${c.department}反映，并写明真实姓名（或单位名称）和联系方式。
          </p>`
        : html`<p>本公示的异议受理已于<strong>${deadline}</strong>截止。</p>`
    }
    <p>受理部门：${c.department}；联系电话：${c.phone}；地址：${c.address}。</p>
  </section>`;
}

function printHint(): Html {
  return html`<p class="print-hint">如需张贴或存档，可使用浏览器的打印功能打印本页。</p>`;
}

type Item = PublicAwardNotice['items'][number];

/** `/public/notices/:id`: an award notice (公示) or, once closed, its result. */
export function awardNoticePage(n: PublicAwardNotice): string {
  const closed = n.stage === 'closed';
  const intro = closed
    ? html`<p>
        本批拟奖补名单已于${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}公示${n.workingDays}个工作日，公示期满，结果如下。
      </p>`
    : html`<p>
        根据宿州市科技创新奖补政策，经申报、审核，拟对以下 ${n.items.length}
        个项目给予奖补，现予公示。公示期：${period(n)}（${n.workingDays}个工作日）。
      </p>`;
  const amountHead = closed ? '奖补金额' : '拟奖补金额';
  const items = listTable(
    [
      ORDINAL,
      { label: '单位名称', cell: (i) => i.organisationName },
      { label: '奖补事项', cell: (i) => `${i.clause} ${i.ruleName}` },
      { label: '所在区域', cell: (i) => i.areaName },
      { label: amountHead, num: true, cell: (i) => money(i.amountFen) },
      ...(closed ? [{ label: '公示结果', cell: (i: Item) => i.resultLabel }] : []),
    ],
    n.items,
    html`<tr>
      <td colspan="4">合计（${n.items.length} 个项目）</td>
      <td data-label="合计金额" class="num">${money(n.totalFen)}</td>
      ${closed ? html`<td></td>` : ''}
    </tr>`,
  );
  return detailPage({
    title: n.title,
    section: 'notices',
    back: { href: paths.notices, label: '公示公告', here: KIND_LABELS.award },
    body: html`<p class="meta">
        ${stageTag(n.stage)}
        公示期：${period(n)}${n.closedOn ? html`；${chineseDate(n.closedOn)}公示结束` : ''}
      </p>
      ${intro} ${objectionBox(n)}
      <h2>${closed ? '公示结果' : '公示名单'}</h2>
      ${items}
      ${n.withdrawn > 0 ? html`<p>另有 ${n.withdrawn} 个项目经核实异议成立，已撤回重新审核，不在上表中。</p>` : ''}
      <p class="meta">发布单位：宿州市科学技术局；公示批次：${n.number}</p>
      ${printHint()}`,
  });
}

/** `/public/vp-notices/:id`: a 科技副总 selection notice, or its result. */
export function vpNoticePage(n: PublicVpNotice): string {
  const closed = n.stage === 'closed';
  return detailPage({
    title: n.title,
    section: 'notices',
    back: { href: paths.notices, label: '公示公告', here: KIND_LABELS.vp },
    body: html`<p class="meta">${stageTag(n.stage)} 公示期：${period(n)}</p>
      ${
        closed
          ? html`<p>本批科技副总选派名单已于${period(n)}公示，公示期满，确定选派如下。</p>`
          : html`<p>
              经企业需求征集、科技人员报名和双向匹配，拟选派以下 ${n.pairs.length}
              名科技人员到企业担任科技副总，现予公示。公示期：${period(n)}。
            </p>`
      }
      ${objectionBox(n)}
      <h2>${closed ? '选派结果' : '公示名单'}</h2>
      ${listTable(
        [
          ORDINAL,
          { label: '企业名称', cell: (p) => p.organisationName },
          { label: '所在区域', cell: (p) => p.areaName },
          { label: '技术需求', cell: (p) => p.needTitle },
          { label: '科技副总', cell: (p) => p.researcherName },
          { label: '工作单位', cell: (p) => p.institutionName },
        ],
        n.pairs,
      )}
      <p class="meta">发布单位：宿州市科学技术局；选派批次：${n.number}</p>
      ${printHint()}`,
  });
}
