import type { ListColumn } from '../../composables/use-list-page';
import { formatDateTime } from '../../utils/date';
import type { PolicyVersionItem } from './queries';

/**
 * The date a version is (or would be) in force from: a proposal's is only intended (拟), the one
 * asked for or adopted is set; a withdrawn one never comes into force.
 */
export function effectiveText(v: Pick<PolicyVersionItem, 'status' | 'effectiveFrom'>): string {
  if (v.status === 'withdrawn') return '—';
  return v.status === 'proposed' ? `${v.effectiveFrom}（拟）` : v.effectiveFrom;
}

/** `张局 2026-12-01 10:00`, or `—` when the step was not taken. */
export function byWhomText(name: string | null, at: Date | string | null): string {
  if (!at) return '—';
  return [name, formatDateTime(at)].filter(Boolean).join(' ');
}

/** Widths add up to less than a 1440 px screen has (test/policy-versions-list.test.ts). */
export const columns: readonly ListColumn<PolicyVersionItem>[] = [
  { label: '修订名称', minWidth: 220, slot: 'title' },
  { label: '版本号', prop: 'version', width: 110 },
  // The officers' own id for the version (suzhou-future-2027-01): shown, it is theirs.
  { label: '版本编号', prop: 'id', width: 180, ellipsis: true },
  { label: '状态', width: 110, slot: 'status' },
  { label: '施行日期', width: 130, format: effectiveText },
  { label: '修改事项', width: 90, format: (v) => `${v.changes} 项` },
  { label: '提出时间', width: 140, format: (v) => formatDateTime(v.proposedAt) },
  { label: '确认施行时间', width: 140, format: (v) => formatDateTime(v.adoptedAt) || '—' },
];
