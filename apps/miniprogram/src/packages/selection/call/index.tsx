import { Button, View } from '@tarojs/components';
import { SUBMISSION_EVIDENCE, todayInShanghai } from '@kc/domain';
import { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { NotLoadedPage } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import {
  type MySubmission,
  callAction,
  callTiming,
  datesText,
  fieldsText,
  quotaText,
  teamRequirement,
} from '../data';
import '../selection.css';

/**
 * One 申报指南: the guide's text, dates, quota, supported directions and the documents to
 * prepare, with 开始申报 / 继续申报 / 查看申报 by where the organisation's submission stands.
 * Someone who is not a member of an organisation reads the guide and is told how to apply.
 */
export default function CallPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const { loaded, reload } = useLoader(async () => {
    const call = await api.selection.calls.publishedById.query({ id });
    // Only members of an organisation apply; anyone may read the guide.
    let mine: MySubmission | null = null;
    let notMember: string | null = null;
    try {
      mine = await api.selection.submissions.mine.query({ callId: id });
    } catch (error) {
      const info = describeError(error);
      if (info.appCode !== 'NOT_ORG_MEMBER') throw error;
      notMember = info.message;
    }
    return { call, mine, notMember };
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const { call, mine, notMember } = loaded.data;
  const timing = callTiming(call, todayInShanghai(new Date()));
  const action = callAction(timing, mine);
  const team = teamRequirement(call.programme);

  return (
    <View className={`${pageClass} page--footer`} id="call-page">
      <View className="card call-head">
        <View className="call__programme">
          方案条款 {call.clause} · {call.programmeName}
        </View>
        <View className="call-head__title" id="call-title">
          {call.title}
        </View>
        <View className="call-head__row">
          <View className="muted">指南编号 {call.number}</View>
          <StatusTag status={timing.tone} label={timing.stage} id="call-stage" />
        </View>
        {timing.days ? (
          <View
            className={timing.urgent ? 'call__days call__days--urgent' : 'call__days'}
            id="call-days"
          >
            {timing.days}
          </View>
        ) : null}
      </View>

      {mine ? (
        <View className="card" id="call-mine">
          <View className="card__title">本单位的申报</View>
          <KeyValue label="申报名称">{mine.title}</KeyValue>
          <KeyValue label="申报编号">{mine.number}</KeyValue>
          <KeyValue label="当前状态" id="call-mine-status">
            <StatusTag status={mine.status} label={mine.statusName} />
          </KeyValue>
          {mine.status === 'returned' && mine.checkComment ? (
            <View className="notice notice--warning" id="call-mine-returned">
              形式审查意见：{mine.checkComment}
            </View>
          ) : null}
        </View>
      ) : null}

      {notMember ? (
        <View className="notice notice--warning" id="call-not-member">
          本指南须以单位名义申报。{notMember}
        </View>
      ) : null}

      <View className="card" id="call-terms">
        <View className="card__title">申报安排</View>
        <KeyValue label="申报时间" id="call-dates">
          {datesText(call)}（截止日当天仍可提交）
        </KeyValue>
        <KeyValue label="拟支持数量" id="call-quota">
          {quotaText(call)}
        </KeyValue>
        <KeyValue label="支持方向" id="call-fields">
          {fieldsText(call)}
        </KeyValue>
        <KeyValue label="年度">{call.year}</KeyValue>
        {team ? (
          <KeyValue label="联合申报" id="call-team">
            {team}
          </KeyValue>
        ) : null}
      </View>

      <Section title="指南内容" id="call-guide">
        <View className="call-guide">{call.guide}</View>
      </Section>

      <Section title="申报材料" id="call-evidence">
        {SUBMISSION_EVIDENCE[call.programme].map((e) => (
          <View key={e.kind} className="call-list__item">
            {e.name}
            <View className={e.required ? 'badge badge--required' : 'badge'}>
              {e.required ? '必需' : '选交'}
            </View>
          </View>
        ))}
      </Section>

      <View className="footer-bar">
        {notMember ? (
          <Button
            id="call-join"
            className="btn btn--primary"
            onClick={() => void open(routes.orgJoin)}
          >
            加入单位后申报
          </Button>
        ) : (
          <Button
            id="call-action"
            className="btn btn--primary"
            disabled={!action.enabled || undefined}
            onClick={() => void open(routes.selectionSubmission, { callId: call.id })}
          >
            {action.label}
          </Button>
        )}
      </View>
    </View>
  );
}

function Section(props: { title: string; id: string; children: ReactNode }) {
  return (
    <View className="card" id={props.id}>
      <View className="card__title">{props.title}</View>
      {props.children}
    </View>
  );
}
