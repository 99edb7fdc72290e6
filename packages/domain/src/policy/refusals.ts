/**
 * Every reason the engine can give for not paying, with a short Chinese heading. The refusal's own
 * message carries the specifics (dates, amounts, the earlier application); programs switch on the
 * code, never on the text.
 */
export const REFUSAL_CODES = {
  UNKNOWN_RULE: '未找到该奖补事项',
  POLICY_NOT_IN_FORCE: '申请日期不在本政策版本的施行期内',
  INVALID_INPUT: '申请信息填写有误',
  APPLICANT_KIND_NOT_ALLOWED: '申请主体类型不符合',
  ORGANISATION_TYPE_NOT_ALLOWED: '申请单位类型不符合',
  APPLICANT_OUTSIDE_CITY: '申请单位不在宿州市内',
  TEAMS_MAY_NOT_APPLY: '团队不能以个人名义申请',
  SELLER_INSIDE_CITY: '技术成果卖方在宿州市内',
  NO_PROVEN_PAYMENT: '没有转账凭证证明的支付',
  EVENT_BEFORE_COVERAGE: '事项发生在政策覆盖期之前',
  EVENT_AFTER_APPLICATION: '事项日期晚于申请日期',
  APPLICATION_WINDOW_PASSED: '超过申请期限',
  ALREADY_AWARDED: '已获得过该项奖补',
  HIGHER_LEVEL_ALREADY_AWARDED: '已获得更高级别奖励',
  YEARLY_QUOTA_REACHED: '已达年度数量上限',
  MISSING_EVIDENCE: '缺少必需材料',
  ITEM_CAP_REACHED: '已达单项补助上限',
  NOTHING_TO_PAY: '核定金额为零',
  BUDGET_INSUFFICIENT: '年度预算余额不足',
} as const;

export type RefusalCode = keyof typeof REFUSAL_CODES;
