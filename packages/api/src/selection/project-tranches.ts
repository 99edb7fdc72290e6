import type { Project, TransactionClient } from '@kc/db';
import { nextNumber, rowsOf } from '@kc/db';
import type { ProjectContract, TrancheCondition } from '@kc/domain';
import {
  applicationStatusName,
  cappedItemKey,
  maskAccountNo,
  todayInShanghai,
  trancheConditionName,
  tranchesReleasedBy,
} from '@kc/domain';
import { organisationApplicant } from '../awards/applicant';
import { decodeJson, encodeJson } from '../awards/codec';
import { budgetYearOf, evaluateWithHistory, ruleFor } from '../awards/evaluate';
import type { Context } from '../context';
import { appError } from '../errors';

/**
 * A project's city funds go out through the award spine (issue 14, 四.2): each tranche of the
 * signed 任务书 becomes, when its condition is met, an application of the 四.2 project-funding rule
 * (`key-project`, raised by the platform, not the unit). It starts in the bureau's queue (市局审核中)
 * — the area step is the project's own reports — and from there is approved against the programme
 * budget, listed in a notice, batched and paid with four eyes, like every award. The tranche's
 * once-key stops it being raised or paid twice; the rule's per-project cap bounds them together.
 */

export const TRANCHE_RULE = 'key-project';

/** Who made the condition true: the signing administrator, or the officer who passed a report. */
export interface TrancheActor {
  userId: string;
  /** 'applicant' or the officer's role, as the timeline records it */
  role: string;
}

type ProjectRow = Pick<
  Project,
  'id' | 'number' | 'title' | 'organisationId' | 'areaCode' | 'signedAt' | 'signedBy'
>;

/**
 * Raises the applications of the tranches `condition` releases, in the caller's transaction. An
 * input the engine refuses (the project's cap spent, a tranche raised before) is refused whole:
 * nothing is half-raised.
 */
export async function releaseTranches(
  tx: TransactionClient,
  ctx: Pick<Context, 'now'>,
  project: ProjectRow,
  contract: ProjectContract,
  condition: TrancheCondition,
  actor: TrancheActor,
): Promise<string[]> {
  const tranches = tranchesReleasedBy(contract, condition);
  if (tranches.length === 0) return [];
  if (!project.signedAt || !project.signedBy)
    throw new Error('an unsigned project releases nothing');
  const now = ctx.now();
  const today = todayInShanghai(now);
  const { set } = ruleFor(TRANCHE_RULE, { date: today });
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: project.organisationId } });
  const profile = await organisationApplicant(tx, org);
  const account = await tx.organisationBankAccount.findFirst({
    where: { organisationId: org.id, status: 'active' },
  });
  const numbers: string[] = [];
  for (const tranche of tranches) {
    const input = {
      projectNumber: project.number,
      projectTitle: project.title,
      contractSignedOn: todayInShanghai(project.signedAt),
      trancheNo: tranche.trancheNo,
      condition: tranche.condition,
      conditionMetOn: today,
      trancheAmount: tranche.amountFen,
    };
    const evaluation = await evaluateWithHistory(rowsOf(tx), {
      set,
      ruleId: TRANCHE_RULE,
      profile,
      input,
      evidenceKinds: account ? ['bank-account'] : [],
      appliedOn: today,
      withBudget: false,
    });
    const blocking = evaluation.refusals.filter((r) => r.code !== 'MISSING_EVIDENCE');
    if (blocking.length > 0)
      throw appError('NOT_ELIGIBLE', {
        message: `第${tranche.trancheNo}期资金不能拨付：${blocking.map((r) => r.message).join('；')}`,
      });
    const application = await tx.application.create({
      data: {
        number: await nextNumber(tx, 'application', Number(today.slice(0, 4))),
        applicantUserId: project.signedBy,
        organisationId: org.id,
        ruleId: TRANCHE_RULE,
        policySetId: set.id,
        policyVersion: set.version,
        status: 'bureau-review',
        input: encodeJson(input),
        areaCode: project.areaCode,
        year: budgetYearOf(evaluation, today),
        computedAmountFen: evaluation.computedAmount,
        explanation: encodeJson(evaluation.explanation),
        onceKeys: [...evaluation.onceKeys],
        itemKey: evaluation.itemKey ?? null,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: application.id,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'release-tranche',
        toStatus: 'bureau-review',
        at: now,
        comment: `项目 ${project.number} 任务书第${tranche.trancheNo}期（${trancheConditionName(tranche.condition)}）`,
        details: { projectId: project.id, trancheNo: tranche.trancheNo },
      },
    });
    if (account)
      await tx.applicationEvidence.create({
        data: {
          applicationId: application.id,
          kind: 'bank-account',
          source: 'bank-account',
          bankAccountId: account.id,
          note: `${account.holder}，${account.bankName}${account.branchName}，账号 ${maskAccountNo(account.accountNo)}`,
          createdAt: now,
        },
      });
    numbers.push(application.number);
  }
  return numbers;
}

/** Each tranche of the contract with the application that pays it, if it has been raised. */
export async function trancheStates(
  db: Pick<TransactionClient, 'application'>,
  project: Pick<Project, 'number' | 'organisationId'>,
  contract: ProjectContract,
) {
  // The project is the rule's cap item: its tranches share one item key (an indexed lookup).
  const itemKey = cappedItemKey(TRANCHE_RULE, project.organisationId, project.number);
  const raised = await db.application.findMany({
    where: { ruleId: TRANCHE_RULE, itemKey },
    select: {
      id: true,
      number: true,
      status: true,
      input: true,
      approvedAmountFen: true,
      computedAmountFen: true,
    },
    orderBy: { createdAt: 'asc' },
  });
  const byTranche = new Map(
    raised.map((a) => [decodeJson<{ trancheNo: number }>(a.input)?.trancheNo, a]),
  );
  return contract.tranches.map((t, i) => {
    const app = byTranche.get(i + 1);
    return {
      trancheNo: i + 1,
      condition: t.condition,
      conditionName: trancheConditionName(t.condition),
      amountFen: t.amountFen,
      application: app
        ? {
            id: app.id,
            number: app.number,
            status: app.status,
            statusName: applicationStatusName(app.status),
            amountFen: app.approvedAmountFen ?? app.computedAmountFen,
          }
        : null,
    };
  });
}
