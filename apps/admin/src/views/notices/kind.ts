import type { RouteLocationRaw } from 'vue-router';
import type { Notice, NoticeItem } from './types';

/**
 * A batch lists either approved awards (奖补公示, built here by hand) or a selection call's
 * decided list (立项公示, opened by the call's 拟定名单并公示, already published). The words
 * follow the kind: an award is an application (申请), a selection entry a submission (申报).
 */
export type NoticeKind = 'award' | 'selection';

export const noticeKindOf = (notice: Pick<Notice, 'callId'>): NoticeKind =>
  notice.callId ? 'selection' : 'award';

export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = {
  award: '奖补公示',
  selection: '立项公示',
};

/** 申请 for an award, 申报 for a selected submission. */
export const subjectNoun = (kind: NoticeKind) => (kind === 'selection' ? '申报' : '申请');

/** The headings of the listed items' columns, on screen, in print and in the export. */
export function itemHeadings(kind: NoticeKind) {
  return kind === 'selection'
    ? { number: '申报编号', organisation: '申报单位', what: '入选事项', amount: '拟支持金额' }
    : { number: '申请编号', organisation: '申请单位', what: '奖补事项', amount: '核定金额' };
}

/** Where an item's number leads: the application, or the call whose list it is on. */
export function itemLink(
  notice: Pick<Notice, 'callId'>,
  item: Pick<NoticeItem, 'kind' | 'applicationId'>,
): RouteLocationRaw | null {
  if (item.kind === 'selection')
    return notice.callId ? { name: 'SelectionCall', params: { id: notice.callId } } : null;
  return item.applicationId ? `/applications/${item.applicationId}` : null;
}
