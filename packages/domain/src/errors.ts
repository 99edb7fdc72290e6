/**
 * Stable error codes for programs, with the Chinese message a user sees.
 * The API puts the code in `error.data.appCode`; clients switch on the code, never on the text.
 */
export const ERROR_CODES = {
  INVALID_INPUT: '填写的信息有误，请按提示修改',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '记录不存在或您无权查看',
  WRONG_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已临时锁定，请稍后再试',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  WECHAT_PHONE_FAILED: '获取微信绑定的手机号失败，请重试或手动填写',
  ALREADY_REGISTERED: '您已注册其他类型的资料，不能重复注册',
  CREDIT_CODE_TAKEN: '该统一社会信用代码已被其他账号注册',
  RESIDENT_ID_TAKEN: '该身份证号码已被其他账号注册',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  // Applications and awards
  PROFILE_REQUIRED: '请先完善单位或个人资料，再申请奖补',
  UNKNOWN_PROGRAMME: '该奖补事项不存在或当前不受理申请',
  APPLICATION_LOCKED: '申请已提交，当前状态下不能修改',
  NOT_ELIGIBLE: '该申请不符合奖补条件',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  STALE_VERSION: '该申请已被他人更新，请刷新后再试',
  CONFLICT_OF_INTEREST: '您与该申请单位存在利益关系，按回避规定不能办理此申请',
  QUOTA_EXCEEDED: '该事项本年度评选数量已达上限',
  OVER_BUDGET: '该事项本年度预算余额不足',
  NO_BUDGET: '该事项本年度尚未设置预算，不能批准',
  ALREADY_AWARDED: '该事项已获得过奖补，不能重复奖补',
  OVERRIDE_REASON_REQUIRED: '调整核定金额须填写理由',
  IDEMPOTENCY_KEY_REUSED: '该请求编号已用于其他操作，请刷新后重试',
  // Payment (disbursements)
  BANK_DETAILS_MISSING: '收款单位尚未登记开户银行信息，不能列入拨付批次',
  ALREADY_IN_DISBURSEMENT: '该申请已列入拨付批次，不能重复列入',
  BATCH_NOT_CONFIRMED: '拨付批次尚未确认，不能拨付',
  ALREADY_PAID: '已拨付，不能重复拨付',
  SEPARATION_OF_DUTIES: '按不相容岗位分离要求，此操作须由另一名人员办理',
  // Public notice (公示) and budgets
  NOTICE_ITEM_REFUSED: '该申请不能列入公示',
  OUTSIDE_NOTICE_PERIOD: '不在公示期内，不能登记异议',
  NOTICE_NOT_OVER: '公示期未满，不能结束公示',
  OPEN_OBJECTIONS: '尚有未处理的异议，不能结束公示',
  BUDGET_BELOW_SPENT: '预算不能低于已批准和已拨付的金额',
  USERNAME_TAKEN: '该用户名已被使用',
  // 科技副总 programme
  VP_CALL_NOT_OPEN: '当前批次不在该阶段，不能进行此操作',
  VP_FIRM_NOT_ELIGIBLE: '企业不符合发布科技副总需求的条件',
  VP_NOT_ELIGIBLE: '不符合科技副总选派条件',
  VP_ALREADY_APPLIED: '您已报名本批次，不能重复报名',
  VP_PAIR_EXCLUDED: '该人选与企业存在创办或投资关系，按规定须回避，不能配对',
  VP_PIN_CAPACITY: '指定配对超过了需求人数或人选可服务的企业数',
  VP_NO_MATCH_RUN: '请先运行匹配，再确认结果',
  VP_MATCH_STALE: '需求、报名或指定规则在上次匹配后有变化，请重新运行匹配后再确认',
  VP_ALREADY_CONFIRMED: '本批次匹配结果已确认，不能重复确认',
  VP_AGREEMENT_REQUIRED: '请先上传三方协议',
  VP_NOT_ACTIVE: '该科技副总不在履职期内',
  VP_ALREADY_EVALUATED: '该年度已完成考核，不能重复考核',
  VP_TERMS_RUNNING: '尚有科技副总在履职期内，不能结束批次',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function errorMessage(code: ErrorCode): string {
  return ERROR_CODES[code];
}
