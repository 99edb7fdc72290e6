/**
 * Why an amendment is refused: a stable code for programs (the admin form, the API's field errors),
 * a Chinese heading per code. Each problem's own message carries the specifics.
 */
export const AMENDMENT_PROBLEM_CODES = {
  INVALID_INPUT: '修订内容填写有误',
  BASE_VERSION_MISMATCH: '修订所依据的政策版本不符',
  VERSION_ID_TAKEN: '新版本编号与原版本相同',
  EFFECTIVE_FROM_NOT_AFTER_BASE: '施行日期须晚于原版本的施行日期',
  UNKNOWN_PARAMETER: '没有该修订项',
  INVALID_VALUE: '修订值的格式不正确',
  VALUE_OUT_OF_BOUNDS: '修订值超出允许范围',
  NO_CHANGE: '修订值与原值相同',
  NO_CHANGES: '没有任何修订',
} as const;

export type AmendmentProblemCode = keyof typeof AMENDMENT_PROBLEM_CODES;

export interface AmendmentProblem {
  readonly code: AmendmentProblemCode;
  /** The amendment's field: `effectiveFrom`, `changes.rules.tech-transfer.formula.cap`. */
  readonly field: string;
  /** A Chinese sentence for the person who wrote the amendment. */
  readonly message: string;
}

/** Thrown by `applyAmendment` for an amendment `checkAmendment` refuses. */
export class AmendmentError extends Error {
  constructor(readonly problems: readonly AmendmentProblem[]) {
    super(`修订不能生效：${problems.map((p) => `${p.field}：${p.message}`).join('；')}`);
    this.name = 'AmendmentError';
  }
}
