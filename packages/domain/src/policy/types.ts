import type { z } from 'zod';
import type { Fen } from '../money';
import type { AreaCode } from '../reference/areas';
import type { FieldCode } from '../reference/fields';
import type { OrganisationType, QualificationCode } from '../reference/organisation-types';
import type { PlatformLevel } from '../reference/platform-levels';
import type { RefusalCode } from './refusals';
import type { ConsultationContact, PolicySettings } from './settings';

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai is implied; the engine never reads a clock). */
export type IsoDate = string;

/** A document the applicant must (or may) upload. */
export interface EvidenceRequirement {
  /** Stable code the upload is tagged with, e.g. `bank-transfer-voucher`. */
  readonly kind: string;
  /** Chinese name shown to the applicant, e.g. `银行转账凭证`. */
  readonly name: string;
  readonly required: boolean;
  readonly note?: string;
}

/** Why an application is not (yet) payable: a stable code for programs, a Chinese sentence for people. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** The input field concerned (dotted path), for forms. */
  readonly field?: string;
}

// ---------------------------------------------------------------------------------------------
// Formulas: a closed union of three kinds. Everything about money in a rule is one of these.
// ---------------------------------------------------------------------------------------------

/** The same amount for every award, e.g. 四.1 ¥200,000 per scenario case. */
export interface FixedFormula {
  readonly kind: 'fixed';
  readonly amount: Fen;
}

export interface TierEntry {
  /** Chinese name of the tier, e.g. `国家级`, `一等奖`. */
  readonly label: string;
  readonly amount: Fen;
}

/** An amount chosen by one input field (level, category, prize, first vs re-recognition). */
export interface TierFormula<By extends string = string, Key extends string = string> {
  readonly kind: 'tier';
  /** The input field whose value picks the tier. */
  readonly by: By;
  /** Chinese name of that field, e.g. `认定级别`. */
  readonly byLabel: string;
  /** Every value of the field with its amount, highest first (the order the guide lists them). */
  readonly tiers: Readonly<Record<Key, TierEntry>>;
}

/**
 * A share of a proven base, rounded down to the fen, with a cap per item that bounds the SUM of
 * all awards ever paid on that item (several payments on one contract share one cap).
 */
export interface PercentageCappedFormula<
  Base extends string = string,
  Item extends string = string,
> {
  readonly kind: 'percentage-capped';
  /** Input field holding the proven amount in fen (only evidence-backed money). */
  readonly base: Base;
  /** Chinese name of the base, e.g. `实际支付额`. */
  readonly baseLabel: string;
  /** Basis points: 1000 = 10%. */
  readonly rate: number;
  readonly capPerItem: Fen;
  /** Input field naming the item the cap applies to, e.g. the contract number. */
  readonly itemKey: Item;
  /** Chinese noun for one item, e.g. `单项成果`. */
  readonly itemNoun: string;
}

export type Formula = FixedFormula | TierFormula | PercentageCappedFormula;

type StringFieldsOf<I> = { [K in keyof I]-?: I[K] extends string ? K : never }[keyof I] & string;
type MoneyFieldsOf<I> = { [K in keyof I]-?: I[K] extends bigint ? K : never }[keyof I] & string;

/**
 * A formula typed against a rule's input: a tier formula must name a string field and list an
 * amount for every value that field can take; a percentage must read a money field.
 */
export type FormulaFor<I> =
  | FixedFormula
  | { [K in StringFieldsOf<I>]: TierFormula<K, I[K] & string> }[StringFieldsOf<I>]
  | PercentageCappedFormula<MoneyFieldsOf<I>, StringFieldsOf<I>>;

// ---------------------------------------------------------------------------------------------
// Applicants, applications, history
// ---------------------------------------------------------------------------------------------

export interface OrganisationApplicant {
  readonly kind: 'organisation';
  /** Our organisation id: once-only keys and item keys are scoped by it. */
  readonly id: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly areaCode: AreaCode | null;
  /** Registered inside Suzhou (any county, district or city-run park). */
  readonly insideCity: boolean;
  readonly qualifications: readonly QualificationCode[];
}

/** A researcher applying for a team (e.g. a contest team not yet registered as a firm). */
export interface ResearcherApplicant {
  readonly kind: 'researcher';
  readonly id: string;
  readonly name: string;
  readonly insideCity: boolean;
}

