import {
  COMMENT_RULES,
  type CommentInput,
  SUZHOU_FUTURE_2026_DRAFT_TEXT,
  commentSchemaFor,
  periodDays,
} from '@kc/domain';
import type { api } from '../../api/client';
import { describeError, pathErrorsUnder } from '../../api/errors';
import { type PathErrors, pathErrors } from '../../forms/form-values';

/*
 * 征求意见 (issue 15) in the mini-program: the consultations on the policy draft, the draft clause
 * by clause with how many comments each has, a comment on one clause, the caller's own comments,
 * and once the bureau publishes them, its answers (意见采纳情况).
 */

/** A consultation on the list (and on the 政策 tab's notice). */
export type ConsultationSummary = Awaited<
  ReturnType<typeof api.consultations.published.query>
>[number];
/** A consultation with the draft's text, clause by clause, as anyone reads it. */
export type PublicConsultation = Awaited<ReturnType<typeof api.consultations.publicById.query>>;
export type ConsultationClause = PublicConsultation['clauses'][number];
/** One of the caller's own comments, with the answer once it is published. */
export type MyComment = Awaited<ReturnType<typeof api.consultations.mine.query>>[number];

/**
 * The form checks a comment with the very schema the API's `consultations.comment` takes: every
 * consultation so far is on the draft's text.
 */
export const commentSchema = commentSchemaFor(SUZHOU_FUTURE_2026_DRAFT_TEXT);

export const COMMENT_LIMITS = { min: COMMENT_RULES.minChars, max: COMMENT_RULES.maxChars };

/* ---------- clauses as element ids and page queries ---------- */

const DIGITS = '一二三四五六七八九';

/** 四 → 4, 十二 → 12, 二十 → 20 (the draft's numbers stay well under a hundred). */
function arabic(chinese: string): string {
  if (/^\d+$/.test(chinese)) return chinese;
  const digit = (c: string | undefined) => (c ? DIGITS.indexOf(c) + 1 : 0);
  const ten = chinese.indexOf('十');
  if (ten < 0) return String(digit(chinese));
  const tens = ten === 0 ? 1 : digit(chinese[ten - 1]);
  return String(tens * 10 + digit(chinese[ten + 1]));
}

/**
 * A clause's id as ASCII, for element ids and the comment page's query (WeChat passes a query's
 * Chinese percent-encoded, and `#clause-四.8` is no CSS selector): 四 → `4`, 四（三） → `4-s3`,
 * 四.8 → `4-8`.
 */
export function clauseKey(id: string): string {
  const m = /^([一二三四五六七八九十]+)(?:（([一二三四五六七八九十]+)）|\.(\d+))?$/.exec(id);
  if (!m?.[1])
    return [...id]
      .map((c) => (/[A-Za-z0-9]/.test(c) ? c : (c.codePointAt(0) ?? 0).toString(16)))
      .join('');
  const part = arabic(m[1]);
  if (m[2]) return `${part}-s${arabic(m[2])}`;
  if (m[3]) return `${part}-${m[3]}`;
  return part;
}

/** The clause a page's `clause=4-8` names, if the text has it. */
export function clauseByKey<C extends { id: string }>(
  clauses: readonly C[],
  key: string,
): C | undefined {
  return clauses.find((c) => clauseKey(c.id) === key);
}

/* ---------- dates and stages ---------- */

