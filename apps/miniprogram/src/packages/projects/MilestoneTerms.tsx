import { View } from '@tarojs/components';
import type { MyProject } from './data';

/** A 任务书 milestone as the contract states it: its number and title, 完成时间 and 考核指标. */
export function MilestoneTerms(props: {
  milestone: MyProject['contract']['milestones'][number];
  index: number;
}) {
  const m = props.milestone;
  return (
    <>
      <View className="project-item__head">
        <View className="project-item__title">
          {props.index + 1}. {m.title}
        </View>
        <View className="muted">完成时间 {m.dueOn}</View>
      </View>
      <View className="project-item__text">考核指标：{m.indicators}</View>
    </>
  );
}
