import { createHash } from 'node:crypto';
import type { CalendarDate } from '@kc/domain';
import { addCalendarDays, todayInShanghai } from '@kc/domain';
import { decodeJson } from '../awards/codec';
import { dateOf, dbDate } from '../dates';
import type { NewNotification } from '../notifications/write';
import type { JobDeps } from './deps';
import { enqueuePushes } from './outbox';
import { policySetOn, refreshPolicyCatalogue } from '../policy/catalogue';

/**
 * Reminders before deadlines. The daily scan (`deadline-scan`, 9:00 Asia/Shanghai) finds what is
 * due within `reminderDays` days of the app's "today" and enqueues one `deadline-reminder` per
 * (subject, deadline, person). The job id, and the id of the message it writes, is a UUID made
 * from that key: a second scan (a re-run, or two instances scanning) enqueues nothing new, and a
 * reminder job run twice writes one message.
 *
 * - 科技副总工作日志: a month's log is due by the month's last day; an active secondment with
 *   no log for the current month reminds its researcher.
 * - 公示期满: a published notice ending soon reminds the bureau's officers (who close it).
 * - 申请期限: a draft (or returned) application whose window (event date + the policy's
 *   applicationWindowDays) closes soon reminds its applicant.
 */
export interface Reminder {
  /** The natural key: subject and deadline. */
  key: string;
  userIds: string[];
  message: Omit<NewNotification, 'userId' | 'at'>;
}

export const BUREAU_ROLES = ['BUREAU_ADMIN', 'BUREAU_REVIEWER'] as const;

/** A UUID derived from a key (the same key, the same id). */
export function keyedId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function lastDayOfMonth(month: string): CalendarDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function workLogReminders(deps: JobDeps, today: CalendarDate, until: CalendarDate) {
  const month = today.slice(0, 7);
  const dueOn = lastDayOfMonth(month);
  if (dueOn > until) return [];
  const rows = await deps.db.prisma.vpSecondment.findMany({
    where: {
      status: 'active',
      startDate: { lte: dbDate(today) },
      workLogs: { none: { month } },
    },
    select: { id: true, researcherId: true },
  });
  const researchers = await deps.db.prisma.researcher.findMany({
    where: { id: { in: rows.map((r) => r.researcherId) } },
    select: { id: true, userId: true },
  });
  const userOf = new Map(researchers.map((r) => [r.id, r.userId]));
  return rows.flatMap((s): Reminder[] => {
    const userId = userOf.get(s.researcherId);
    return userId
      ? [
          {
            key: `vp-work-log:${s.id}:${month}`,
            userIds: [userId],
            message: {
              kind: 'reminder.vp-work-log',
              title: '科技副总工作日志待填写',
              body: `请于${dueOn}前填写${month.replace('-', '年')}月工作日志`,
              link: { page: 'secondment', id: s.id },
            },
          },
        ]
      : [];
  });
}

async function noticeEndReminders(deps: JobDeps, today: CalendarDate, until: CalendarDate) {
  const [batches, officers] = await Promise.all([
    deps.db.prisma.noticeBatch.findMany({
      where: { status: 'published', endsOn: { gte: dbDate(today), lte: dbDate(until) } },
      select: { id: true, number: true, endsOn: true },
    }),
    bureauOfficers(deps),
  ]);
  return batches.map((b): Reminder => {
    const endsOn = dateOf(b.endsOn) ?? today;
    return {
      key: `notice-end:${b.id}:${endsOn}`,
      userIds: officers,
      message: {
        kind: 'reminder.notice-ending',
        title: '公示即将期满',
        body: `公示批次${b.number}于${endsOn} 24时期满，期满后请处理异议并结束公示`,
        link: { page: 'notice-batch', id: b.id },
      },
    };
  });
}

async function applicationWindowReminders(deps: JobDeps, today: CalendarDate, until: CalendarDate) {
  await refreshPolicyCatalogue(deps.db);
  const set = policySetOn(today);
  if (!set) return [];
  const drafts = await deps.db.prisma.application.findMany({
    where: { status: { in: ['draft', 'returned'] } },
    select: { id: true, number: true, ruleId: true, input: true, applicantUserId: true },
  });
  const out: Reminder[] = [];
  for (const d of drafts) {
    const rule = set.rules.find((r) => r.id === d.ruleId);
    const parsed = rule?.inputSchema.safeParse(decodeJson(d.input));
    if (!rule || !parsed?.success) continue; // an unfinished draft has no dates to go by
    const closes = rule
      .eventDates(parsed.data)
      .map((e) => addCalendarDays(e.date, set.settings.applicationWindowDays))
      .sort()[0];
    if (!closes || closes < today || closes > until) continue;
    out.push({
      key: `application-window:${d.id}:${closes}`,
      userIds: [d.applicantUserId],
      message: {
        kind: 'reminder.application-window',
        title: '申请期限即将届满',
        body: `${rule.name}申请${d.number}最迟须于${closes}提交`,
        link: { page: 'application', id: d.id },
      },
    });
  }
  return out;
}

async function bureauOfficers(deps: JobDeps): Promise<string[]> {
  const rows = await deps.db.prisma.user.findMany({
    where: { kind: 'OFFICER', disabled: false, role: { in: [...BUREAU_ROLES] } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => r.id);
}

export async function findReminders(deps: JobDeps): Promise<Reminder[]> {
  const today = todayInShanghai(deps.now());
  const until = addCalendarDays(today, deps.config.reminderDays);
  const found = await Promise.all([
    workLogReminders(deps, today, until),
    noticeEndReminders(deps, today, until),
    applicationWindowReminders(deps, today, until),
  ]);
  return found.flat();
}

export interface ReminderJob {
  id: string;
  key: string;
  userId: string;
  message: Reminder['message'];
}

/** The scan: one job per (subject, deadline, person), never twice. */
export async function scanDeadlines(deps: JobDeps): Promise<{ due: number; enqueued: number }> {
  let due = 0;
  let enqueued = 0;
  for (const r of await findReminders(deps)) {
    for (const userId of r.userIds) {
      due += 1;
      const id = keyedId(`${r.key}:${userId}`);
      if (await deps.queue.known('deadline-reminder', id)) continue;
      const job: ReminderJob = { id, key: r.key, userId, message: r.message };
      if (await deps.queue.send('deadline-reminder', job, { id, singletonKey: id })) enqueued += 1;
    }
  }
  return { due, enqueued };
}

/** Writes the reminder (its id is the job's: a second run writes nothing) and pushes it. */
export async function sendReminder(
  deps: JobDeps,
  data: Record<string, unknown>,
): Promise<{ written: boolean }> {
  const job = data as unknown as ReminderJob;
  const { count } = await deps.db.prisma.notification.createMany({
    data: [
      {
        id: job.id,
        userId: job.userId,
        kind: job.message.kind,
        title: job.message.title,
        body: job.message.body,
        linkPage: job.message.link?.page ?? null,
        linkId: job.message.link?.id ?? null,
        createdAt: deps.now(),
      },
    ],
    skipDuplicates: true,
  });
  await enqueuePushes(deps.queue, [job.id]);
  return { written: count === 1 };
}
