import type { Prisma } from '@kc/db';
import type { OfficerCtx } from './common';
import { ruleInfo } from './common';
import { ACTIVE_ACCOUNT, payeeOf, payeeSummary } from './payee';

export interface CandidateFilter {
  ruleId?: string | undefined;
  year?: number | undefined;
}

/** Which applications the 待拨付申请 list shows; the workbench's 待拨付 tile counts with it. */
export function candidateWhere(f: CandidateFilter): Prisma.ApplicationWhereInput {
  return {
    status: 'notice-passed',
    ...(f.ruleId ? { ruleId: f.ruleId } : {}),
    ...(f.year ? { year: f.year } : {}),
  };
}

/** Applications whose notice has passed and that wait for a batch, with what the batch needs. */
export async function disbursementCandidates(ctx: OfficerCtx, f: CandidateFilter) {
  const rows = await ctx.db.prisma.application.findMany({
    where: candidateWhere(f),
    include: {
      organisation: {
        select: { id: true, name: true, creditCode: true, ...ACTIVE_ACCOUNT },
      },
      researcher: { select: { name: true } },
    },
    orderBy: [{ number: 'asc' }],
  });
  return rows.map((r) => {
    const payee = payeeOf(r);
    return {
      applicationId: r.id,
      number: r.number,
      ruleId: r.ruleId,
      ...ruleInfo(r.policySetId, r.ruleId),
      year: r.year,
      approvedAmountFen: r.approvedAmountFen ?? 0n,
      organisationId: r.organisation?.id ?? null,
      organisationName: r.organisation?.name ?? r.researcher?.name ?? '',
      creditCode: r.organisation?.creditCode ?? null,
      // Masked here: the full number is for finance, in the batch it is paid from.
      ...payeeSummary(r),
      /** false: createBatch would refuse it; `problem` says why. */
      payable: payee.ok,
      problem: payee.ok ? null : payee.message,
    };
  });
}
