import type { Evaluation } from '../../../src';

/**
 * An evaluation as plain JSON, read through its public shape only (the way the API, the admin and
 * the mini-program read it): money as strings, every explanation line as the string shown.
 */
export function renderEvaluation(e: Evaluation): unknown {
  const x = e.explanation;
  return {
    ruleId: e.ruleId,
    policySetId: e.policySetId,
    version: e.version,
    eligible: e.eligible,
    amount: e.amount.toString(),
    computedAmount: e.computedAmount.toString(),
    refusals: e.refusals.map((r) => ({ code: r.code, message: r.message, field: r.field })),
    missingEvidence: e.missingEvidence.map((m) => m.kind),
    onceKeys: [...e.onceKeys],
    itemKey: e.itemKey,
    quotaYear: e.quotaYear,
    explanation: {
      policySetId: x.policySetId,
      version: x.version,
      policyTitle: x.policyTitle,
      clause: x.clause,
      ruleName: x.ruleName,
      summary: x.summary,
      inputs: x.inputs.map((row) => `${row.label}：${row.value}`),
      formula: x.formula,
      steps: [...x.steps],
      capsApplied: [...x.capsApplied],
      quota: x.quota,
      budget: x.budget,
      settings: x.settings.map((s) => `${s.name}｜${s.label}｜${s.value}｜${s.note}`),
    },
  };
}
