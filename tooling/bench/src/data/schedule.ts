/**
 * The bureau's calendar over the generated period: a 公示 batch published every two weeks and a
 * 拨付 batch every month, each in the state the clock puts it in. Applications past approval are
 * placed into these batches, so an application's status always agrees with its batch's.
 */
import { isNoticePeriodOver, noticeEndDate, todayInShanghai } from '@kc/domain';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** 09:00 Asia/Shanghai of a calendar day, as epoch ms. */
export const morningOf = (day: string) => Date.parse(`${day}T09:00:00+08:00`);
export const dayOf = (ms: number) => todayInShanghai(new Date(ms));

export interface NoticeBatchPlan {
  id: string;
  year: number;
  seq: number;
  createdAt: number;
  publishedOn: string;
  publishedAt: number;
  endsOn: string;
  /** the day after the notice ends, when the bureau closes it; null while it runs */
  closedAt: number | null;
}

export interface DisbursementBatchPlan {
  id: string;
  year: number;
  seq: number;
  createdAt: number;
  confirmedAt: number | null;
  paidAt: number | null;
}

export function noticeBatches(from: string, now: number, uuid: () => string): NoticeBatchPlan[] {
  const today = dayOf(now);
  const out: NoticeBatchPlan[] = [];
  const seqs = new Map<number, number>();
  for (let t = morningOf(from); t + HOUR <= now; t += 14 * DAY) {
    const publishedOn = dayOf(t);
    const endsOn = noticeEndDate(publishedOn);
    const year = Number(publishedOn.slice(0, 4));
    const seq = (seqs.get(year) ?? 0) + 1;
    seqs.set(year, seq);
    const over = isNoticePeriodOver(endsOn, today);
    const closedAt = morningOf(endsOn) + DAY + HOUR;
    out.push({
      id: uuid(),
      year,
      seq,
      createdAt: t - DAY,
      publishedOn,
      publishedAt: t,
      endsOn,
      closedAt: over && closedAt <= now ? closedAt : null,
    });
  }
  return out;
}

export function disbursementBatches(
  from: string,
  now: number,
  uuid: () => string,
): DisbursementBatchPlan[] {
  const out: DisbursementBatchPlan[] = [];
  const seqs = new Map<number, number>();
  // Twice a month (the 10th and the 25th); each is confirmed two days later and paid after a week.
  for (
    let [y, m] = from.split('-').map(Number) as [number, number], half = 0;
    ;
    half ? (m === 12 ? (y++, (m = 1)) : m++) : 0, half ^= 1
  ) {
    const t = morningOf(`${y}-${String(m).padStart(2, '0')}-${half ? '25' : '10'}`);
    if (t > now) break;
    const seq = (seqs.get(y) ?? 0) + 1;
    seqs.set(y, seq);
    const confirmedAt = t + 2 * DAY;
    const paidAt = t + 7 * DAY;
    out.push({
      id: uuid(),
      year: y,
      seq,
      createdAt: t,
      confirmedAt: confirmedAt <= now ? confirmedAt : null,
      paidAt: paidAt <= now ? paidAt : null,
    });
  }
  return out;
}
