/**
 * 保存期限 (retention). Audit and security logs are kept at least six months (网络安全法 第二十一条);
 * the bureau sets how long (AUDIT_RETENTION_MONTHS, default 36). Application records follow the
 * bureau's archive rules (APPLICATION_RETENTION_YEARS, default: kept forever). Paid or awarded
 * applications are financial records and are never removed here; see docs/PRIVACY.md.
 *
 * audit_log and application_event are append-only by trigger. Removal follows the migration's own
 * note: the trigger is disabled inside the removing transaction only (ALTER TABLE is
 * transactional, and its lock keeps every other writer out until the commit re-enables it), so no
 * other session ever sees the table without its guard. This needs the table owner, which is the
 * role the migrations ran as.
 */
import type { Db, TransactionClient } from '@kc/db';
import { writeAudit } from '../audit';
import type { FileStore } from '../files/store';
import { unreferencedFiles } from '../files/unreferenced';
import type { Logger } from '../logger';

export interface RetentionConfig {
  /** audit_log rows and ended sessions older than this are removed; at least 6 */
  auditRetentionMonths: number;
  /** terminal, unpaid applications untouched this long are removed; null = kept forever */
  applicationRetentionYears: number | null;
}

export const MIN_AUDIT_RETENTION_MONTHS = 6;
export const DEFAULT_RETENTION_CONFIG: RetentionConfig = {
  auditRetentionMonths: 36,
  applicationRetentionYears: null,
};

export class RetentionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetentionConfigError';
  }
}

/** Reads AUDIT_RETENTION_MONTHS and APPLICATION_RETENTION_YEARS; refuses what the law forbids. */
export function retentionConfigFromEnv(env: Record<string, string | undefined>): RetentionConfig {
  const whole = (name: string, raw: string): number => {
    if (!/^\d+$/.test(raw.trim())) throw new RetentionConfigError(`${name} must be a whole number`);
    return Number(raw.trim());
  };
  const months = env.AUDIT_RETENTION_MONTHS?.trim()
    ? whole('AUDIT_RETENTION_MONTHS', env.AUDIT_RETENTION_MONTHS)
    : DEFAULT_RETENTION_CONFIG.auditRetentionMonths;
  const years = env.APPLICATION_RETENTION_YEARS?.trim()
    ? whole('APPLICATION_RETENTION_YEARS', env.APPLICATION_RETENTION_YEARS)
    : null;
  return checkRetentionConfig({ auditRetentionMonths: months, applicationRetentionYears: years });
}

export function checkRetentionConfig(config: RetentionConfig): RetentionConfig {
  if (
    !Number.isInteger(config.auditRetentionMonths) ||
    config.auditRetentionMonths < MIN_AUDIT_RETENTION_MONTHS
  ) {
    throw new RetentionConfigError(
      `AUDIT_RETENTION_MONTHS must be at least ${MIN_AUDIT_RETENTION_MONTHS} (网络安全法: logs are kept six months or more)`,
    );
  }
  const years = config.applicationRetentionYears;
  if (years !== null && (!Number.isInteger(years) || years < 1)) {
    throw new RetentionConfigError(
      'APPLICATION_RETENTION_YEARS must be a whole number ≥ 1, or unset',
    );
  }
  return config;
}

export interface RetentionDeps {
  db: Db;
  log: Logger;
  now: () => Date;
  config: RetentionConfig;
  /** Where exports' bytes are; without it their rows go and the bytes stay. */
  files?: FileStore | undefined;
}

export interface RetentionReport {
  ranAt: Date;
  auditCutoff: Date;
  applicationCutoff: Date | null;
  /** rows removed per table */
  removed: Record<string, number>;
}

