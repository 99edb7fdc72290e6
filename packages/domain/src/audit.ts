import { APPLICATION_ACTION_LABELS, APPLICATION_ACTIONS } from './applications/transitions';
import { officerRoleName, OFFICER_ROLE_CODES } from './entities/officer';
import { VP_CALL_ACTIONS, VP_CALL_ACTION_CODES } from './matching/call';
import { EXPERT_DECISION_CODES } from './selection/expert';
import { SELECTION_CALL_ACTIONS, SELECTION_CALL_ACTION_CODES } from './selection/call';
import { NEED_CURATION, NEED_CURATION_CODES } from './selection/needs';
import { ALLIANCE_DECISIONS, ALLIANCE_DECISION_CODES } from './selection/alliances';

/** Chinese names of the audit log's actions, for the officers who read it. */
const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.officer-login': '登录',
  'auth.officer-password-accepted': '登录密码正确，待完成验证',
  'auth.officer-login-failed': '登录失败',
  'auth.officer-locked': '账号因多次登录失败被锁定',
  'auth.officer-login-throttled': '登录尝试过多，暂缓登录',
  'auth.officer-logout': '退出登录',
  'auth.officer-second-factor': '两步验证通过',
  'file.download': '下载材料',
  'organisation.reveal-contact': '查看完整联系电话',
  'organisation.register': '注册单位',
  'organisation.update': '修改单位资料',
  'organisation.verification.submit': '提交机构认证',
  'organisation.verification.withdraw': '撤回机构认证',
  'organisation.verification.approve': '机构认证通过',
  'organisation.verification.reject': '机构认证不通过',
  'organisation.change.submit': '提交变更申请',
  'organisation.change.withdraw': '撤回变更申请',
  'organisation.change.approve': '变更申请通过',
  'organisation.change.reject': '变更申请不通过',
  'organisation.claim.submit': '提交认领申诉',
  'organisation.claim.withdraw': '撤回认领申诉',
  'organisation.claim.uphold': '认领申诉成立',
  'organisation.claim.reject': '认领申诉不成立',
  'organisation.bank-account.set': '登记收款账户',
  'organisation.bank-account.change': '变更收款账户',
  'organisation.document.add': '资料库上传资料',
  'organisation.member.invite': '生成成员邀请码',
  'organisation.member.revoke-invite': '撤销成员邀请码',
  'organisation.member.join': '凭邀请码加入单位',
  'organisation.member.join-refused': '邀请码核对未通过',
  'organisation.member.remove': '移除单位成员',
  'organisation.member.hand-over': '移交管理员身份',
  'organisation.member.set-role': '调整成员角色',
  'organisation.member.leave': '退出单位',
  'organisation.member.rename': '修改成员姓名',
  'organisation.researcher-link.request': '科研人员申请关联本单位',
  'organisation.researcher-link.confirm': '确认科研人员为本单位人员',
  'organisation.researcher-link.reject': '不确认科研人员为本单位人员',
  'official-list.preview': '上传官方认定名单（预览）',
  'official-list.commit': '确认导入官方认定名单',
  'official-list.discard': '放弃导入官方认定名单',
  'official-list.match': '名单条目匹配新认证单位',
  'official-list.export-unmatched': '导出名单未匹配单位',
  'exemption.confirm': '确认免申即享申领',
  'exemption.decline': '放弃免申即享申领',
  'exemption.void': '免申即享邀请失效',
  'researcher.reveal-mobile': '查看完整手机号码',
  'conflict.declare': '申报回避',
  'budget.set': '设置预算',
  'notice.create': '创建公示批次',
  'notice.add-items': '加入公示事项',
  'notice.remove-item': '移出公示事项',
  'notice.publish': '发布公示',
  'notice.record-objection': '登记异议',
  'notice.uphold-objection': '异议成立',
  'notice.dismiss-objection': '异议不成立',
  'notice.close': '结束公示',
  'notice.withdraw': '撤回公示',
  'job.retry': '重试后台任务',
  'disbursement.create': '创建拨付批次',
  'disbursement.remove-item': '移出拨付事项',
  'disbursement.confirm': '确认拨付批次',
  'disbursement.pay': '确认已拨付',
  'disbursement.export': '导出拨付清单',
  'officer.create': '新建账号',
  'officer.update': '修改账号',
  'officer.disable': '停用账号',
  'officer.enable': '启用账号',
  'officer.reset-password': '重置密码',
  'officer.end-sessions': '强制下线',
  'officer.change-password': '修改密码',
  'officer.enrol-second-factor': '开启两步验证',
  'officer.regenerate-recovery-codes': '重新生成恢复码',
  'officer.reset-second-factor': '重置两步验证',
  'officer.disable-second-factor': '关闭两步验证',
  'officer.end-own-session': '结束本人会话',
  'vp.call.create': '创建科技副总批次',
  'vp.need.create': '发布科技副总需求',
  'vp.need.withdraw': '撤回科技副总需求',
  'vp.candidate.apply': '报名科技副总',
  'vp.candidate.withdraw': '撤回科技副总报名',
  'vp.match.run': '运行匹配',
  'vp.pair.pin': '指定配对',
  'vp.pair.forbid': '排除配对',
  'vp.pair.clear': '取消指定或排除',
  'vp.secondment.agreement': '上传三方协议',
  'vp.secondment.result': '登记成果',
  'vp.secondment.evaluate': '年度考核',
  'vp.secondment.complete': '任期届满',
  'vp.secondment.terminate': '提前终止选派',
  // Applicant-side changes (issue 11: every state change by anyone is audited).
  'application.create': '申请：创建申请草稿',
  'application.resubmit': '申请：重新提交申请',
  'application.delete-draft': '申请：删除申请草稿',
  'researcher.register': '注册科研人员资料',
  'researcher.update': '修改科研人员资料',
  'expert.register': '申请加入专家库',
  'expert.update': '修改专家资料',
  'expert.approve': '专家入库审核通过',
  'expert.reject': '专家入库审核不通过',
  'expert.suspend': '暂停专家',
  'expert.reinstate': '恢复专家',
  'expert.reveal-mobile': '查看专家完整手机号码',
  'selection.call.create': '新建申报指南',
  'selection.call.update': '修改申报指南',
  'selection.call.decide': '拟定入选名单',
  'selection.submission.create': '新建申报',
  'selection.submission.submit': '提交申报',
  'selection.submission.resubmit': '修改后重新提交申报',
  'selection.submission.withdraw': '撤回申报',
  'selection.team.confirm': '合作成员单位确认承担任务',
  'selection.team.decline': '合作成员单位谢绝承担任务',
  'selection.submission.check-pass': '形式审查通过',
  'selection.submission.check-return': '形式审查退回修改',
  'selection.submission.check-reject': '形式审查不予通过',
  'selection.panel.draw': '随机抽取评审专家',
  'selection.panel.close': '评审组评分结束',
  'selection.review.accept': '专家确认参加评审',
  'selection.review.decline': '专家谢绝参加评审',
  'selection.review.score': '专家提交评分',
  'selection.review.declare-conflict': '专家申明回避',
  'project.contract.update': '修改项目任务书',
  'project.contract.sign': '签订项目任务书',
  'project.report.submit': '提交项目报告',
  'project.report.review': '审查项目报告',
  'project.acceptance.draw': '抽取验收专家组',
  'project.acceptance.fill': '递补验收专家',
  'project.acceptance.accept': '专家确认参加验收',
  'project.acceptance.decline': '专家谢绝参加验收',
  'project.acceptance.verdict': '专家提出验收意见',
  'project.acceptance.declare-conflict': '验收专家申明回避',
  'project.change.request': '申请项目变更',
  'project.change.decide': '审批项目变更',
  'project.terminate': '终止项目',
  'need.post': '发布需求（待审核）',
  'need.update': '修改需求',
  'need.respond': '揭榜',
  'alliance.submit': '登记创新联盟（待审核）',
  'alliance.update': '修改创新联盟登记',
  // 征求意见 (issue 15)
  'policy.consultation.publish': '发布政策征求意见',
  'policy.comment.answer': '处理征求意见中的意见',
  'policy.consultation.feedback': '发布意见采纳情况',
  'policy.version.propose': '提出政策修订',
  'policy.version.update': '修改政策修订',
  'policy.version.request-adoption': '提请政策修订施行',
  'policy.version.return': '退回政策修订',
  'policy.version.withdraw': '撤回政策修订',
  'policy.version.adopt': '确认政策修订施行',
  'policy.sandbox.run': '发起政策沙盘推演',
  'policy.sandbox.export': '导出政策沙盘结果',
  'vp.need.update': '修改科技副总需求',
  'vp.secondment.work-log': '填写科技副总工作日志',
  'vp.call.agreement-template': '上传科技副总三方协议模板',
  // Personal information rights (个人信息保护法) and retention
  'privacy.consent': '同意隐私保护指引',
  'privacy.export': '查看或导出个人信息',
  'privacy.cancel-account': '注销账号',
  'retention.run': '按保存期限清理过期记录',
  // 导出全部（后台生成）
  'export.request': '申请后台导出',
};

