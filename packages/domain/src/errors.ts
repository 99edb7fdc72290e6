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
  /** WeChat refused the phone-number code itself (used, expired, made up): 400, not 502. */
  WECHAT_PHONE_CODE_INVALID: '手机号授权已失效，请重新点击获取手机号，或手动填写',
  ALREADY_REGISTERED: '您已注册其他类型的资料，不能重复注册',
  CREDIT_CODE_TAKEN: '该统一社会信用代码已被其他账号注册',
  RESIDENT_ID_TAKEN: '该身份证号码已被其他账号注册',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  /** The message names the seconds: 尝试次数过多，请 N 秒后再试 (auth/login-throttle.ts). */
  LOGIN_THROTTLED: '尝试次数过多，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  /** A transaction waited too long for a lock (tried twice); nothing was changed. Retry-After. */
  BUSY: '系统繁忙，本次操作未生效，请稍后重试',
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
  BANK_DETAILS_MISSING: '收款单位尚未登记收款账户，不能列入拨付批次',
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
  // Trusted parties: verification, members, claims, bank accounts, documents, official lists
  ORGANISATION_NOT_VERIFIED: '单位尚未通过机构认证，认证通过后才能办理此事项',
  VERIFICATION_PENDING: '机构认证正在审核中，请耐心等待，无需重复提交',
  ALREADY_VERIFIED: '单位已通过机构认证，无需重复认证',
  LICENCE_KIND_MISMATCH: '证照类型与单位类型不符',
  FIELD_LOCKED: '单位已通过认证，统一社会信用代码、名称和类型须提交变更申请，经审核后修改',
  CHANGE_PENDING: '已有待审核的变更申请，请等待审核结果',
  NOT_ORG_ADMIN: '只有单位管理员可以进行此操作',
  NOT_ORG_MEMBER: '您还不是任何单位的成员，请先注册单位或使用邀请码加入',
  INVITE_INVALID: '邀请码无效，请向单位管理员核对',
  INVITE_EXPIRED: '邀请码已过期（有效期72小时），请让单位管理员重新生成',
  INVITE_USED: '该邀请码已被使用，每个邀请码只能使用一次',
  ALREADY_MEMBER: '您已是其他单位的成员，请先退出原单位',
  LAST_ADMIN: '您是该单位唯一的管理员，请先将管理员身份移交给其他成员',
  MEMBER_IS_SELF: '不能对自己进行此操作；如需退出单位，请使用“退出单位”',
  CLAIM_PENDING: '您已提交认领申诉，请等待县区审核',
  BANK_HOLDER_MISMATCH: '开户名称须与认证的单位名称完全一致',
  BANK_REAUTH_FAILED: '当前收款账号后4位不正确，不能变更收款账户',
  BANK_ACCOUNT_LOCKED: '单位有尚未拨付完成的拨付批次，收款账户暂不能变更',
  DOCUMENT_EXPIRED: '资料已过有效期，请重新上传',
  LIST_FILE_UNREADABLE: '名单文件无法读取，请上传 .xlsx 或 .csv 文件',
  LIST_HEADER_MISSING: '名单缺少必需的列',
  LIST_IMPORT_CLOSED: '该名单导入已确认或已放弃，不能再次操作',
  INVITATION_CLOSED: '该免申即享邀请已处理，不能重复操作',
  INSTITUTION_LINK_CLOSED: '该单位关联申请已处理',
  REVEAL_REASON_REQUIRED: '查看完整号码须填写查看理由',
  // Selection: the expert pool, calls and panels
  EXPERT_STALE: '该专家的资料刚有更新，请刷新后再处理',
  EXPERT_SUSPENDED: '您的专家资格已暂停，暂不能修改资料，请联系市科技局',
  // Officers' password policy and second factor
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码，再使用系统',
  SECOND_FACTOR_ENROLMENT_REQUIRED: '请先设置两步验证，再使用系统',
  SECOND_FACTOR_REQUIRED: '请先完成两步验证',
  WRONG_SECOND_FACTOR: '动态验证码不正确或已使用过，请输入验证器中最新的验证码',
  WRONG_RECOVERY_CODE: '恢复码不正确或已使用过',
  WRONG_CURRENT_PASSWORD: '当前密码不正确',
  SECOND_FACTOR_ALREADY_ENROLLED: '已开启两步验证，无需重复设置',
  SECOND_FACTOR_NOT_ENROLLED: '尚未开启两步验证',
  SECOND_FACTOR_REQUIRED_FOR_ROLE: '您的角色须使用两步验证，不能关闭',
  OWN_SECOND_FACTOR_RESET: '不能重置自己的两步验证，请由其他管理员办理',
  // Personal information rights
  PRIVACY_NOTICE_OUTDATED: '隐私保护指引已更新，请阅读最新版本后再同意',
  CANCEL_CONFIRMATION_REQUIRED: '请输入“注销”以确认注销账号',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function errorMessage(code: ErrorCode): string {
  return ERROR_CODES[code];
}
