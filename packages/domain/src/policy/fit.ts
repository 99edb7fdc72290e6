import { applicantRefusals } from './engine';
import type { AwardApplicant, PolicySet, Rule } from './types';

export interface ProgrammeFit {
  /** the applicant's kind may apply (the rule's own conditions are checked when applying) */
  readonly mayApply: boolean;
  /** why not, in Chinese, when `mayApply` is false */
  readonly whyNot: string | null;
  /** the profile very likely qualifies already (see `Rule.suggestFor`) */
  readonly suggested: boolean;
  readonly suggestion: string | null;
}

/** How a programme fits an applicant's profile, for the programme list. */
export function programmeFit(set: PolicySet, rule: Rule, applicant: AwardApplicant): ProgrammeFit {
  const refusals = applicantRefusals(rule, applicant, set);
  const hint = rule.suggestFor;
  const suggested =
    refusals.length === 0 &&
    !!hint &&
    applicant.kind === 'organisation' &&
    (!!hint.organisationTypes?.includes(applicant.type) ||
      !!hint.qualifications?.some((q) => applicant.qualifications.includes(q)));
  return {
    mayApply: refusals.length === 0,
    whyNot: refusals.map((r) => r.message).join('；') || null,
    suggested,
    suggestion: suggested && hint ? hint.text : null,
  };
}
