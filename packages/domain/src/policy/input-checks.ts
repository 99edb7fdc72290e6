import type { z } from 'zod';
import type { PlatformLevel } from '../reference/platform-levels';
import type { AwardApplicant, OnceKey, Rule } from './types';

/** A date typed into a rule's form that falls after the application (`datesAfter`). */
export interface DateAfter {
  readonly field: string;
  readonly title: string;
  readonly date: string;
}

/** What an award of this application is of: its once-only keys and the item it counts on. */
export interface AwardKeys {
  readonly onceKeys: readonly OnceKey[];
  /** `onceKeys`' keys, as the decision lists them. */
  readonly keys: readonly string[];
  readonly itemKey: string | undefined;
  /** The item's former name, under which a lower level may have been paid. */
  readonly formerItemKey: string | undefined;
  /** The level recognised, on a recognition ladder. */
  readonly level: PlatformLevel | undefined;
  /** What they were worked out from: another version's rule reads them when it works alike. */
  readonly rule: Rule;
  readonly applicant: AwardApplicant;
}

/**
 * What `decide` reads of an application's input before the rule's own checks: its dates after the
 * application and its parse, which depend only on the rule's input schema, the input and the date
 * of application, never on the version's figures or settings; then the award's keys, worked out
 * from the parsed input by the rule's key functions.
 */
export interface InputCheck {
  readonly schema: z.ZodType;
  readonly input: unknown;
  readonly appliedOn: string;
  readonly datesAfter: readonly DateAfter[];
  readonly parsed: z.ZodSafeParseResult<unknown>;
  /** The award's keys, once a decision has worked them out from the parsed input. */
  awardKeys?: AwardKeys;
}

/**
 * The last input check made, kept for a caller that decides the same application again straight
 * after: the 政策沙盘 decides each row under two versions side by side, and a few twice in one. A
 * version derived by `derivePolicySet` keeps each rule's schema unless the revision gives it a new
 * one, so the second decision reads the first's check; another schema, input or date is checked
 * afresh. One check, not one per row: kept for all 100,000 rows, the parsed inputs outlived the
 * garbage collector's young generation and cost more to copy than the parses they saved. The
 * parsed input is shared between the decisions: rules only read it.
 */
export class LastInputCheck {
  private last: InputCheck | undefined;

  /** The last check, if it was made of this schema, input and date. */
  get(schema: z.ZodType, input: unknown, appliedOn: string): InputCheck | undefined {
    const last = this.last;
    return last?.schema === schema && last.input === input && last.appliedOn === appliedOn
      ? last
      : undefined;
  }

  set(check: InputCheck): void {
    this.last = check;
  }
}
