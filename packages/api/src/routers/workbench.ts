import type { TRPCRouterRecord } from '@trpc/server';
import type { Prisma } from '@kc/db';
import type { ApplicationQueue, OfficerRole } from '@kc/domain';
import { applicationQueueName, auditActionLabel, todayInShanghai } from '@kc/domain';
import { areaScope, isCaseworker } from '../access';
import { auditActorNames } from '../audit';
import { candidateWhere } from '../awards/disbursement/candidates';
import { reviewQueueWhere } from '../awards/review-service';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { dateOf, dbDate } from '../dates';
import { recordPath } from '../record-paths';
import { officerProcedure } from '../trpc';
import { trustQueues } from '../organisations/verification/queues';
import { callListWhere } from '../selection/calls';
import { secondmentWhere } from '../vice-president/secondments-officer';

type OfficerCtx = Context & { caller: OfficerCaller };

/**
 * A workbench tile: what it counts and the list it opens. The count uses the list's own filter
 * (`reviewQueueWhere`, `candidateWhere`, `secondmentWhere`) with the parameters the link puts in
 * the URL, so the number on a tile is the length of the list it opens (issue 11).
 */
interface TileDef {
  key: string;
  label: (ctx: OfficerCtx) => string;
  roles: readonly OfficerRole[];
  path: string;
  count: (ctx: OfficerCtx) => Promise<number>;
}

const BUREAU: readonly OfficerRole[] = ['bureau-admin', 'bureau-reviewer'];
const REVIEWERS: readonly OfficerRole[] = [...BUREAU, 'area-officer'];

/** An application queue of the domain, opening `/applications?queue=…`. */
function applicationTile(queue: ApplicationQueue, roles: readonly OfficerRole[]): TileDef {
  return {
    key: queue,
    label: () => applicationQueueName(queue),
    roles,
    path: `/applications?queue=${queue}`,
    count: (ctx) => ctx.db.prisma.application.count({ where: reviewQueueWhere(ctx, { queue }) }),
  };
}

const thisYear = (ctx: OfficerCtx) => Number(todayInShanghai(ctx.now()).slice(0, 4));

/**
 * The work waiting for an officer, by role; counts are confined to the officer's area. Finance
 * has no 公示中 tile: it has no list of applications in notice to open.
 */
const TILES: readonly TileDef[] = [
  applicationTile('area-review', REVIEWERS),
  applicationTile('bureau-review', BUREAU),
  applicationTile('returned', REVIEWERS),
  applicationTile('approved', BUREAU),
  applicationTile('in-notice', REVIEWERS),
  {
    key: 'awaiting-payment',
    label: () => '待编入拨付批次',
    roles: ['bureau-admin', 'finance-officer'],
    path: '/finance/disbursements?tab=candidates',
    count: (ctx) => ctx.db.prisma.application.count({ where: candidateWhere({}) }),
  },
  {
    key: 'expert-pending',
    label: () => '专家入库待审核',
    roles: BUREAU,
    path: '/experts?status=pending',
    count: (ctx) => ctx.db.prisma.expert.count({ where: { status: 'pending' } }),
  },
  {
    key: 'selection-formal-check',
    label: () => '有申报待形式审查的指南',
    roles: REVIEWERS,
    // Each call listed shows how many of its submissions wait for the viewer's own step.
    path: '/selection/calls?waiting=mine',
    count: (ctx) =>
      ctx.db.prisma.selectionCall.count({ where: callListWhere(ctx, { waiting: 'mine' }) }),
  },
  {
    key: 'vp-pending-agreement',
    label: () => '科技副总待签协议',
    roles: REVIEWERS,
    path: '/vice-president/secondments?status=pending',
    count: (ctx) =>
      ctx.db.prisma.vpSecondment.count({ where: secondmentWhere(ctx, { status: 'pending' }) }),
  },
  {
    key: 'vp-evaluation-due',
    label: (ctx) => `科技副总${thisYear(ctx)}年度待考核`,
    roles: REVIEWERS,
    path: '/vice-president/secondments?due=evaluation',
    count: (ctx) =>
      ctx.db.prisma.vpSecondment.count({ where: secondmentWhere(ctx, { due: 'evaluation' }) }),
  },
];

async function workQueues(ctx: OfficerCtx) {
  const mine = TILES.filter((t) => t.roles.includes(ctx.caller.role));
  const counts = await Promise.all(mine.map((t) => t.count(ctx)));
  return mine.map((t, i) => ({
    key: t.key,
    label: t.label(ctx),
    count: counts[i] ?? 0,
    path: t.path,
  }));
}

async function deadlines(ctx: OfficerCtx) {
  // Notices and 科技副总 calls are case work: finance has no page to open them on.
  if (!isCaseworker(ctx.caller)) return [];
  const today = todayInShanghai(ctx.now());
  const [notices, calls] = await Promise.all([
    ctx.db.prisma.noticeBatch.findMany({
      where: { status: 'published', endsOn: { gte: dbDate(today) } },
      orderBy: { endsOn: 'asc' },
      take: 5,
    }),
    ctx.db.prisma.vpCall.findMany({
      where: { status: { in: ['open', 'collecting', 'notice'] } },
      orderBy: { createdAt: 'desc' },
      take: 5,
    }),
  ]);
  const items = [
    ...notices.map((n) => ({
      label: `公示批次 ${n.number} 公示期满`,
      date: dateOf(n.endsOn) ?? today,
      path: `/notices/${n.id}`,
    })),
    ...calls.flatMap((c) => {
      const date =
        c.status === 'open'
          ? c.needsDeadline
          : c.status === 'collecting'
            ? c.applicationsDeadline
            : c.noticeEndsOn;
      const what =
        c.status === 'open'
          ? '需求征集截止'
          : c.status === 'collecting'
            ? '人才报名截止'
            : '匹配结果公示期满';
      return date
        ? [{ label: `${c.title}${what}`, date: dateOf(date), path: `/vice-president/${c.id}` }]
        : [];
    }),
  ];
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

async function recent(ctx: OfficerCtx) {
  const scope = areaScope(ctx.caller);
  const where: Prisma.AuditLogWhereInput = {
    action: {
      notIn: [
        'auth.officer-login',
        'auth.officer-logout',
        'auth.officer-login-failed',
        'auth.officer-login-throttled',
      ],
    },
    ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
    // Finance sees what happened to the batches it pays, not the case work around them.
    ...(isCaseworker(ctx.caller) ? {} : { objectType: 'disbursement_batch' }),
  };
  const rows = await ctx.db.prisma.auditLog.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: 10,
  });
  const names = await auditActorNames(ctx.db.prisma, rows);
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    objectType: r.objectType,
    objectId: r.objectId,
    /** the record's page in the admin, where this officer has one */
    path: recordPath(ctx.caller.role, r.objectType, r.objectId),
  }));
}

/** The officer's home page: their queues, the coming deadlines and what happened lately. */
export const workbenchRouter = {
  summary: officerProcedure.query(async ({ ctx }) => {
    const [work, trust, dates, activity] = await Promise.all([
      workQueues(ctx),
      trustQueues(ctx),
      deadlines(ctx),
      recent(ctx),
    ]);
    return { queues: [...trust, ...work], deadlines: dates, recent: activity };
  }),
} satisfies TRPCRouterRecord;
