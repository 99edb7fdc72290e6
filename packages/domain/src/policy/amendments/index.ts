/**
 * Amendments as data: what a version lets an officer change (`amendableParameters`), the JSON an
 * amendment is stored as (`policyAmendmentSchema`), the new version it makes (`applyAmendment`,
 * through `derivePolicySet`), and the 修改对照表 of two versions (`comparePolicySets`).
 */
export { amendableParameters, type AmendableParameter } from './parameters';
export type { ParameterScope, ParameterSpec } from './spec';
export type { AmendmentValue, ParameterKind, ParameterOption } from './values';
export { policyAmendmentSchema, type PolicyAmendment } from './schema';
export {
  AMENDMENT_PROBLEM_CODES,
  AmendmentError,
  type AmendmentProblem,
  type AmendmentProblemCode,
} from './problems';
export { checkAmendment, type AmendmentCheck, type CheckedChange } from './check';
export { applyAmendment } from './apply';
export { comparePolicySets, type ComparisonRow } from './comparison';
export { comparisonLine, describeAmendment } from './describe';
export { compareClauses } from './clause-order';
export { policyCatalogue } from './catalogue';
export {
  POLICY_VERSION_STATUSES,
  POLICY_VERSION_STATUS_NAMES,
  effectiveDateProblem,
  policyVersionStatusName,
  type PolicyVersionStatus,
} from './lifecycle';
