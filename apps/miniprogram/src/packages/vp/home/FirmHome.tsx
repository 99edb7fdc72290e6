import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { EmptyState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { Call, MySecondment, OwnNeed } from '../data';
import { SecondmentList } from './SecondmentList';
import { pressable } from '../../../components/a11y';

/** A firm: the call collecting needs, its own needs, and who it is matched with. */
export function FirmHome(props: {
  calls: readonly Call[];
  needs: readonly OwnNeed[];
  secondments: readonly MySecondment[];
  onChanged: () => void;
}) {
  const openCalls = props.calls.filter((c) => c.status === 'open');
  const callOf = (id: string) => props.calls.find((c) => c.id === id);

  const withdraw = async (need: OwnNeed) => {
    const { confirm } = await Taro.showModal({
      title: '撤回需求',
      content: `撤回“${need.title}”后将不参与本批次匹配，确定撤回吗？`,
    });
    if (!confirm) return;
    try {
      await withSession(() => api.vp.needs.withdraw.mutate({ needId: need.id }));
      void toastDone('已撤回');
      props.onChanged();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    }
  };

  return (
    <View>
      {openCalls.map((c) => (
        <View key={c.id} className="card vp-call" id={`vp-call-${c.id}`}>
          <View className="vp-call__title">{c.title}</View>
          <View className="vp-call__dates">
            需求征集截止 {c.needsDeadline} · 人才报名截止 {c.applicationsDeadline}
          </View>
          <Button
            id={`vp-need-new-${c.id}`}
            className="btn btn--primary btn--small"
            onClick={() => void open(routes.vpNeed, { callId: c.id })}
          >
            发布技术需求
          </Button>
        </View>
      ))}
      {openCalls.length === 0 ? (
        <View className="notice" id="vp-no-open-call">
          当前没有正在征集需求的批次，征集开始后可在此发布需求。
        </View>
      ) : null}

      <SecondmentList items={props.secondments} />

      <View className="card" id="vp-needs">
        <View className="card__title">我的需求</View>
        {props.needs.length === 0 ? (
          <EmptyState
            title="还没有发布需求"
            hint="说明技术难题和所需专长，系统将为您匹配合适的科技副总"
          />
        ) : null}
        {props.needs.map((n) => {
          const call = callOf(n.callId);
          const editable = call?.status === 'open' && n.status === 'active';
          return (
            <View key={n.id} className="list-item list-item--column" id={`vp-need-${n.id}`}>
              <View className="list-item__row">
                <View className="list-item__title">{n.title}</View>
                <StatusTag
                  status={n.progress.code}
                  label={n.progress.name}
                  id={`vp-need-progress-${n.id}`}
                />
              </View>
              <View className="list-item__meta">
                {n.fieldName} · 每年到岗 {n.daysPerYear} 天 · {n.positions} 人
              </View>
              <View className="list-item__meta muted">
                {call ? `${call.title}（${call.statusLabel}）` : ''}
              </View>
              {editable ? (
                <View className="list-item__actions">
                  <View
                    {...pressable('link')}
                    className="link"
                    id={`vp-need-edit-${n.id}`}
                    onClick={() => void open(routes.vpNeed, { callId: n.callId, id: n.id })}
                  >
                    修改
                  </View>
                  <View
                    {...pressable()}
                    className="link link--danger"
                    id={`vp-need-withdraw-${n.id}`}
                    onClick={() => void withdraw(n)}
                  >
                    撤回
                  </View>
                </View>
              ) : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
