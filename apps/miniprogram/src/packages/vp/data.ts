import type { api } from '../../api/client';

export type Call = Awaited<ReturnType<typeof api.vp.calls.list.query>>[number];
export type OwnNeed = Awaited<ReturnType<typeof api.vp.needs.mine.query>>[number];
export type PublishedNeed = Awaited<ReturnType<typeof api.vp.needs.published.query>>[number];
export type MyCandidacy = Awaited<ReturnType<typeof api.vp.candidates.mine.query>>[number];
export type MySecondment = Awaited<ReturnType<typeof api.vp.secondments.mine.query>>[number];
export type SecondmentDetail = Awaited<ReturnType<typeof api.vp.secondments.myDetail.query>>;
