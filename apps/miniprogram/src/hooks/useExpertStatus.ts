import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { readSession } from '../services/session';

export interface ExpertStatus {
  /** 待审核 / 在库 / 已暂停 / 未通过; null before they apply or when it cannot be read. */
  statusName: string | null;
  /** 在库: drawn for panels, so 评审任务 is offered. */
  active: boolean;
  /** Review invitations waiting for an answer (those of a panel still scoring). */
  pendingReviews: number;
}

const NONE: ExpertStatus = { statusName: null, active: false, pendingReviews: 0 };

/**
 * Where the caller stands in the 专家库 for the entries in 我的, and for an expert 在库 how many
 * review invitations wait; quietly nothing before they apply or when it cannot be read.
 */
export function useExpertStatus(): ExpertStatus {
  const [status, setStatus] = useState<ExpertStatus>(NONE);
  useDidShow(() => {
    if (readSession()) void readExpertStatus().then(setStatus);
  });
  return status;
}

/** The same, read once when a component shows up after its page did (a page's later content). */
export function useExpertStatusOnMount(): ExpertStatus {
  const [status, setStatus] = useState<ExpertStatus>(NONE);
  useEffect(() => {
    let live = true;
    if (readSession()) void readExpertStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return status;
}

async function readExpertStatus(): Promise<ExpertStatus> {
  try {
    const mine = await api.experts.mine.query();
    const active = mine?.status === 'active';
    const pendingReviews = active
      ? await api.selection.reviews.mine.query().then(
          (tasks) => tasks.filter((t) => t.status === 'invited' && !t.panelClosed).length,
          () => 0,
        )
      : 0;
    return { statusName: mine?.statusName ?? null, active, pendingReviews };
  } catch {
    return NONE;
  }
}