/**
 * Actions written as `prefix${code}`, with every code the prefix may take. The API's audit-name
 * test checks that each of them has a name.
 */
export const AUDIT_ACTION_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  'application.': APPLICATION_ACTIONS.map((a) => a.code),
  'vp.call.': VP_CALL_ACTION_CODES,
  'vp.pair.': ['pin', 'forbid'],
  'vp.secondment.': ['complete', 'terminate'],
  'expert.': EXPERT_DECISION_CODES,
  'selection.call.': SELECTION_CALL_ACTION_CODES,
  'selection.submission.check-': ['pass', 'return', 'reject'],
  'need.': NEED_CURATION_CODES,
  'alliance.': ALLIANCE_DECISION_CODES,
};

/** The Chinese name of an action, or null when it has none (the audit-name test fails then). */
export function auditActionName(action: string): string | null {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  if (action.startsWith('application.')) {
    const step =
      APPLICATION_ACTION_LABELS[action.slice(12) as keyof typeof APPLICATION_ACTION_LABELS];
    return step ? `申请：${step}` : null;
  }
  if (action.startsWith('vp.call.')) {
    const step = VP_CALL_ACTIONS.find((a) => a.code === action.slice(8));
    return step ? `科技副总批次：${step.name}` : null;
  }
  if (action.startsWith('need.')) {
    const curation = NEED_CURATION[action.slice(5) as keyof typeof NEED_CURATION];
    if (curation) return `需求：${curation.name}`;
  }
  if (action.startsWith('alliance.')) {
    const decision = ALLIANCE_DECISIONS[action.slice(9) as keyof typeof ALLIANCE_DECISIONS];
    if (decision) return `创新联盟：${decision.name}`;
  }
  if (action.startsWith('selection.call.')) {
    const step = SELECTION_CALL_ACTIONS.find((a) => a.code === action.slice(15));
    return step ? `申报指南：${step.name}` : null;
  }
  return null;
}