export type AwardApplicant = OrganisationApplicant | ResearcherApplicant;

export interface AwardApplication {
  /** The application's own id, if it has one: its own prior award is not a duplicate of itself. */
  readonly id?: string;
  /** The date the application was made; the policy version in force on it applies. */
  readonly appliedOn: IsoDate;
  readonly applicant: AwardApplicant;
  /** The rule's input, validated by the rule's schema inside `evaluate`. */
  readonly input: unknown;
  /** Kinds of the evidence uploaded (`EvidenceRequirement.kind`). */
  readonly evidence: readonly string[];
}

/** An award already approved (or in notice, or paid). Rejected and withdrawn ones are left out. */
export interface PriorAward {
  readonly ruleId: string;
  readonly applicationId: string;
  readonly onceKeys: readonly string[];
  readonly itemKey?: string;
  readonly amount: Fen;
  readonly year: number;
}

export interface AwardHistory {
  readonly priorAwards: readonly PriorAward[];
  /** Awards under this rule already approved in the evaluation's `quotaYear` (rules with a quota). */
  readonly approvedThisYear: number;
  /** What is left of this programme's yearly budget; omitted = not checked here. */
  readonly budgetRemaining?: Fen;
}

// ---------------------------------------------------------------------------------------------
// Rules and policy sets
// ---------------------------------------------------------------------------------------------

export interface OnceKey {
  /** Stable key; the database keeps it unique across approved awards. */
  readonly key: string;
  /** Chinese description of what may be paid only once, for the refusal message. */
  readonly label: string;
}

export interface EventDate {
  /** Chinese name, e.g. `认定日期`. */
  readonly label: string;
  readonly date: IsoDate;
}

/** Who may apply; checked by the engine before the rule's own conditions. */
export interface ApplicantRequirement {
  /** Organisation types that may apply; empty = no organisation. */
  readonly organisationTypes: readonly OrganisationType[];
  /** Whether a researcher (for a team) may apply. */
  readonly researchers?: boolean;
  /** An organisation applicant must be registered inside the city. */
  readonly organisationInsideCity: boolean;
}

/** Who a rule is suggested to: organisations of these types, or holding one of these qualifications. */
export interface ProfileSuggestion {
  readonly organisationTypes?: readonly OrganisationType[];
  readonly qualifications?: readonly QualificationCode[];
  readonly text: string;
}

/**
 * A recognition on a ladder of levels (city < provincial < national). Rules on one ladder share a
 * `family`, so a city workstation later approved provincially is the same item, and the
 * `upgradeAward` setting decides whether the higher level is paid in full or as the difference.
 */
export interface RecognitionLadder<I> {
  readonly family: string;
  /** Chinese noun for the thing recognised, e.g. `研发平台`. */
  readonly familyLabel: string;
  subject(input: I): string;
  /** A former name under which a lower level may have been paid. */
  formerSubject?(input: I): string | undefined;
  level(input: I): PlatformLevel;
}

export interface RuleContext {
  readonly applicant: AwardApplicant;
  readonly settings: PolicySettings;
  readonly appliedOn: IsoDate;
}

/** 申兑指南 as written in a rule file; `timeLimit` and `amountText` are rendered by the policy set. */
export interface GuideDraft {
  /** 申报主体 */
  readonly whoMayApply: string;
  /** 申报条件 */
  readonly conditions: readonly string[];
  /** 申报材料 */
  readonly evidence: readonly EvidenceRequirement[];
  /** The event the time limit counts from, e.g. `认定文件印发之日`. */
  readonly timeLimitFrom: string;
  readonly notes?: readonly string[];
}

/** 申兑指南 as shown to applicants. */
export interface ApplicantGuide extends GuideDraft {
  /** 申报时限, from the version's settings. */
  readonly timeLimit: string;
  /** 支持标准, from the formula and quota, so it can never disagree with what is paid. */
  readonly amountText: string;
  /** 咨询电话, from the version's settings (`consultationContacts`). */
  readonly consultation: ConsultationContact;
}

