/**
 * One canonical spelling of a name for once-only and item keys: `宿州市 XX（重点）实验室`,
 * `宿州市XX(重点)实验室` and `宿州市ＸＸ重点实验室` are one platform. Letters and digits only, lower case.
 */
export function keyPart(value: string): string {
  const canonical = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return canonical.length > 0 ? canonical : '_';
}
