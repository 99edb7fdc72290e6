import type { ReadRows } from '@kc/db';
import type { Decision, Evaluation, PolicySet, Rule } from '@kc/domain';
import { decide, EMPTY_HISTORY, evaluate, policyRule } from '@kc/domain';
import { appError } from '../errors';
import type { ApplicantProfile } from './applicant';
import { loadHistory } from './history';
import { policySetById, policySetOn } from '../policy/catalogue';

/** The rule of the version in force on `date` (new applications), or of a stored version. */
export function ruleFor(
  ruleId: string,
  at: { date: string } | { policySetId: string },
): { set: PolicySet; rule: Rule } {
  const set = 'date' in at ? policySetOn(at.date) : policySetById(at.policySetId);
  const rule = set ? policyRule(set, ruleId) : undefined;
  if (!set || !rule) throw appError('UNKNOWN_PROGRAMME');
  return { set, rule };
}

export interface EvaluationRequest {
  set: PolicySet;
  ruleId: string;
  profile: ApplicantProfile;
  input: unknown;
  evidenceKinds: readonly string[];
  appliedOn: string;
  applicationId?: string | undefined;
  /**
   * Whether to check the programme's yearly budget: at approval (officers) yes; for applicants
   * (preview, submit, 免申即享) no — the budget decides at approval, and is not theirs to see.
   */
  withBudget: boolean;
}

/**
 * Runs the pure engine against the database's history. Two passes: the first, on an empty
 * history, tells which year the quota counts in; the second uses that year's history. `read`:
 * the database's `rows` outside a transaction, `rowsOf(tx)` inside one (an approval reads the
 * history after locking the budget).
 */
export async function evaluateWithHistory(
  read: ReadRows,
  req: EvaluationRequest,
): Promise<Evaluation> {
  const application = {
    ...(req.applicationId ? { id: req.applicationId } : {}),
    appliedOn: req.appliedOn,
    applicant: req.profile.applicant,
    input: req.input,
    evidence: req.evidenceKinds,
  };
  // The first pass only finds the quota year and the once keys: no explanation is written for it.
  const first = decide(req.set, req.ruleId, application, EMPTY_HISTORY);
  const history = await loadHistory(read, {
    organisationId: req.profile.organisationId,
    researcherId: req.profile.researcherId,
    ruleId: req.ruleId,
    quotaYear: budgetYearOf(first, req.appliedOn),
    excludeApplicationId: req.applicationId,
    onceKeys: first.onceKeys,
    withBudget: req.withBudget,
  });
  return evaluate(req.set, req.ruleId, application, history);
}

/** The year an award counts in, for quota and budget alike. */
export function budgetYearOf(evaluation: Decision, appliedOn: string): number {
  return evaluation.quotaYear ?? Number(appliedOn.slice(0, 4));
}
