import { isNoticePeriodOver, todayInShanghai } from '@kc/domain';
import { dateOf } from '../dates';
import { notifyBureauOfficers } from '../notifications/write';
import type { JobDeps } from './deps';

/**
 * A published notice whose period is over is NOT closed by the system: closing is a bureau
 * decision in the state machine (`close-notice`, actors 局管理员/局审核员), objections sent by
 * post or phone up to 24:00 of the last day may still have to be recorded, and closing with
 * objections open is refused (OPEN_OBJECTIONS). So this daily job only tells the bureau's
 * officers, once per batch (message id from the batch id), how many objections still wait.
 */
export async function notifyEndedNotices(deps: JobDeps): Promise<{ batches: number }> {
  const today = todayInShanghai(deps.now());
  const prisma = deps.db.prisma;
  const published = await prisma.noticeBatch.findMany({
    where: { status: 'published', endsOn: { not: null } },
    select: { id: true, number: true, endsOn: true },
  });
  const ended = published.filter((b) => b.endsOn && isNoticePeriodOver(dateOf(b.endsOn), today));
  if (ended.length === 0) return { batches: 0 };
  for (const b of ended) {
    const open = await prisma.objection.count({
      where: { status: 'open', noticeItem: { batchId: b.id } },
    });
    const body =
      open > 0
        ? `公示批次${b.number}已期满，尚有${open}条异议待处理，处理后请结束公示`
        : `公示批次${b.number}已期满且无待处理异议，请核对后结束公示`;
    await notifyBureauOfficers(prisma, `notice-ended:${b.id}`, {
      kind: 'notice.period-ended',
      title: '公示期满待结束',
      body,
      // The admin's 消息中心 opens the batch's notice detail.
      link: { page: 'notice-batch', id: b.id },
      at: deps.now(),
    });
  }
  return { batches: ended.length };
}