/** `2026-12-30` → `2026年12月30日` */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** `2026-12-30` → `12月30日` */
export function monthDay(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** `2026年12月1日至2026年12月30日（共30日）` */
export function periodText(c: { opensOn: string; closesOn: string; days: number }): string {
  return `${chineseDate(c.opensOn)}至${chineseDate(c.closesOn)}（共${c.days}日）`;
}

/** The tag's colour (StatusTag's tones) and words: the answers published, or the period's stage. */
export function stageTag(c: { stage: string; stageName: string; feedbackPublished: boolean }) {
  return { status: c.feedbackPublished ? 'published' : c.stage, label: c.stageName };
}

/** `剩余 12 天` / `今天截止` while open, `3 天后开始` before; nothing once closed. */
export function daysText(
  c: { stage: string; opensOn: string; closesOn: string },
  today: string,
): string | null {
  if (c.stage === 'open') {
    if (today > c.closesOn) return null;
    const left = periodDays({ opensOn: today, closesOn: c.closesOn }) - 1;
    return left <= 0 ? '今天截止' : `剩余 ${left} 天`;
  }
  if (c.stage === 'upcoming' && today < c.opensOn)
    return `${periodDays({ opensOn: today, closesOn: c.opensOn }) - 1} 天后开始`;
  return null;
}

/** What a reader of the consultation is told about taking part, by where it stands. */
export function howToComment(c: {
  stage: string;
  opensOn: string;
  closesOn: string;
  feedbackPublished: boolean;
}): string {
  if (c.feedbackPublished)
    return '征求意见已结束，市科技局已公布意见采纳情况，每条意见的处理结果见各条款下方。';
  if (c.stage === 'upcoming')
    return `征求意见自${chineseDate(c.opensOn)}开始，届时可逐条提出意见。`;
  if (c.stage === 'closed')
    return `征求意见已于${chineseDate(c.closesOn)}截止。市科技局正在研究处理收到的意见，处理结果将在此公布。`;
  return `请逐条阅读，对哪一条有意见，点击该条下方的“提意见”。意见将连同处理结果公开，显示为“公众”或您所在单位的名称，不显示您的姓名。截止日期：${chineseDate(c.closesOn)}。`;
}

/* ---------- the comment form ---------- */

export interface CommentDraft {
  body: string;
  asOrganisation: boolean;
}

export type CommentCheck = { ok: true; comment: CommentInput } | { ok: false; errors: PathErrors };

/** The comment as the API would take it, or every reason it would not, under its field. */
export function checkComment(clauseId: string, draft: CommentDraft): CommentCheck {
  const parsed = commentSchema.safeParse({
    clauseId,
    body: draft.body,
    asOrganisation: draft.asOrganisation,
  });
  if (parsed.success) return { ok: true, comment: parsed.data };
  return { ok: false, errors: pathErrors(parsed.error.issues, {}) };
}

/** The form's paths in screen order. */
export const COMMENT_PATHS = ['clauseId', 'body', 'asOrganisation'] as const;

/** A path's element id on the form. */
export function commentFieldId(path: string): string {
  if (path === 'clauseId') return 'comment-clause';
  if (path === 'asOrganisation') return 'comment-as-org';
  return 'comment-body';
}

/**
 * The API's refusal on the form: `comment.body` under the box; not belonging to an organisation,
 * or to one not yet verified, under the 以单位名义 option; anything else (closed, today's limit)
 * above the button.
 */
export function commentServerErrors(error: unknown): PathErrors {
  const info = describeError(error);
  if (info.appCode === 'NOT_ORG_MEMBER' || info.appCode === 'ORGANISATION_NOT_VERIFIED')
    return { asOrganisation: info.message };
  return pathErrorsUnder(error, 'comment');
}

/** Who the caller may speak for: their organisation (and whether it is verified), or no one. */
export interface Speaker {
  organisationName: string;
  verified: boolean;
}

export function speakerOf(
  profile: Awaited<ReturnType<typeof api.profile.mine.query>> | null,
): Speaker | null {
  if (profile?.type !== 'organisation') return null;
  return {
    organisationName: profile.organisation.name,
    verified: profile.organisation.verificationStatus === 'verified',
  };
}

/* ---------- answers ---------- */

/** A comment's answer as a StatusTag tone: taken up, not taken up, or waiting. */
export function outcomeTone(outcome: string | null): string {
  if (outcome === 'adopted' || outcome === 'partly-adopted') return 'passed';
  if (outcome === 'not-adopted' || outcome === 'duplicate') return 'closed';
  return 'pending';
}