interface RuleShape<I> {
  readonly id: string;
  /** The plan's clause, e.g. `四.8`. */
  readonly clause: string;
  readonly name: string;
  /** The plan's section heading, for grouping lists. */
  readonly programme: string;
  /** Future-industry fields the rule belongs to; omitted = all. */
  readonly fieldCodes?: readonly FieldCode[];
  readonly inputSchema: z.ZodType<I>;
  readonly formula: Formula;
  readonly yearlyQuota?: number;
  readonly applicants: ApplicantRequirement;
  /**
   * Who raises its applications when not the applicant: 'project' — a signed project's tranches
   * (selection/project.ts) are raised by the platform as the contract's conditions are met. Such a
   * rule is not offered to applicants (the catalogue leaves it out and an applicant's draft of it
   * is refused); its guide is still public.
   */
  readonly raisedBy?: 'project';
  /**
   * Profiles that very likely qualify already (免申即享 spirit): the app highlights the rule for
   * them with `text`. A hint, never a decision — the engine still checks the application.
   */
  readonly suggestFor?: ProfileSuggestion;
  readonly recognition?: RecognitionLadder<I>;
  /** Dates that must fall inside the application window (recognition, award, each payment). */
  eventDates(input: I): readonly EventDate[];
  /** The year a quota counts in (default: the year of `appliedOn`). */
  quotaYear?(input: I): number;
  onceOnly?(input: I, applicant: AwardApplicant): readonly OnceKey[];
  eligibility?(input: I, ctx: RuleContext): readonly Refusal[];
  /** Extra explanation lines (e.g. which payments counted). */
  explain?(input: I): readonly string[];
}

/** A rule as written in its clause file (see `defineRule`). */
export interface RuleDraft<I = unknown> extends RuleShape<I> {
  readonly guide: GuideDraft;
}

/** A rule inside a policy set, its guide rendered against the set's settings. */
export interface Rule<I = unknown> extends RuleShape<I> {
  readonly guide: ApplicantGuide;
}

export interface PolicySource {
  readonly document: string;
  readonly issuer: string;
  /** `征求意见稿` (draft for comments) or `正式印发`. */
  readonly status: string;
}

export interface PolicySet {
  /** Unique per version, e.g. `suzhou-future-2026-draft`. */
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly source: PolicySource;
  /** First application date this version governs. */
  readonly effectiveFrom: IsoDate;
  /** Last application date this version governs; open-ended when omitted. */
  readonly effectiveTo?: IsoDate;
  readonly settings: PolicySettings;
  readonly rules: readonly Rule[];
  /** Why the dates and settings are what they are. */
  readonly notes?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// The result
// ---------------------------------------------------------------------------------------------

export interface ExplanationSetting {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

export interface Explanation {
  readonly policySetId: string;
  readonly version: string;
  readonly policyTitle: string;
  readonly clause: string;
  readonly ruleName: string;
  /** One line: the decision and the amount. */
  readonly summary: string;
  readonly inputs: readonly { readonly label: string; readonly value: string }[];
  /** The formula in words with numbers, e.g. `实际支付额 ¥4,999,990.00 × 10% = ¥499,999.00`. */
  readonly formula: string;
  readonly steps: readonly string[];
  readonly capsApplied: readonly string[];
  readonly quota?: string;
  /** What is left of the programme's yearly budget: for officers only, never shown to applicants. */
  readonly budget?: string;
  readonly settings: readonly ExplanationSetting[];
}

export interface Evaluation {
  readonly ruleId: string;
  readonly policySetId: string;
  readonly version: string;
  readonly eligible: boolean;
  /** What may be paid: the computed amount when eligible, otherwise 0. */
  readonly amount: Fen;
  /** What the formula gives after caps, even when refused (e.g. for "once the evidence is in"). */
  readonly computedAmount: Fen;
  readonly refusals: readonly Refusal[];
  readonly missingEvidence: readonly EvidenceRequirement[];
  /** Keys to store with the award; the database keeps them unique. */
  readonly onceKeys: readonly string[];
  /** The item a cap or an upgrade is counted on. */
  readonly itemKey?: string;
  /** The year the quota counts in (rules with a quota). */
  readonly quotaYear?: number;
  readonly explanation: Explanation;
}

/** An evaluation without its explanation (`decide`): what a caller that shows no text needs. */
export type Decision = Omit<Evaluation, 'explanation'>;
