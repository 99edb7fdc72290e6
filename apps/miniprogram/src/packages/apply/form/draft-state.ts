import { formatDateTime } from '../../../format';

/** Edits are saved as a draft every 30 seconds while something has changed. */
export const AUTOSAVE_INTERVAL_MS = 30_000;

interface ApplicationSummary {
  id: string;
  ruleId: string;
  status: string;
  updatedAt: Date | string;
}

/** The programme's unsent draft to offer when its form is opened afresh (the latest, if several). */
export function latestDraft<T extends ApplicationSummary>(
  apps: readonly T[],
  ruleId: string,
): T | null {
  const drafts = apps.filter((a) => a.ruleId === ruleId && a.status === 'draft');
  const time = (a: T) => new Date(a.updatedAt).getTime();
  return drafts.reduce<T | null>((best, a) => (!best || time(a) > time(best) ? a : best), null);
}

/** The form's own address for a saved draft: a reload (H5) opens the draft again. */
export function draftFormUrl(id: string): string {
  return `/packages/apply/form/index?id=${encodeURIComponent(id)}`;
}

/** `已自动保存 18:42` */
export function autosavedText(at: Date): string {
  return `已自动保存 ${formatDateTime(at).slice(11)}`;
}
