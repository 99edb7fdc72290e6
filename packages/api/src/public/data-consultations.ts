import type { CalendarDate } from '@kc/domain';
import { todayInShanghai } from '@kc/domain';
import { hasAppCode } from '../errors';
import { publicConsultation, publishedConsultations } from '../policy/consultations';
import type { PublicDeps } from './data';

/*
 * 征求意见 (issue 15) on the public pages, read through the mini-program's own public queries:
 * the consultations, the draft clause by clause with how many comments each has, and once the
 * bureau publishes them, every comment with its answer. Authors as 公众 or their organisation,
 * never a person; no ids but the page's own.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ListDto = Awaited<ReturnType<typeof publishedConsultations>>[number];
type DetailDto = Awaited<ReturnType<typeof publicConsultation>>;

/** What every consultation shows: its period, where it stands and whom to ask. Named fields only. */
function headView(c: ListDto | DetailDto) {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    opensOn: c.opensOn as CalendarDate,
    closesOn: c.closesOn as CalendarDate,
    days: c.days,
    stage: c.stage,
    stageName: c.stageName,
    feedbackPublished: c.feedbackPublished,
  };
}

export type PublicConsultationSummary = ReturnType<typeof headView> & { comments: number };

export async function consultationList(deps: PublicDeps): Promise<PublicConsultationSummary[]> {
  const rows = await publishedConsultations(deps);
  return rows.map((c) => ({ ...headView(c), comments: c.comments }));
}

function detailView(c: DetailDto) {
  return {
    ...headView(c),
    shortReason: c.shortReason,
    contact: {
      department: c.contact.department,
      phone: c.contact.phone,
      email: c.contact.email ?? null,
    },
    note: c.note,
    feedbackSummary: c.feedbackSummary,
    feedbackPublishedOn: c.feedbackPublishedAt
      ? (todayInShanghai(c.feedbackPublishedAt) as CalendarDate)
      : null,
    text: { title: c.text.title, status: c.text.status, preamble: c.text.preamble },
    total: c.total,
    limits: c.limits,
    clauses: c.clauses.map((clause) => ({
      id: clause.id,
      level: clause.level,
      heading: clause.heading,
      title: clause.title,
      paragraphs: [...clause.paragraphs],
      commentable: clause.commentable,
      comments: clause.comments,
      feedback: clause.feedback.map((f) => ({
        author: f.author,
        body: f.body,
        outcomeName: f.outcomeName,
        reason: f.reason,
      })),
    })),
  };
}
export type PublicConsultationDetail = ReturnType<typeof detailView>;

/** A consultation with its draft, or null for a malformed or unknown id. */
export async function consultationDetail(
  deps: PublicDeps,
  id: string,
): Promise<PublicConsultationDetail | null> {
  if (!UUID.test(id)) return null;
  try {
    return detailView(await publicConsultation(deps, id));
  } catch (error) {
    if (hasAppCode(error, 'NOT_FOUND')) return null;
    throw error;
  }
}
