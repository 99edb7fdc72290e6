import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findUnmaskedPII, maskMobile, maskResidentId } from '@kc/domain';

/**
 * Every unmasked mobile or resident ID number in the stack's log files, as `file:line: number`
 * with the number itself masked (this report is printed, and CI keeps it).
 */
export function scanLogsForPII(logDir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(logDir)
    .filter((n) => n.endsWith('.log'))
    .sort()) {
    const lines = readFileSync(path.join(logDir, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const number of findUnmaskedPII(line)) {
        const masked = number.length === 11 ? maskMobile(number) : maskResidentId(number);
        found.push(`${path.join(logDir, name)}:${i + 1}: ${masked}`);
      }
    });
  }
  return found;
}
