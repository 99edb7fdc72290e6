import type { PublicPolicyVersion } from '../policy/versions';
import { detailPage, factList, listTable } from './detail-parts';
import { chineseDate } from './format';
import type { Html } from './html';
import { html } from './html';
import { page, paths } from './layout';
import { factLine, listCard } from './list-parts';

/*
 * 政策修订 on the public pages (issue 15): each version the bureau adopted, with its 修改对照表
 * (条款 / 原条文 / 修改后条文), as a legal comparison table is published beside a revised text.
 */

function versionItem(v: PublicPolicyVersion): Html {
  return listCard({
    href: paths.policyVersion(v.id),
    title: v.title,
    tag: html`<span class="tag tag-kind">第${v.version}版</span>`,
    lines: [
      factLine([
        ['施行日期', chineseDate(v.effectiveFrom)],
        ['修改事项', `${v.comparison.length}项`],
      ]),
    ],
  });
}

/** `/public/policy-versions`: every adopted version, newest first. */
export function policyVersionsPage(list: readonly PublicPolicyVersion[]): string {
  return page({
    title: '政策修订',
    section: 'index',
    body: html`<h1>政策修订</h1>
      <p>
        市科学技术局对奖补政策的修订，自各自的施行日期起适用于新提交的申请；施行日期前已提交的申请，仍按提交时施行的版本审核计算。
      </p>
      ${
        list.length > 0
          ? html`<ul class="cards">
              ${list.map(versionItem)}
            </ul>`
          : html`<p>目前没有政策修订。</p>`
      }`,
  });
}

/** `/public/policy-versions/:id`: one adopted version and its 修改对照表. */
export function policyVersionPage(v: PublicPolicyVersion): string {
  return detailPage({
    title: v.title,
    section: 'index',
    back: { href: paths.policyVersions, label: '政策修订', here: `第${v.version}版` },
    body: html`${factList([
        ['版本', `第${v.version}版`],
        ['所修订的文件', v.base ? `${v.base.title}（第${v.base.version}版）` : '—'],
        ['施行日期', chineseDate(v.effectiveFrom)],
        [
          '适用范围',
          `${chineseDate(v.effectiveFrom)}及以后提交的申请；此前已提交的申请按原标准执行`,
        ],
      ])}
      <h2>修改对照表</h2>
      ${listTable(
        [
          { label: '条款', cell: (r) => r.clause },
          { label: '事项', cell: (r) => (r.ruleId ? `${r.ruleTitle}：${r.item}` : r.item) },
          { label: '原条文', cell: (r) => r.oldText },
          { label: '修改后条文', cell: (r) => r.newText },
        ],
        v.comparison,
      )}
      <p><a href="${paths.index}">查看现行政策与申报指南</a></p>`,
  });
}
