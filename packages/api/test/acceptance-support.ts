import type { ProjectReportBody } from '@kc/domain';
import type { Harness } from './harness';
import { reportFiles, signedProject } from './selection-support';

/**
 * 验收专家组 for the tests (issue 14, 四.2): a signed project whose mid-term report passed and
 * whose final report is in, and the experts of its acceptance panel signed in through their own
 * WeChat, giving verdicts.
 */

const WAN = 1_000_000n; // 1万元 in fen
export const ACCEPTANCE_TRANCHES = [
  { condition: 'signing' as const, amountFen: 100n * WAN },
  { condition: 'mid-term' as const, amountFen: 50n * WAN },
  { condition: 'acceptance' as const, amountFen: 50n * WAN },
];

export function reportBody(done = true): ProjectReportBody {
  return {
    summary: '中试线已建成并完成三轮工艺验证，催化剂批次一致性达到任务书要求。',
    milestones: [
      { done: true, note: '中期目标全部完成' },
      { done, note: done ? '项目目标全部完成' : '公斤级制备正在进行' },
    ],
    cityFundsSpentFen: 90n * WAN,
    ownFundsSpentFen: 120n * WAN,
  };
}

/** A signed project, its mid-term report passed and its final report submitted (验收中). */
export async function finalReportIn(h: Harness) {
  const signed = await signedProject(h, ACCEPTANCE_TRANCHES);
  const { client, admin } = signed;
  const attachments = await reportFiles(signed.firm);
  let p = await client.selection.projects.submitReport.mutate({
    id: signed.signed.id,
    expectedVersion: signed.signed.version,
    kind: 'mid-term',
    body: reportBody(false),
    attachments,
  });
  p = await admin.selection.projects.reviewReport.mutate({
    id: p.id,
    kind: 'mid-term',
    expectedVersion: p.version,
    outcome: 'pass',
  });
  p = await client.selection.projects.submitReport.mutate({
    id: p.id,
    expectedVersion: p.version,
    kind: 'final',
    body: reportBody(),
    attachments,
  });
  return { ...signed, attachments, project: p };
}

/** The expert holding a place on a panel, signed in through their (demo) WeChat. */
export async function expertOf(h: Harness, assignmentId: string) {
  const a = await h.prisma.reviewAssignment.findUniqueOrThrow({
    where: { id: assignmentId },
    include: { expert: { include: { user: true } } },
  });
  const client = await h.applicant(a.expert.user.openid ?? '');
  // The client is a proxy that answers any property: what the test needs sits beside it.
  return {
    selection: client.selection,
    userId: a.expert.userId,
    assignmentId,
    expertId: a.expertId,
    expertName: a.expert.name,
  };
}

export type Answer = 'pass' | 'revise' | 'fail' | 'conflict';

/** The sheet an expert sends for an answer: a verdict with a comment, or a declared conflict. */
export function sheetFor(answer: Answer) {
  if (answer === 'conflict')
    return { conflict: 'declared', reason: '本人近三年与承担单位有合作研究项目' };
  return {
    conflict: 'none',
    verdict: answer,
    comment:
      answer === 'pass' ? '各项考核指标均已完成，同意通过验收。' : '公斤级制备批次一致性未达标。',
  };
}

/** The panel's places as they stand now, in draw order. */
export async function panelSeats(h: Harness, projectId: string) {
  const report = await h.prisma.projectReport.findUniqueOrThrow({
    where: { projectId_kind: { projectId, kind: 'final' } },
  });
  return h.prisma.reviewAssignment.findMany({
    where: { panel: { projectReportId: report.id, reportRound: report.submissions } },
    orderBy: { position: 'asc' },
  });
}

/** Each invited member in turn accepts and gives `answers[i]`. */
export async function answerAll(h: Harness, projectId: string, answers: readonly Answer[]) {
  const invited = (await panelSeats(h, projectId)).filter((s) => s.status === 'invited');
  if (invited.length < answers.length)
    throw new Error(`${answers.length} answers for ${invited.length} invited experts`);
  for (const [i, answer] of answers.entries()) {
    const expert = await expertOf(h, invited[i]!.id);
    await expert.selection.reviews.respond.mutate({
      assignmentId: expert.assignmentId,
      accept: true,
    });
    await expert.selection.reviews.verdict.mutate({
      assignmentId: expert.assignmentId,
      sheet: sheetFor(answer),
    });
  }
}
