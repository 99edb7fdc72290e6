import type { ListRowOutcome, OfficialListKind } from '@kc/domain';
import { UserFacingError } from '../../api/errors';
import { getToken } from '../../api/session';
import type { RouterInputs, RouterOutputs } from '../../api/types';

type Lists = RouterOutputs['officialLists'];
export type ImportDetail = Lists['byId'];
export type ImportRow = ImportDetail['rows']['items'][number];
export type ImportItem = Lists['list']['items'][number];
export type ExemptionPanel = RouterOutputs['exemptions']['panel'];
export type ExemptionItem = RouterOutputs['exemptions']['list']['items'][number];
export type ExemptionStage = RouterInputs['exemptions']['list']['stage'];
export type { ListRowOutcome, OfficialListKind };

/** Cache keys of this area (a commit refetches every list, detail and the panel). */
export const listKeys = {
  all: ['official-lists'] as const,
  history: (input: unknown) => ['official-lists', 'history', input] as const,
  detail: (input: unknown) => ['official-lists', 'detail', input] as const,
  exemptions: ['official-lists', 'exemptions'] as const,
  exemptionList: (input: unknown) => ['official-lists', 'exemptions', 'list', input] as const,
  panel: ['official-lists', 'exemptions', 'panel'] as const,
};

/** The outcome tabs of a preview, in the order an officer works through them. */
export const OUTCOME_TABS: { outcome: ListRowOutcome | ''; label: string }[] = [
  { outcome: '', label: '全部' },
  { outcome: 'matched', label: '已匹配' },
  { outcome: 'unmatched', label: '未匹配' },
  { outcome: 'conflict', label: '信息不一致' },
  { outcome: 'invalid', label: '数据有误' },
  { outcome: 'unchanged', label: '已导入过' },
];

export interface UploadedList {
  id: string;
  originalName: string;
  sizeBytes: number;
  mimeType: string;
}

/**
 * Sends the list to `POST /files/official-lists` (same origin, proxied to the API like /trpc),
 * which checks who uploads it, its size and its real type; the preview then reads it by id.
 */
export async function uploadListFile(file: File): Promise<UploadedList> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('originalName', file.name);
  const token = getToken();
  let response: Response;
  try {
    response = await fetch('/files/official-lists', {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
  } catch {
    throw new UserFacingError('无法连接服务器，请检查网络后重试');
  }
  const body = (await response.json().catch(() => null)) as
    (UploadedList & { error?: { message?: string } }) | null;
  if (!response.ok || !body) {
    throw new UserFacingError(body?.error?.message ?? `名单上传失败（${response.status}）`);
  }
  return body;
}
