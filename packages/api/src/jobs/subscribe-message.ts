import type { JobDeps } from './deps';
import type { JobMeta } from './runtime';
import {
  SUBSCRIBE_MESSAGE_PAGE,
  SUBSCRIBE_TEMPLATES,
  templateData,
  templateFor,
} from './subscribe-templates';

/** WeChat: the user has not subscribed (or used up their one-time subscription). Not retried. */
export const WECHAT_NOT_SUBSCRIBED = 43101;

export type PushOutcome =
  | { outcome: 'sent' }
  | { outcome: 'skipped'; reason: 'not-subscribed' | 'no-openid' | 'no-template' | 'no-client' }
  | { outcome: 'done-before'; status: string }
  | { outcome: 'missing' };

/**
 * Pushes one stored message (`notification` row) as a WeChat subscribe message. The job id is
 * the notification id, and a row whose `push_status` is set is never pushed again, so a message
 * goes out at most once however often it is enqueued. Refusals that retrying cannot change
 * (43101, no openid, no template configured) are recorded as skipped; anything else throws so
 * pg-boss retries with back-off, and the last attempt records the row as failed.
 */
export async function pushNotification(
  deps: JobDeps,
  data: { notificationId?: unknown },
  meta: JobMeta,
): Promise<PushOutcome> {
  const id = typeof data.notificationId === 'string' ? data.notificationId : meta.id;
  const prisma = deps.db.prisma;
  const row = await prisma.notification.findUnique({
    where: { id },
    include: { user: { select: { openid: true } } },
  });
  if (!row) return { outcome: 'missing' };
  if (row.pushStatus) return { outcome: 'done-before', status: row.pushStatus };

  const record = (status: 'sent' | 'skipped' | 'failed') =>
    prisma.notification.updateMany({
      where: { id, pushStatus: null },
      data: { pushStatus: status },
    });
  const skip = async (
    reason: Extract<PushOutcome, { outcome: 'skipped' }>['reason'],
  ): Promise<PushOutcome> => {
    await record('skipped');
    return { outcome: 'skipped', reason };
  };

  const key = templateFor(row.kind);
  const templateId = deps.config.subscribeTemplates[key];
  if (!row.user.openid) return skip('no-openid');
  if (!templateId) return skip('no-template');
  const send = deps.wechat.sendSubscribeMessage;
  if (!send) return skip('no-client');

  const lastAttempt = meta.retryCount >= meta.retryLimit;
  let answer: { errcode: number; errmsg: string };
  try {
    answer = await send({
      openid: row.user.openid,
      templateId,
      page: SUBSCRIBE_MESSAGE_PAGE,
      data: templateData(SUBSCRIBE_TEMPLATES[key], row),
      state: deps.config.miniprogramState,
    });
  } catch (error) {
    if (lastAttempt) await record('failed');
    throw new Error(`微信接口不可达：${(error as Error).message}`, { cause: error });
  }
  if (answer.errcode === 0) {
    await record('sent');
    return { outcome: 'sent' };
  }
  if (answer.errcode === WECHAT_NOT_SUBSCRIBED) return skip('not-subscribed');
  if (lastAttempt) await record('failed');
  throw new Error(`微信拒绝发送（错误码 ${answer.errcode}：${answer.errmsg || '无说明'}）`);
}
