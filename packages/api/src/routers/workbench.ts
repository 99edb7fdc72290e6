import type { TRPCRouterRecord } from '@trpc/server';
import type { Prisma } from '@kc/db';
import type { ApplicationStatus, OfficerRole } from '@kc/domain';
import { auditActionLabel, todayInShanghai } from '@kc/domain';
import { areaScope } from '../access';
import { auditActorNames } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { dateOf, dbDate } from '../dates';
import { officerProcedure } from '../trpc';
import { trustQueues } from '../organisations/verification/queues';

interface QueueDef {
  key: string;
  label: string;
  roles: readonly OfficerRole[];
  statuses?: readonly ApplicationStatus[];
  path: string;
}

const BUREAU: readonly OfficerRole[] = ['bureau-admin', 'bureau-reviewer'];
const REVIEWERS: readonly OfficerRole[] = [...BUREAU, 'area-officer'];

/** The work waiting for an officer, by role; counts are confined to the officer's area. */
const APPLICATION_QUEUES: readonly QueueDef[] = [
  {
    key: 'area-review',
    label: '待县区受理/审核',
    roles: REVIEWERS,
    statuses: ['submitted', 'area-review'],
    path: '/applications?status=area-review',
  },
  {
    key: 'bureau-review',
    label: '待市局审核',
    roles: BUREAU,
    statuses: ['bureau-review'],
    path: '/applications?status=bureau-review',
  },
  {
    key: 'returned',
    label: '已退回待修改',
    roles: REVIEWERS,
    statuses: ['returned'],
    path: '/applications?status=returned',
  },
  {
    key: 'approved',
    label: '已批准待公示',
    roles: BUREAU,
    statuses: ['approved'],
    path: '/applications?status=approved',
  },
  {
    key: 'in-notice',
    label: '公示中',
    roles: [...REVIEWERS, 'finance-officer'],
    statuses: ['in-notice'],
    path: '/notices',
  },
  {
    key: 'awaiting-payment',
    label: '待拨付',
    roles: ['bureau-admin', 'finance-officer'],
    statuses: ['notice-passed', 'in-disbursement'],
    path: '/disbursements',
  },
];

async function applicationQueues(ctx: Context & { caller: OfficerCaller }) {
  const scope = areaScope(ctx.caller);
  const mine = APPLICATION_QUEUES.filter((q) => q.roles.includes(ctx.caller.role));
  const counts = await Promise.all(
    mine.map((q) =>
      ctx.db.prisma.application.count({
        where: {
          status: { in: [...(q.statuses ?? [])] },
          ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
        },
      }),
    ),
  );
  return mine.map((q, i) => ({ key: q.key, label: q.label, count: counts[i] ?? 0, path: q.path }));
}

async function vpQueues(ctx: Context & { caller: OfficerCaller }) {
  if (!REVIEWERS.includes(ctx.caller.role)) return [];
  const scope = areaScope(ctx.caller);
  const area = scope.areaCode ? { areaCode: scope.areaCode } : {};
  const year = Number(todayInShanghai(ctx.now()).slice(0, 4));
  const [pending, due] = await Promise.all([
    ctx.db.prisma.vpSecondment.count({ where: { status: 'pending', ...area } }),
    ctx.db.prisma.vpSecondment.count({
      where: { status: 'active', ...area, evaluations: { none: { year } } },
    }),
  ]);
  return [
    {
      key: 'vp-pending-agreement',
      label: '科技副总待签协议',
      count: pending,
      path: '/vice-president',
    },
    {
      key: 'vp-evaluation-due',
      label: `科技副总${year}年度待考核`,
      count: due,
      path: '/vice-president',
    },
  ];
}

async function deadlines(ctx: Context & { caller: OfficerCaller }) {
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

async function recent(ctx: Context & { caller: OfficerCaller }) {
  const scope = areaScope(ctx.caller);
  const where: Prisma.AuditLogWhereInput = {
    action: { notIn: ['auth.officer-login', 'auth.officer-logout', 'auth.officer-login-failed'] },
    ...(scope.areaCode ? { areaCode: scope.areaCode } : {}),
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
  }));
}

/** The officer's home page: their queues, the coming deadlines and what happened lately. */
export const workbenchRouter = {
  summary: officerProcedure.query(async ({ ctx }) => {
    const [apps, vp, trust, dates, activity] = await Promise.all([
      applicationQueues(ctx),
      vpQueues(ctx),
      trustQueues(ctx),
      deadlines(ctx),
      recent(ctx),
    ]);
    return { queues: [...trust, ...apps, ...vp], deadlines: dates, recent: activity };
  }),
} satisfies TRPCRouterRecord;
