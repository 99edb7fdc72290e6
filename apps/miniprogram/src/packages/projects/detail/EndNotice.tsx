import { View } from '@tarojs/components';
import { formatDate } from '../../../format';
import { type MyProject, terminationOf } from '../data';

/**
 * A project that has ended says so first: 已终止 with the reason and the words of the approved
 * termination (the unit's request granted, the bureau's own step or a failed review), or 已验收.
 */
export function EndNotice({ project: p }: { project: MyProject }) {
  if (p.status === 'terminated') {
    const t = terminationOf(p.changes);
    return (
      <View className="notice notice--danger" id="project-ended" role="status">
        <View className="project__ended-title">
          项目已终止{t?.decidedAt ? `（${formatDate(t.decidedAt)}）` : ''}
        </View>
        {t?.terminationReasonName ? (
          <View id="project-ended-reason">终止原因：{t.terminationReasonName}</View>
        ) : null}
        {t?.reason ? <View id="project-ended-text">{t.reason}</View> : null}
        <View>尚未拨付的市级资金不再拨付。</View>
      </View>
    );
  }
  if (p.status === 'completed') {
    const final = p.reports.find((r) => r.kind === 'final' && r.status === 'passed');
    return (
      <View className="notice notice--success" id="project-ended" role="status">
        <View className="project__ended-title">
          项目已验收{final?.reviewedAt ? `（${formatDate(final.reviewedAt)}）` : ''}
        </View>
        <View>结题验收报告经市科技局审查通过，验收后的市级资金按任务书拨付。</View>
      </View>
    );
  }
  return null;
}
