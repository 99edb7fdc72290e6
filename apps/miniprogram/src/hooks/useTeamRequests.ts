import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../api/client';
import { readSession } from '../services/session';

/** What a request needs to be counted (a row of `selection.team.requests`). */
export interface TeamRequestState {
  answer: 'pending' | 'confirmed' | 'declined';
  answerable: boolean;
}

/** A part another organisation's submission asks the caller's organisation to take on, unanswered. */
export function awaitsTeamAnswer(r: TeamRequestState): boolean {
  return r.answer === 'pending' && r.answerable;
}

/** How many parts wait for the organisation's answer: the count beside 合作申报确认. */
export function pendingTeamRequests(requests: readonly TeamRequestState[]): number {
  return requests.filter(awaitsTeamAnswer).length;
}

/**
 * How many 合作申报确认 requests wait for the caller's organisation to answer; quietly 0 for
 * someone without an organisation (researchers, visitors) or when it cannot be read.
 */
export function useTeamRequests(): number {
  const [count, setCount] = useState(0);
  useDidShow(() => {
    if (!readSession()) return;
    api.selection.team.requests
      .query()
      .then((list) => setCount(pendingTeamRequests(list)))
      .catch(() => setCount(0));
  });
  return count;
}
