import { PERSONAL_DATA_IN_COMMENT, clauseNumber } from '@kc/domain';
import type { PublicConsultationDetail, PublicConsultationSummary } from './data-consultations';
import { ORDINAL, detailPage, factList, listTable } from './detail-parts';
import { chineseDate, chineseDateOrDash } from './format';
import type { Html } from './html';
import { html } from './html';
import { page, paths } from './layout';
import { factLine, listCard } from './list-parts';

/** Where comments are made: the mini-program, signed in (one person's daily limit, no robots). */
const WHERE_TO_COMMENT = '请在微信小程序「宿州科创」政策栏目中提出意见';

type Head = Pick<PublicConsultationSummary, 'stage' | 'stageName' | 'feedbackPublished'>;

function stageTag(c: Head): Html {
  const tone = c.feedbackPublished
    ? 'closed'
    : c.stage === 'open'
      ? 'running'
      : c.stage === 'upcoming'
        ? 'kind'
        : 'closed';
  return html`<span class="tag tag-${tone}">${c.stageName}</span>`;
}

/** `2026年12月1日至2026年12月30日（共30日）` */
function periodText(c: Pick<PublicConsultationSummary, 'opensOn' | 'closesOn' | 'days'>): string {
  return `${chineseDate(c.opensOn)}至${chineseDate(c.closesOn)}（共${c.days}日）`;
}

function consultationItem(c: PublicConsultationSummary): Html {
  return listCard({
    href: paths.consultation(c.id),
    title: c.title,
    tag: stageTag(c),
    lines: [
      factLine([
        ['编号', c.number],
        ['征求意见时间', periodText(c)],
        ['已收到意见', `${c.comments}条`],
      ]),
    ],
  });
}

/** `/public/consultations`: every consultation the bureau published, newest first. */
export function consultationsPage(list: readonly PublicConsultationSummary[]): string {
  return page({
    title: '政策征求意见',
    section: 'consultations',
    body: html`<h1>政策征求意见</h1>
      <p>
        市科学技术局起草的政策文件在正式印发前向社会公开征求意见，公众和企业可对具体条款提出意见；征求意见结束后，每条意见的处理结果（意见采纳情况）在此公布。${WHERE_TO_COMMENT}。
      </p>
      ${
        list.length > 0
          ? html`<p class="meta">共 ${list.length} 项</p>
              <ul class="cards">
                ${list.map(consultationItem)}
              </ul>`
          : html`<p>目前没有征求意见的政策文件。</p>`
      }`,
  });
}

/** What a reader is told about taking part, by where the consultation stands. */
function howToComment(c: PublicConsultationDetail): Html {
  if (c.feedbackPublished)
    return html`<p>
      征求意见已于${chineseDate(c.closesOn)}截止。市科学技术局已于${chineseDateOrDash(c.feedbackPublishedOn)}公布意见采纳情况，每条意见的处理结果见下文各条款。
    </p>`;
  if (c.stage === 'upcoming')
    return html`<p>征求意见自${chineseDate(c.opensOn)}开始，届时${WHERE_TO_COMMENT}。</p>`;
  if (c.stage === 'closed')
    return html`<p>
      征求意见已于${chineseDate(c.closesOn)}截止，不再接收意见。市科学技术局正在研究处理收到的意见，处理结果将在本页公布。
    </p>`;
  return html`<p>
      <strong>如何提出意见：</strong
      >${WHERE_TO_COMMENT}：打开“政策征求意见”，逐条阅读后在相应条款下点击“提意见”。每条意见${c.limits.minChars}至${c.limits.maxChars}字，截止日期为${chineseDate(c.closesOn)}。
    </p>
    <p>
      意见将连同处理结果公开，显示为“公众”或提出单位的名称，不显示个人姓名。${PERSONAL_DATA_IN_COMMENT}。
    </p>`;
}

type Clause = PublicConsultationDetail['clauses'][number];

/** The clause's heading as the document prints it: a part h3, a section h4, an item h5. */
function clauseHeading(clause: Clause): Html {
  const words = `${clauseNumber(clause)}${clause.heading}`;
  if (clause.level === 'section') return html`<h3>${words}</h3>`;
  if (clause.level === 'subsection') return html`<h4>${words}</h4>`;
  return html`<h5>${words}</h5>`;
}

/** The comments on one clause with the bureau's answers (once published). */
function feedbackTable(clause: Clause): Html | '' {
  if (clause.feedback.length === 0) return '';
  return html`<p><strong>意见及处理结果</strong></p>
    ${listTable(
      [
        ORDINAL,
        { label: '提出者', cell: (f) => f.author },
        { label: '意见内容', cell: (f) => f.body },
        { label: '处理结果', cell: (f) => f.outcomeName },
        { label: '理由', cell: (f) => f.reason ?? '—' },
      ],
      clause.feedback,
    )}`;
}

function clauseSection(clause: Clause, published: boolean): Html {
  if (!clause.commentable) return clauseHeading(clause);
  return html`${clauseHeading(clause)} ${clause.paragraphs.map((p) => html`<p>${p}</p>`)}
    <p class="meta">条款${clause.id}，已收到意见${clause.comments}条</p>
    ${published ? feedbackTable(clause) : ''}`;
}

/**
 * `/public/consultations/:id`: one consultation — where it stands, the period, whom to ask, how to
 * comment — and the draft clause by clause with its comment counts; once published, the bureau's
 * summary and every comment with its answer under its clause.
 */
export function consultationPage(c: PublicConsultationDetail): string {
  const facts: [string, string][] = [
    ['编号', c.number],
    ['征求意见稿', `${c.text.title}（${c.text.status}）`],
    ['征求意见时间', periodText(c)],
    ...(c.shortReason ? ([['期限说明', c.shortReason]] as [string, string][]) : []),
    ['状态', c.stageName],
    ['已收到意见', `${c.total}条`],
    ['联系部门', c.contact.department],
    ['联系电话', c.contact.phone],
    ...(c.contact.email ? ([['电子邮箱', c.contact.email]] as [string, string][]) : []),
  ];
  return detailPage({
    title: c.title,
    section: 'consultations',
    back: { href: paths.consultations, label: '政策征求意见', here: c.number },
    body: html`<p>${stageTag(c)}</p>
      ${factList(facts)}
      ${
        c.note
          ? html`<h2>说明</h2>
              <p class="prose">${c.note}</p>`
          : ''
      }
      <div class="box">${howToComment(c)}</div>
      ${
        c.feedbackPublished
          ? html`<h2>意见采纳情况</h2>
              <p class="meta">
                发布日期：${chineseDateOrDash(c.feedbackPublishedOn)}；共收到意见${c.total}条
              </p>
              <p class="prose">${c.feedbackSummary ?? ''}</p>`
          : ''
      }
      <h2>${c.text.title}（${c.text.status}）</h2>
      <p>${c.text.preamble}</p>
      ${c.clauses.map((clause) => clauseSection(clause, c.feedbackPublished))}
      <p><a href="${paths.consultations}">查看全部征求意见</a></p>`,
  });
}
