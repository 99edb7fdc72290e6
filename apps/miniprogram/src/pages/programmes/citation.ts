/** The policy document a page cites, as the API returns it. */
export interface CitedPolicy {
  title: string;
  status: string;
  version?: string;
}

/**
 * 依据：… footer text. A draft's official title already ends in （征求意见稿）, so the status is
 * folded into that bracket rather than repeated in a second one.
 */
export function policyCitation({ title, status, version }: CitedPolicy): string {
  const suffix = `（${status}）`;
  const bare = title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
  const notes = version ? `${status}，版本 ${version}` : status;
  return `依据：${bare}（${notes}）`;
}
