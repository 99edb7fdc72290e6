import type { Prisma, TransactionClient } from '@kc/db';
import { dateOf } from '../dates';
import { appError } from '../errors';
import { evaluationDto, resultDto, secondmentDto, workLogDto } from './dto';

/** A secondment row with what every view of it needs, and the checks both sides share. */
export const INCLUDE = {
  need: {
    include: {
      organisation: {
        include: { members: { where: { status: 'active' }, select: { userId: true } } },
      },
    },
  },
  candidate: { include: { researcher: true } },
  agreementFile: true,
  call: true,
} as const;

export type Row = Prisma.VpSecondmentGetPayload<{ include: typeof INCLUDE }>;

export async function lockSecondment(tx: TransactionClient, id: string): Promise<Row> {
  await tx.$queryRaw`SELECT id FROM vp_secondment WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.vpSecondment.findUnique({ where: { id }, include: INCLUDE });
  if (!row) throw appError('NOT_FOUND');
  return row;
}

export async function detailOf(
  db: Pick<TransactionClient, 'vpWorkLog' | 'vpResult' | 'vpEvaluation'>,
  row: Row,
) {
  const [logs, results, evaluations] = await Promise.all([
    db.vpWorkLog.findMany({ where: { secondmentId: row.id }, orderBy: { month: 'desc' } }),
    db.vpResult.findMany({ where: { secondmentId: row.id }, orderBy: { occurredOn: 'desc' } }),
    db.vpEvaluation.findMany({ where: { secondmentId: row.id }, orderBy: { year: 'desc' } }),
  ]);
  return {
    ...secondmentDto(row),
    workLogs: logs.map(workLogDto),
    daysOnSiteTotal: logs.reduce((sum, l) => sum + l.daysOnSite, 0),
    results: results.map(resultDto),
    evaluations: evaluations.map(evaluationDto),
  };
}

export function assertActive(row: Row): void {
  if (row.status !== 'active') throw appError('VP_NOT_ACTIVE');
}

/** The term of a started secondment (the database guarantees both dates once it is active). */
export function termOf(row: Row): { start: string; end: string } {
  const start = dateOf(row.startDate);
  const end = dateOf(row.endDate);
  if (!start || !end) throw appError('VP_NOT_ACTIVE');
  return { start, end };
}
