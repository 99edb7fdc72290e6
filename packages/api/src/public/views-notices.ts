import type { NoticeObjectionContact } from '@kc/domain';
import type { NoticeStage, NoticeSummary, PublicAwardNotice, PublicVpNotice } from './data';
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
  return page({
    title: n.title,
    section: 'notices',
    body: html`<p class="meta crumbs">
        <a href="${paths.notices}">公示公告</a> / ${KIND_LABELS.award}
      </p>
      <h1>${n.title}</h1>
      <p class="meta">
        ${stageTag(n.stage)}
        公示期：${period(n)}${n.closedOn ? html`；${chineseDate(n.closedOn)}公示结束` : ''}
      </p>
      ${intro} ${objectionBox(n)}
      <h2>${closed ? '公示结果' : '公示名单'}</h2>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">单位名称</th>
            <th scope="col">奖补事项</th>
            <th scope="col">所在区域</th>
            <th scope="col" class="num">${amountHead}</th>
            ${closed ? html`<th scope="col">公示结果</th>` : ''}
          </tr>
        </thead>
        <tbody>
          ${n.items.map(
            (i, index) =>
              html`<tr>
                <td data-label="序号">${index + 1}</td>
                <td data-label="单位名称">${i.organisationName}</td>
                <td data-label="奖补事项">${i.clause} ${i.ruleName}</td>
                <td data-label="所在区域">${i.areaName}</td>
                <td data-label="${amountHead}" class="num">${money(i.amountFen)}</td>
                ${closed ? html`<td data-label="公示结果">${i.resultLabel}</td>` : ''}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <td colspan="4">合计（${n.items.length} 个项目）</td>
            <td data-label="合计金额" class="num">${money(n.totalFen)}</td>
            ${closed ? html`<td></td>` : ''}
          </tr>
        </tfoot>
      </table>
      ${n.withdrawn > 0 ? html`<p>另有 ${n.withdrawn} 个项目经核实异议成立，已撤回重新审核，不在上表中。</p>` : ''}
      <p class="meta">发布单位：宿州市科学技术局；公示批次：${n.number}</p>
      ${printHint()}`,
  });
}

/** `/public/vp-notices/:id`: a 科技副总 selection notice, or its result. */
export function vpNoticePage(n: PublicVpNotice): string {
  const closed = n.stage === 'closed';
  return page({
    title: n.title,
    section: 'notices',
    body: html`<p class="meta crumbs">
        <a href="${paths.notices}">公示公告</a> / ${KIND_LABELS.vp}
      </p>
      <h1>${n.title}</h1>
      <p class="meta">${stageTag(n.stage)} 公示期：${period(n)}</p>
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
      <table class="list">
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">企业名称</th>
            <th scope="col">所在区域</th>
            <th scope="col">技术需求</th>
            <th scope="col">科技副总</th>
            <th scope="col">工作单位</th>
          </tr>
        </thead>
        <tbody>
          ${n.pairs.map(
            (p, index) =>
              html`<tr>
                <td data-label="序号">${index + 1}</td>
                <td data-label="企业名称">${p.organisationName}</td>
                <td data-label="所在区域">${p.areaName}</td>
                <td data-label="技术需求">${p.needTitle}</td>
                <td data-label="科技副总">${p.researcherName}</td>
                <td data-label="工作单位">${p.institutionName}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="meta">发布单位：宿州市科学技术局；选派批次：${n.number}</p>
      ${printHint()}`,
  });
}
