/**
 * Yearly programme budgets (年度预算): what the bureau sets per rule and year, and where each
 * stands (committed = approved and not yet paid, paid, remaining). The counters are moved by
 * approvals, upheld objections and payments under the row lock; here the bureau sets the budget
 * itself, never below what is already committed and paid.
 */
import { isCheckViolation } from '@kc/db';
import type { Rule } from '@kc/domain';
import { formatYuan, policyRule, todayInShanghai } from '@kc/domain';
import { writeAudit } from '../audit';
import type { OfficerCaller } from '../caller';
import type { Context } from '../context';
import { appError } from '../errors';
import { remainingOf } from './history';
import { lockBudget } from './locks';
import { policySetOn, policySets } from '../policy/catalogue';

type OfficerCtx = Context & { caller: OfficerCaller };

/**
 * A rule's name, clause and quota: from the policy version in force today, or else the newest
 * version that has the rule (a programme no longer offered keeps its budget history).
 */
export function ruleInfo(ruleId: string, today: string): Rule | undefined {
  const current = policySetOn(today);
  const inForce = current ? policyRule(current, ruleId) : undefined;
  if (inForce) return inForce;
  for (const set of [...policySets()].reverse()) {
    const rule = policyRule(set, ruleId);
    if (rule) return rule;
  }
  return undefined;
}

/** Every money rule of the version in force, plus any rule with a budget row that year. */
export async function listBudgets(ctx: OfficerCtx, input: { year: number }) {
  const today = todayInShanghai(ctx.now());
  const rows = await ctx.db.prisma.programmeBudget.findMany({ where: { year: input.year } });
  const byRule = new Map(rows.map((r) => [r.ruleId, r]));
  const ruleIds = [
    ...(policySetOn(today)?.rules.map((r) => r.id) ?? []),
    ...rows.map((r) => r.ruleId).sort(),
  ];
  const items = [...new Set(ruleIds)].map((ruleId) => {
    const rule = ruleInfo(ruleId, today);
    const row = byRule.get(ruleId);
    return {
      ruleId,
      ruleName: rule?.name ?? ruleId,
      clause: rule?.clause ?? '',
      programme: rule?.programme ?? '',
      year: input.year,
      /** False: the bureau has set no budget for the year (approvals are refused: NO_BUDGET). */
      isSet: row !== undefined,
      budgetFen: row?.budgetFen ?? null,
      committedFen: row?.committedFen ?? 0n,
      paidFen: row?.paidFen ?? 0n,
      remainingFen: row ? remainingOf(row) : null,
      approvedCount: row?.approvedCount ?? 0,
      yearlyQuota: rule?.yearlyQuota ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  });
  const sum = (pick: (i: (typeof items)[number]) => bigint | null) =>
    items.reduce((total, i) => total + (pick(i) ?? 0n), 0n);
  return {
    year: input.year,
    items,
    totals: {
      budgetFen: sum((i) => i.budgetFen),
      committedFen: sum((i) => i.committedFen),
      paidFen: sum((i) => i.paidFen),
      remainingFen: sum((i) => i.remainingFen),
    },
  };
}

export interface SetBudgetInput {
  ruleId: string;
  year: number;
  budgetFen: bigint;
  /** Why, e.g. the budget document's number (预算批复文号); kept in the audit log. */
  note?: string | undefined;
}

/**
 * Creates or changes a programme's yearly budget, under the row lock approvals and payments
 * take, so the check against committed + paid cannot race them.
 */
export async function setBudget(ctx: OfficerCtx, input: SetBudgetInput) {
  const today = todayInShanghai(ctx.now());
  const rule = ruleInfo(input.ruleId, today);
  if (!rule) {
    throw appError('UNKNOWN_PROGRAMME', { message: `奖补事项“${input.ruleId}”不存在` });
  }
  if (input.budgetFen < 0n) {
    throw appError('INVALID_INPUT', { fieldErrors: { budgetFen: ['预算金额不能为负数'] } });
  }
  try {
    return await ctx.db.prisma.$transaction(async (tx) => {
      // Make the row if it is missing (a concurrent creator makes this wait, then do nothing),
      // then lock it like every other writer of the counters.
      const created = await tx.programmeBudget.createMany({
        data: [
          {
            ruleId: input.ruleId,
            year: input.year,
            budgetFen: input.budgetFen,
            createdAt: ctx.now(),
            updatedAt: ctx.now(),
          },
        ],
        skipDuplicates: true,
      });
      await lockBudget(tx, input.ruleId, input.year);
      const before = await tx.programmeBudget.findUniqueOrThrow({
        where: { ruleId_year: { ruleId: input.ruleId, year: input.year } },
      });
      const spent = before.committedFen + before.paidFen;
      if (input.budgetFen < spent) throw belowSpent(rule, input, before);
      const after =
        created.count === 1
          ? before
          : await tx.programmeBudget.update({
              where: { id: before.id },
              data: { budgetFen: input.budgetFen, updatedAt: ctx.now() },
            });
      await writeAudit(tx, ctx, {
        action: 'budget.set',
        objectType: 'programme-budget',
        objectId: after.id,
        details: {
          ruleId: input.ruleId,
          ruleName: rule.name,
          year: input.year,
          oldBudgetFen: created.count === 1 ? null : before.budgetFen.toString(),
          newBudgetFen: after.budgetFen.toString(),
          committedFen: after.committedFen.toString(),
          paidFen: after.paidFen.toString(),
          ...(input.note ? { note: input.note } : {}),
        },
      });
      return {
        ruleId: after.ruleId,
        ruleName: rule.name,
        clause: rule.clause,
        year: after.year,
        previousBudgetFen: created.count === 1 ? null : before.budgetFen,
        budgetFen: after.budgetFen,
        committedFen: after.committedFen,
        paidFen: after.paidFen,
        remainingFen: remainingOf(after),
        approvedCount: after.approvedCount,
        yearlyQuota: rule.yearlyQuota ?? null,
      };
    });
  } catch (error) {
    // The CHECK (committed + paid ≤ budget) is the backstop should the check above ever miss.
    if (isCheckViolation(error, 'programme_budget_within_budget')) {
      throw appError('BUDGET_BELOW_SPENT');
    }
    throw error;
  }
}

function belowSpent(
  rule: Rule,
  input: SetBudgetInput,
  row: { committedFen: bigint; paidFen: bigint },
) {
  const spent = row.committedFen + row.paidFen;
  const message =
    `“${rule.name}”${input.year}年度已批准未拨付 ${formatYuan(row.committedFen)}、` +
    `已拨付 ${formatYuan(row.paidFen)}，合计 ${formatYuan(spent)}；` +
    `预算不能低于 ${formatYuan(spent)}（拟设为 ${formatYuan(input.budgetFen)}）`;
  return appError('BUDGET_BELOW_SPENT', { message, fieldErrors: { budgetFen: [message] } });
}
