import { chineseDate, money } from './format';
import type { PolicyOverview, ProgrammeGuide } from './data';
import { html } from './html';
import { page, paths } from './layout';

/** `/public`: the policy in force and its programmes, grouped as the plan groups them. */
export function indexPage(policy: PolicyOverview | null): string {
  if (!policy) {
    return page({
      title: '政策与申报指南',
      section: 'index',
      body: html`<h1>科技创新奖补政策与申报指南</h1>
        <p>当前没有正在施行的奖补政策，请关注宿州市科学技术局发布的通知。</p>
        <p><a href="${paths.notices}">查看公示公告</a></p>`,
    });
  }
  const groups = new Map<string, PolicyOverview['programmes']>();
  for (const p of policy.programmes)
    groups.set(p.programme, [...(groups.get(p.programme) ?? []), p]);
  return page({
    title: '政策与申报指南',
    section: 'index',
    body: html`<h1>科技创新奖补政策与申报指南</h1>
      <div class="box">
        <p><strong>${policy.title}</strong></p>
        <p class="meta">
          发布单位：${policy.issuer}；文件状态：${policy.sourceStatus}；自${chineseDate(policy.effectiveFrom)}起施行。
        </p>
        ${policy.sourceStatus === '征求意见稿' ? html`<p>本方案为征求意见稿，奖补标准以正式印发的文件为准。</p>` : ''}
        ${policy.upcoming.map(
          (v) =>
            html`<p>
              <strong>政策修订：</strong
              >第${v.version}版已通过，自${chineseDate(v.effectiveFrom)}起施行，<a
                href="${paths.policyVersion(v.id)}"
                >查看修改对照表</a
              >。
            </p>`,
        )}
        <p class="meta"><a href="${paths.policyVersions}">历次政策修订</a></p>
      </div>
      <h2>奖补事项</h2>
      ${[...groups].map(
        ([programme, items]) =>
          html`<h3>${programme}</h3>
            <ul class="cards">
              ${items.map(
                (p) =>
                  html`<li>
                    <a href="${paths.programme(p.id)}">${p.clause} ${p.name}</a><br /><span
                      class="meta"
                      >支持标准：${p.amountText}</span
                    >
                  </li>`,
              )}
            </ul>`,
      )}
      <h2>科技副总选派</h2>
      <p>
        依据方案四.6，选派高校、科研院所科技人员到科技型企业担任科技副总。选派名单经公示后确定，见<a
          href="${paths.notices}"
          >公示公告</a
        >。
      </p>
      <h2>公示公告</h2>
      <p>
        拟奖补名单和科技副总选派名单在发放资金、确定选派前向社会公示，公示期内任何单位和个人均可提出异议。<a
          href="${paths.notices}"
          >查看正在公示和已结束的公示</a
        >。
      </p>
      <h2>需求榜</h2>
      <p>
        依据方案四.1和四.2，经审核的应用场景需求和技术攻关需求向社会公开发布，科研人员和单位可揭榜承接。<a
          href="${paths.needs()}"
          >查看需求榜</a
        >。
      </p>
      <h2>政策征求意见</h2>
      <p>
        市科学技术局起草的政策文件在正式印发前向社会公开征求意见，公众和企业可对具体条款提出意见，意见采纳情况向社会公布。<a
          href="${paths.consultations}"
          >查看政策征求意见</a
        >。
      </p>
      <h2>咨询电话</h2>
      <p>${policy.consultation.office}：${policy.consultation.phone}</p>`,
  });
}

/** `/public/programmes/:id`: one programme's 申兑指南. */
export function programmePage(guide: ProgrammeGuide): string {
  return page({
    title: `${guide.name}申兑指南`,
    section: 'index',
    body: html`<p class="meta crumbs">
        <a href="${paths.index}">政策与申报指南</a> / ${guide.programme}
      </p>
      <h1>${guide.name}申兑指南</h1>
      <p class="meta">政策依据：${guide.policyTitle}，条款 ${guide.clause}</p>
      <h2>申报主体</h2>
      <p>${guide.whoMayApply}</p>
      <h2>申报条件</h2>
      <ol>
        ${guide.conditions.map((c) => html`<li>${c}</li>`)}
      </ol>
      <h2>支持标准</h2>
      <p>${guide.amountText}（依据条款：${guide.clause}）</p>
      <p class="meta">
        单项最高金额：${money(guide.maxAmountFen)}${guide.yearlyQuota ? html`；每年不超过 ${guide.yearlyQuota} 项` : ''}
      </p>
      <h2>申报材料</h2>
      <ul>
        ${guide.evidence.map(
          (e) =>
            html`<li>
              ${e.name}（${e.required ? '必须提供' : '如有请提供'}）${e.note ? html`：${e.note}` : ''}
            </li>`,
        )}
      </ul>
      <h2>申报时限</h2>
      <p>${guide.timeLimit}</p>
      ${
        guide.notes.length > 0
          ? html`<h2>注意事项</h2>
              <ul>
                ${guide.notes.map((n) => html`<li>${n}</li>`)}
              </ul>`
          : ''
      }
      <h2>咨询电话</h2>
      <p>${guide.consultation.office}：${guide.consultation.phone}</p>
      <p>申报请使用“宿州科创”微信小程序在线提交。</p>`,
  });
}
