/**
 * The downloads of one kind of attachment (a submission's 项目申报书, a report's 报告正文…): each
 * saved under `prefix` — the record's number and the material's name — numbered `-1`, `-2`… when
 * there are several, its link labelled 下载 or 下载（n）.
 */
export function attachmentDownloads<T extends { fileId: string }>(
  prefix: string,
  files: readonly T[],
): (T & { name: string; label: string })[] {
  const several = files.length > 1;
  return files.map((f, i) => ({
    ...f,
    name: several ? `${prefix}-${i + 1}` : prefix,
    label: several ? `下载（${i + 1}）` : '下载',
  }));
}
