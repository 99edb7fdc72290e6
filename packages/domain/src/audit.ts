import { APPLICATION_ACTION_LABELS } from './applications/transitions';
import { vpCallActionName } from './matching/call';

/** Chinese names of the audit log's actions, for the officers who read it. */
const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.officer-login': '登录',
  'auth.officer-login-failed': '登录失败',
  'auth.officer-locked': '账号因多次登录失败被锁定',
  'auth.officer-logout': '退出登录',
  'file.download': '下载材料',
  'organisation.reveal-contact': '查看完整联系电话',
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
};

export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  if (action.startsWith('application.')) {
    const step = action.slice('application.'.length);
    return `申请：${APPLICATION_ACTION_LABELS[step as keyof typeof APPLICATION_ACTION_LABELS] ?? step}`;
  }
  if (action.startsWith('vp.call.')) return `科技副总批次：${vpCallActionName(action.slice(8))}`;
  return action;
}
