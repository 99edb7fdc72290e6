import type { TargetRow } from './queries';

/**
 * The 2030 counts rest on verified facts; what organisations only declare themselves is shown
 * beside them, never added: “已核验 12 家（另有自报未核验 5 家）”. Null for targets that are not
 * counts of organisations.
 */
export function verifiedLine(
  target: Pick<TargetRow, 'measured' | 'value' | 'unit' | 'selfDeclared'>,
): string | null {
  if (!target.measured || target.selfDeclared === null || target.value === null) return null;
  const verified = `已核验 ${target.value} ${target.unit}`;
  return target.selfDeclared > 0
    ? `${verified}（另有自报未核验 ${target.selfDeclared} ${target.unit}）`
    : verified;
}
