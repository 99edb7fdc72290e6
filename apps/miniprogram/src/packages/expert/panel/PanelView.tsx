import { View } from '@tarojs/components';
import { pressable } from '../../../components/a11y';
import { EmptyState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { type ExpertPanel, sheetState, sheetsDone } from '../reviews';

/**
 * A panel the expert accepted: its submissions, each with the expert's own sheet (未评 / 已评
 * 总分 x / 已回避); a card opens the scoring page. After the panel closes, read-only.
 */
export function PanelView({ assignmentId, panel }: { assignmentId: string; panel: ExpertPanel }) {
  const pageClass = usePageClass();
  const done = sheetsDone(panel);
  const total = panel.submissions.length;
  return (
    <View className={pageClass} id="panel-page" data-closed={panel.closed ? 'true' : 'false'}>
      <View className="card review-head">
        <View className="review-head__call">{panel.callTitle}</View>
        <View className="review-head__title" id="panel-name">
          {panel.panelName}
        </View>
        <View className="review-head__row">
          <View className="muted" id="panel-progress">
            已评 {done} / {total}
          </View>
          <StatusTag
            status={panel.closed ? 'closed' : 'scoring'}
            label={panel.closed ? '评分结束' : '评分中'}
            id="panel-status"
          />
        </View>
      </View>
      {panel.closed ? (
        <View className="notice notice--warning" id="panel-closed" role="status">
          评审组已结束评分，评分不能再修改，可查看本人的评分。
        </View>
      ) : (
        <View className="notice" id="panel-intro">
          请逐项阅读申报材料后评分。与申报单位、合作单位或其人员存在利益关系的，请申报回避。评审组结束评分前可修改；其他专家看不到您的评分。
        </View>
      )}
      {total === 0 ? (
        <EmptyState id="panel-empty" title="本评审组暂无申报" />
      ) : (
        <View id="panel-submissions">
          {panel.submissions.map((s) => {
            const state = sheetState(s.mySheet);
            return (
              <View
                key={s.id}
                {...pressable('link')}
                className="card list-card"
                id={`panel-submission-${s.id}`}
                onClick={() => void open(routes.reviewScore, { assignmentId, submissionId: s.id })}
              >
                <View className="list-card__head">
                  <View className="list-card__title">{s.title}</View>
                  <StatusTag
                    status={state.tone}
                    label={state.label}
                    id={`panel-submission-${s.id}-sheet`}
                  />
                </View>
                <View className="list-card__meta">
                  {s.number} · {s.organisationName}
                </View>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
