import type { Prisma } from '@kc/db';
import type { ExemptionStage } from '@kc/domain';
import {
  AWARDED_STATUSES,
  EXEMPTION_STAGES,
  applicationStatusName,
  areaName,
  exemptionStageName,
  invitationStatusName,
  officialListKindName,
  todayInShanghai,
} from '@kc/domain';
import { ruleInfo } from '../../awards/budget-service';
import { pageOf, pageWindow } from '../../paging';
import type { OfficerCtx } from './common';

/** The admin's list of invitations at one stage; the panel's numbers link here. */
export const EXEMPTION_LIST_PATH = '/official-lists/exemptions';

const DAY_MS = 24 * 3600_000;

/** Which invitations are at a stage (the same filter for the panel's count and the list). */
export function stageWhere(stage: ExemptionStage): Prisma.ExemptionInvitationWhereInput {
  switch (stage) {
    case 'invited':
      return {};
    case 'waiting':
      return { status: 'invited' };
    case 'confirmed':
      return { status: 'confirmed' };
    case 'approved':
      return { status: 'confirmed', application: { status: { in: [...AWARDED_STATUSES] } } };
    case 'paid':
      return { status: 'confirmed', application: { status: 'paid' } };
    case 'declined':
      return { status: 'declined' };
    case 'void':
      return { status: 'void' };
  }
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * 免申即享 on the workbench: invited, confirmed, approved (or later), paid — each with the path of
 * the list holding exactly those invitations — and the median days from the list's commit to the
 * payment (the ledger's payment entry) of the paid ones.
 */
export async function exemptionPanel(ctx: OfficerCtx) {
  const prisma = ctx.db.prisma;
  const stages = await Promise.all(
    EXEMPTION_STAGES.map(async (s) => ({
      stage: s.code,
      label: s.name,
      count: await prisma.exemptionInvitation.count({ where: stageWhere(s.code) }),
      path: `${EXEMPTION_LIST_PATH}?stage=${s.code}`,
    })),
  );
  const paid = await prisma.exemptionInvitation.findMany({
    where: stageWhere('paid'),
    select: {
      listEntry: { select: { import: { select: { committedAt: true } } } },
      application: {
        select: {
          ledgerEntries: {
            where: { kind: 'payment' },
            select: { at: true },
            orderBy: { at: 'asc' },
            take: 1,
          },
        },
      },
    },
  });
  const days = paid.flatMap((p) => {
    const from = p.listEntry.import.committedAt;
    const to = p.application?.ledgerEntries[0]?.at;
    return from && to ? [(to.getTime() - from.getTime()) / DAY_MS] : [];
  });
  const middle = median(days);
  return {
    stages,
    /** Rounded to one decimal; null until something is paid. */
    medianDaysToPayment: middle === null ? null : Math.round(middle * 10) / 10,
    paidMeasured: days.length,
  };
}

/** The invitations at a stage, newest first, for bureau officers. */
export async function exemptionList(
  ctx: OfficerCtx,
  input: { stage: ExemptionStage; page: number; pageSize: number },
) {
  const prisma = ctx.db.prisma;
  const where = stageWhere(input.stage);
  const [rows, total] = await Promise.all([
    prisma.exemptionInvitation.findMany({
      where,
      include: {
        organisation: { select: { id: true, name: true, creditCode: true, areaCode: true } },
        listEntry: {
          include: { import: { select: { id: true, title: true, committedAt: true } } },
        },
        application: {
          select: {
            id: true,
            number: true,
            status: true,
            computedAmountFen: true,
            approvedAmountFen: true,
            ledgerEntries: { where: { kind: 'payment' }, select: { at: true }, take: 1 },
          },
        },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
    }),
    prisma.exemptionInvitation.count({ where }),
  ]);
  const today = todayInShanghai(ctx.now());
  return {
    stage: input.stage,
    stageLabel: exemptionStageName(input.stage),
    ...pageOf(
      rows.map((r) => {
        const rule = ruleInfo(r.ruleId, today);
        const app = r.application;
        return {
          id: r.id,
          status: r.status,
          statusLabel: invitationStatusName(r.status),
          organisation: { ...r.organisation, areaName: areaName(r.organisation.areaCode) },
          ruleId: r.ruleId,
          ruleName: rule?.name ?? r.ruleId,
          clause: rule?.clause ?? '',
          listKindName: officialListKindName(r.listEntry.listKind),
          listTitle: r.listEntry.import.title,
          importId: r.listEntry.import.id,
          documentNo: r.listEntry.documentNo,
          invitedAt: r.createdAt,
          confirmedAt: r.confirmedAt,
          closedReason: r.closedReason,
          application: app
            ? {
                id: app.id,
                number: app.number,
                status: app.status,
                statusLabel: applicationStatusName(app.status),
                amountFen: app.approvedAmountFen ?? app.computedAmountFen,
                paidAt: app.ledgerEntries[0]?.at ?? null,
              }
            : null,
        };
      }),
      total,
      input,
    ),
  };
}
