import type { Prisma, TransactionClient } from '@kc/db';
import type { AcceptanceSeat, AcceptanceVerdict } from '@kc/domain';
import {
  acceptanceConclusion,
  acceptanceVerdictName,
  maskMobile,
  researcherTitleName,
  selectionSettingsVersion,
} from '@kc/domain';

/**
 * 验收专家组 as it is read: a final report's panel for its current submission, its members and
 * their verdicts, and the domain's conclusion (acceptance.ts). The actions are acceptance.ts's;
 * this module only reads, so the project detail can show the panel without depending on them.
 */

type Db = Pick<TransactionClient, 'reviewPanel'>;

export const ACCEPTANCE_PANEL_INCLUDE = {
  assignments: {
    include: { expert: true, verdict: true },
    orderBy: { position: 'asc' },
  },
} as const satisfies Prisma.ReviewPanelInclude;
export type AcceptancePanelRow = Prisma.ReviewPanelGetPayload<{
  include: typeof ACCEPTANCE_PANEL_INCLUDE;
}>;
type AssignmentRow = AcceptancePanelRow['assignments'][number];

/** The panel reading `round` (a submission) of the final report `reportId`, or null. */
export function acceptancePanelOf(db: Db, reportId: string, round: number) {
  return db.reviewPanel.findUnique({
    where: { projectReportId_reportRound: { projectReportId: reportId, reportRound: round } },
    include: ACCEPTANCE_PANEL_INCLUDE,
  });
}

/** What the conclusion reads of a place: its status, and whether (and what) it answered. */
type SeatRow = {
  status: string;
  verdict: Pick<NonNullable<AssignmentRow['verdict']>, 'conflict' | 'verdict'> | null;
};

/** A place as the domain's conclusion sees it. */
export function seatOf(a: SeatRow): AcceptanceSeat {
  const status = a.status as AcceptanceSeat['status'];
  const v = a.verdict;
  return {
    status,
    answer: !v ? null : v.conflict ? 'conflict' : (v.verdict as AcceptanceVerdict),
  };
}

/** The panel's conclusion under the settings it was drawn with. */
export function conclusionOf(panel: { settingsVersion: string; assignments: readonly SeatRow[] }) {
  const settings = selectionSettingsVersion(panel.settingsVersion).acceptance;
  return {
    settings,
    conclusion: acceptanceConclusion(panel.assignments.map(seatOf), settings),
  };
}

/** Members' places in words: a declared conflict shows as 回避 whatever else was said. */
const MEMBER_STATUS_NAMES: Record<string, string> = {
  invited: '待接受',
  accepted: '已接受',
  declined: '已谢绝',
  recused: '回避',
  reserve: '备选',
};

/**
 * The panel as officers follow it. Before it is complete, no verdict is shown — only whether
 * each member has answered — so nobody can read the panel while it is still forming its view.
 */
export function acceptancePanelDto(panel: AcceptancePanelRow) {
  const { settings, conclusion } = conclusionOf(panel);
  const { complete } = conclusion;
  return {
    id: panel.id,
    name: panel.name,
    round: panel.reportRound ?? 1,
    closed: panel.status === 'closed',
    statusName: panel.status === 'closed' ? '已结束' : complete ? '意见已汇齐' : '评审中',
    drawnAt: panel.createdAt,
    seeds: panel.seeds,
    poolSize: panel.pool.length,
    settingsVersion: panel.settingsVersion,
    panelSize: settings.panelSize,
    minValidVerdicts: settings.minValidVerdicts,
    members: panel.assignments.map((a) => {
      const seat = seatOf(a);
      const status = seat.answer === 'conflict' ? 'recused' : a.status;
      const v = a.verdict;
      return {
        assignmentId: a.id,
        position: a.position,
        name: a.expert.name,
        titleName: researcherTitleName(a.expert.title),
        unitName: a.expert.unitName,
        mobileMasked: maskMobile(a.expert.mobile),
        status,
        statusName: MEMBER_STATUS_NAMES[status] ?? status,
        declineReason: a.declineReason,
        conflictReason: v?.conflict ? v.conflictReason : null,
        /** a verdict or a conflict is in (what it says stays hidden until the panel is complete) */
        answered: v !== null,
        verdict: complete && v && !v.conflict ? (v.verdict as AcceptanceVerdict) : null,
        verdictName: complete && v?.verdict ? acceptanceVerdictName(v.verdict) : null,
        comment: complete && v && !v.conflict ? v.comment : null,
        answeredAt: v?.submittedAt ?? null,
      };
    }),
    conclusion: {
      ...conclusion,
      // The tally is the panel's once complete; before, it would show the verdicts one by one.
      tally: complete ? conclusion.tally : null,
      majorityName: conclusion.majority ? acceptanceVerdictName(conclusion.majority) : null,
    },
    departureReason: panel.departureReason,
  };
}

/**
 * A project's acceptance as officers read it: the final report's current submission and its
 * panel (null before one is drawn), and whether a panel may be drawn now. Null while the project
 * has no final report.
 */
export async function projectAcceptance(
  db: Pick<TransactionClient, 'reviewPanel' | 'projectReport'>,
  project: { id: string; status: string; settingsVersion: string },
) {
  const report = await db.projectReport.findUnique({
    where: { projectId_kind: { projectId: project.id, kind: 'final' } },
    select: { id: true, status: true, submissions: true },
  });
  if (!report) return null;
  const panel = await acceptancePanelOf(db, report.id, report.submissions);
  const { panelSize, reserves, minValidVerdicts } = selectionSettingsVersion(
    project.settingsVersion,
  ).acceptance;
  return {
    reportRound: report.submissions,
    /** a submitted final report of a project in 验收中 without a panel for this submission */
    drawable: report.status === 'submitted' && project.status === 'accepting' && panel === null,
    /** what a draw under the project's settings takes (for the officer's confirmation) */
    settings: { panelSize, reserves, minValidVerdicts },
    panel: panel ? acceptancePanelDto(panel) : null,
  };
}
