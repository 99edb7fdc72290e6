/**
 * Versioned award rules of the 宿州 future-industry plan and the pure engine that applies them.
 * See README.md beside this file.
 */
export type * from './types';
export { REFUSAL_CODES, type RefusalCode } from './refusals';
export {
  DEFAULT_POLICY_SETTINGS,
  POLICY_SETTING_INFO,
  describeSetting,
  type ConsultationContact,
  type ConsultationContacts,
  type NoticeObjectionContact,
  type PolicySettings,
  type PolicySettingName,
} from './settings';
export {
  defineRule,
  definePolicySet,
  derivePolicySet,
  renderRule,
  type PolicyRevision,
  type PolicySetSpec,
  type RuleDefinition,
} from './define';
export { EMPTY_HISTORY, decide, evaluate, cappedItemKey, recognitionItemKey } from './engine';
export { programmeFit, type ProgrammeFit } from './fit';
export { amountTextOf, maxAmountOf, rateText } from './formula';
export { displayInputs, fieldMeta, objectSchemaOf, type PolicyFieldMeta } from './fields';
export { awardApplicantSchema } from './application';
export {
  POLICY_SETS,
  addPolicyVersion,
  findPolicySet,
  latestPolicySet,
  policySetFor,
  policyRule,
} from './registry';
export {
  evaluationToJson,
  formatEvaluation,
  formatRuleList,
  parseEvaluationRequest,
  yuanString,
  type EvaluationRequest,
  type ParsedRequest,
} from './report';
export { SUZHOU_FUTURE_2026_DRAFT } from './sets/suzhou-future-2026-draft';
export * from './amendments';
export * from './sandbox';
export * from './rules';
export * from './text';
export * from './comments';
