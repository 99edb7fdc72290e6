import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { StatusTag } from '../../../components/StatusTag';
import { leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { Call, MyCandidacy, MySecondment, PublishedNeed } from '../data';
import { SecondmentList } from './SecondmentList';
import { pressable } from '../../../components/a11y';

/** A researcher: the call taking applications (with the firms' needs), own applications, matches. */
export function ResearcherHome(props: {
  calls: readonly Call[];
  candidacies: readonly MyCandidacy[];
  secondments: readonly MySecondment[];
  onChanged: () => void;
}) {
  const collecting = props.calls.filter((c) => c.status === 'collecting');
  const applied = (callId: string) =>
    props.candidacies.some((c) => c.callId === callId && c.status === 'active');

  const withdraw = async (c: MyCandidacy) => {
    const { confirm } = await Taro.showModal({
      title: '撤回报名',
      content: `确定撤回“${c.callTitle}”的报名吗？`,
    });
    if (!confirm) return;
    try {
      await withSession(() => api.vp.candidates.withdraw.mutate({ candidateId: c.id }));
      void toastDone('已撤回');
      props.onChanged();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    }
  };

  return (
    <View>
      {collecting.map((c) => (
        <View key={c.id} className="card vp-call" id={`vp-call-${c.id}`}>
          <View className="vp-call__title">{c.title}</View>
          <View className="vp-call__dates">报名截止 {c.applicationsDeadline}</View>
          <PublishedNeeds callId={c.id} />
          {applied(c.id) ? (
            <View className="notice notice--success" id={`vp-applied-${c.id}`}>
              您已报名本批次，匹配结果公布后将通知您
            </View>
          ) : (
            <Button
              id={`vp-apply-${c.id}`}
              className="btn btn--primary btn--small"
              onClick={() => void open(routes.vpCandidate, { callId: c.id })}
            >
              报名参加
            </Button>
          )}
        </View>
      ))}
      {collecting.length === 0 ? (
        <View className="notice" id="vp-no-collecting-call">
          当前没有正在报名的批次，报名开始后可在此报名。
        </View>
      ) : null}

      <SecondmentList items={props.secondments} />

      {props.candidacies.length > 0 ? (
        <View className="card" id="vp-candidacies">
          <View className="card__title">我的报名</View>
          {props.candidacies.map((c) => (
            <View key={c.id} className="list-item" id={`vp-candidacy-${c.id}`}>
              <View className="list-item__main">
                <View className="list-item__title">{c.callTitle}</View>
                <View className="list-item__meta">
                  可服务 {c.capacity} 家企业 · {c.fieldNames.join('、')}
                </View>
                {c.status === 'active' && c.callStatus === 'collecting' ? (
                  <View
                    {...pressable()}
                    className="link link--danger"
                    id={`vp-candidacy-withdraw-${c.id}`}
                    onClick={() => void withdraw(c)}
                  >
                    撤回报名
                  </View>
                ) : null}
              </View>
              <StatusTag
                status={c.progress.code}
                label={c.progress.name}
                id={`vp-candidacy-progress-${c.id}`}
              />
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** The firms' needs of a call, read before applying (no contact details). */
function PublishedNeeds({ callId }: { callId: string }) {
  const [needs, setNeeds] = useState<PublishedNeed[] | null>(null);
  const [openList, setOpenList] = useState(false);
  const toggle = async () => {
    setOpenList(!openList);
    if (needs || openList) return;
    try {
      setNeeds(await withSession(() => api.vp.needs.published.query({ callId })));
    } catch (error) {
      void toast(describeError(error).message);
      setOpenList(false);
    }
  };
  return (
    <View className="published-needs">
      <View
        {...pressable()}
        className="link"
        id={`vp-needs-toggle-${callId}`}
        onClick={() => void toggle()}
      >
        {openList ? '收起企业需求' : '查看企业需求'}
      </View>
      {openList && needs?.length === 0 ? <View className="muted">暂无企业需求</View> : null}
      {openList
        ? needs?.map((n) => (
            <View key={n.id} className="list-item list-item--column" id={`vp-published-${n.id}`}>
              <View className="list-item__title">{n.title}</View>
              <View className="list-item__meta">
                {n.organisationName} · {n.areaName} · {n.fieldName}
                {n.subFieldName ? ` / ${n.subFieldName}` : ''}
              </View>
              <View className="list-item__meta">所需专长：{n.expertiseWanted}</View>
            </View>
          ))
        : null}
    </View>
  );
}