/** Chinese names of the kinds of record the audit log is about. */
const AUDIT_OBJECT_TYPE_LABELS: Record<string, string> = {
  user: '账号',
  application: '奖补申请',
  'notice-batch': '公示批次',
  objection: '公示异议',
  disbursement_batch: '拨付批次',
  'programme-budget': '年度预算',
  organisation: '单位',
  organisation_verification: '机构认证',
  organisation_change: '变更申请',
  organisation_claim: '认领申诉',
  organisation_bank_account: '收款账户',
  organisation_document: '资料库资料',
  organisation_invite: '成员邀请码',
  organisation_member: '单位成员',
  official_list_import: '官方名单导入',
  official_list_entry: '官方名单条目',
  exemption_invitation: '免申即享邀请',
  researcher: '科研人员',
  stored_file: '上传材料',
  vp_call: '科技副总批次',
  vp_need: '科技副总需求',
  vp_candidate: '科技副总报名',
  vp_secondment: '科技副总选派',
  expert: '评审专家',
  selection_call: '申报指南',
  selection_submission: '项目申报',
  review_panel: '评审组',
  innovation_need: '需求榜需求',
  alliance: '创新联盟',
  project: '项目',
  policy_consultation: '政策征求意见',
  policy_version: '政策修订版本',
  job: '后台任务',
  data_export: '后台导出',
  system: '系统',
};

export function auditObjectTypeName(objectType: string): string | null {
  return AUDIT_OBJECT_TYPE_LABELS[objectType] ?? null;
}

/** Every kind of record with its name, for the audit search's filter. */
export const AUDIT_OBJECT_TYPES = Object.entries(AUDIT_OBJECT_TYPE_LABELS).map(([code, name]) => ({
  code,
  name,
}));

/** Who acted, by role: an officer role, or an applicant (mini-program user). */
export function auditActorRoleName(role: string | null): string | null {
  if (!role) return null;
  if ((OFFICER_ROLE_CODES as readonly string[]).includes(role)) return officerRoleName(role);
  return role === 'applicant' ? '申请人' : '其他';
}

/** The name shown for an action; an unnamed one (an old row) is never shown as its code. */
export function auditActionLabel(action: string): string {
  return auditActionName(action) ?? '其他操作';
}

/** The name shown for a kind of record. */
export function auditObjectTypeLabel(objectType: string): string {
  return auditObjectTypeName(objectType) ?? '其他记录';
}