/** Calendar months back, in UTC (a day or so either way is immaterial at this scale). */
function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Runs `remove` with the append-only trigger of `table` off, inside the caller's transaction. */
async function withoutAppendOnly<T>(
  tx: TransactionClient,
  table: 'audit_log' | 'application_event',
  remove: () => Promise<T>,
): Promise<T> {
  const trigger =
    table === 'audit_log' ? 'audit_log_no_update_delete' : 'application_event_no_update_delete';
  await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`);
  const result = await remove();
  await tx.$executeRawUnsafe(`ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`);
  return result;
}

/** Terminal applications that never became an award: nothing paid, noticed or promised. */
const UNAWARDED_TERMINAL = ['rejected', 'withdrawn'];

export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const config = checkRetentionConfig(deps.config);
  const ranAt = deps.now();
  const auditCutoff = monthsBefore(ranAt, config.auditRetentionMonths);
  const applicationCutoff =
    config.applicationRetentionYears === null
      ? null
      : monthsBefore(ranAt, config.applicationRetentionYears * 12);

  const orphanHashes: string[] = [];
  const removed = await deps.db.prisma.$transaction(
    async (tx) => {
      const removed: Record<string, number> = {};

      removed.session = (
        await tx.session.deleteMany({
          where: {
            OR: [{ expiresAt: { lt: auditCutoff } }, { revokedAt: { lt: auditCutoff } }],
          },
        })
      ).count;

      if (applicationCutoff) {
        const old = await tx.application.findMany({
          where: {
            status: { in: UNAWARDED_TERMINAL },
            updatedAt: { lt: applicationCutoff },
            disbursement: null,
            ledgerEntries: { none: {} },
            noticeItems: { none: {} },
            onceKeyRows: { none: {} },
            invitation: null,
          },
          select: { id: true },
        });
        const ids = old.map((a) => a.id);
        removed.application_evidence = (
          await tx.applicationEvidence.deleteMany({ where: { applicationId: { in: ids } } })
        ).count;
        removed.application_event = ids.length
          ? await withoutAppendOnly(
              tx,
              'application_event',
              async () =>
                (await tx.applicationEvent.deleteMany({ where: { applicationId: { in: ids } } }))
                  .count,
            )
          : 0;
        removed.application = (
          await tx.application.deleteMany({ where: { id: { in: ids } } })
        ).count;
      }

      // 导出 past expiresAt: no longer offered (exports/service.ts), so gone with the file row
      // when nothing else refers to it.
      const expired = await tx.dataExport.findMany({
        where: { expiresAt: { lt: ranAt } },
        select: { id: true, fileId: true },
      });
      removed.data_export = (
        await tx.dataExport.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } })
      ).count;
      const fileIds = expired.flatMap((e) => (e.fileId ? [e.fileId] : []));
      const unreferenced = await unreferencedFiles(tx, { id: { in: fileIds } });
      removed.stored_file = (
        await tx.storedFile.deleteMany({ where: { id: { in: unreferenced.map((f) => f.id) } } })
      ).count;
      orphanHashes.push(...unreferenced.map((f) => f.sha256));

      removed.audit_log = await withoutAppendOnly(tx, 'audit_log', async () =>
        Number(await tx.$executeRaw`DELETE FROM "audit_log" WHERE "at" < ${auditCutoff}`),
      );

      // The run itself is audited, by the system (no actor), after the guard is back on.
      await writeAudit(
        tx,
        { caller: null, ip: null, now: deps.now },
        {
          action: 'retention.run',
          objectType: 'system',
          details: {
            auditCutoff: auditCutoff.toISOString(),
            applicationCutoff: applicationCutoff?.toISOString() ?? null,
            removed,
          },
        },
      );
      return removed;
    },
    { timeout: 120_000 },
  );
  // Bytes after the commit, and only those no other row (another owner's) still names.
  if (deps.files?.remove) {
    for (const sha256 of new Set(orphanHashes)) {
      if ((await deps.db.prisma.storedFile.count({ where: { sha256 } })) === 0)
        await deps.files.remove(sha256);
    }
  }
  deps.log.info({ removed }, 'retention: removed what is past its retention');
  return { ranAt, auditCutoff, applicationCutoff, removed };
}
