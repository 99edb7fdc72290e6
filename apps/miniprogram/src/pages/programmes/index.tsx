import { Button, View } from '@tarojs/components';
import { api } from '../../api/client';
import { BottomNav } from '../../components/BottomNav';
import { pressable } from '../../components/a11y';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews';
import { useLoader } from '../../hooks/useLoader';
import { useUnreadCount } from '../../hooks/useUnreadCount';
import { useWaitingInvitations } from '../../hooks/useWaitingInvitations';
import { open, routes } from '../../services/nav';
import { policyCitation } from './citation';
import { ConsultationEntry } from './ConsultationEntry';
import { type Programme, groupByProgramme } from './grouping';
import './index.css';
import { usePageClass } from '../../services/text-size';

/**
 * 政策申报 — the home page, with the ways to the 申报指南 (selection calls), the 需求榜, 创新联盟
 * and 政策征求意见 (sub-packages) at the top, and a notice while a draft takes comments.
 * Programmes the caller's profile already qualifies for come first (免申即享: "you are registered
 * as a high-tech enterprise, claim the award"); the rest by the plan's sections. No field filter:
 * every money clause serves all five fields (docs/DECISIONS.md).
 */
export default function ProgrammesPage() {
  const pageClass = usePageClass();
  const unread = useUnreadCount();
  const invitations = useWaitingInvitations();
  const { loaded, reload } = useLoader(() => api.programmes.open.query());

  return (
    <View className={`${pageClass} page--tabbed`} id="programmes-page">
      <View className="hero">
        <View className="hero__title">宿州市未来产业科技政策</View>
        <View className="hero__text">查看可申报的奖补事项，在线填报、上传材料、跟踪进度</View>
      </View>

      <View
        {...pressable('link')}
        className="card calls-entry"
        id="programmes-calls"
        onClick={() => void open(routes.selectionCalls)}
      >
        <View className="calls-entry__main">
          <View className="calls-entry__title">申报指南</View>
          <View className="calls-entry__text">
            应用场景典型案例、重点科技项目、颠覆性技术、人才团队评选，以单位名义在线申报
          </View>
        </View>
        <View className="menu__arrow" aria-hidden="true">
          ›
        </View>
      </View>

      <View
        {...pressable('link')}
        className="card calls-entry"
        id="programmes-needs"
        onClick={() => void open(routes.needBoard)}
      >
        <View className="calls-entry__main">
          <View className="calls-entry__title">需求榜</View>
          <View className="calls-entry__text">
            企业和单位发布的应用场景需求、技术攻关需求，科研团队和企业在线揭榜
          </View>
        </View>
        <View className="menu__arrow" aria-hidden="true">
          ›
        </View>
      </View>

      <View
        {...pressable('link')}
        className="card calls-entry"
        id="programmes-alliances"
        onClick={() => void open(routes.allianceRegistry)}
      >
        <View className="calls-entry__main">
          <View className="calls-entry__title">创新联盟</View>
          <View className="calls-entry__text">
            龙头企业牵头组建的创新联合体和未来产业技术创新联盟
          </View>
        </View>
        <View className="menu__arrow" aria-hidden="true">
          ›
        </View>
      </View>

      <ConsultationEntry />

      {invitations > 0 ? (
        <View
          {...pressable('link')}
          className="notice notice--success exemption-banner"
          id="programmes-invitations"
          onClick={() => void open(routes.orgInvitations)}
        >
          您有 {invitations} 项免申即享待确认：已按官方认定名单预先填好，核对后一键申领 ›
        </View>
      ) : null}

      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' ? <ProgrammeList list={loaded.data} /> : null}

      <BottomNav current="programmes" badge={unread} />
    </View>
  );
}

function ProgrammeList(props: { list: readonly Programme[] }) {
  const suggested = props.list.filter((p) => p.suggested);
  const policy = props.list[0]?.policy;
  return (
    <View>
      {suggested.length > 0 ? (
        <View className="card card--highlight" id="programmes-suggested">
          <View className="card__title">为您推荐 · 可直接申领</View>
          {suggested.map((p) => (
            <View key={p.id} className="suggestion" id={`suggested-${p.id}`}>
              <View className="suggestion__name">{p.name}</View>
              <View className="suggestion__why">{p.suggestion}</View>
              <View className="suggestion__amount">{p.guide.amountText}</View>
              <Button
                id={`suggested-${p.id}-claim`}
                className="btn btn--primary btn--small"
                onClick={() => void open(routes.applicationForm, { ruleId: p.id })}
              >
                立即申领
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      {props.list.length === 0 ? <EmptyState title="暂无可申报的事项" /> : null}
      {groupByProgramme(props.list).map((group) => (
        <View key={group.heading} className="programme-group">
          <View className="section-title">{group.heading}</View>
          {group.items.map((p) => (
            <View
              key={p.id}
              {...pressable('link')}
              id={`programme-${p.id}`}
              className={p.suggested ? 'card programme programme--suggested' : 'card programme'}
              onClick={() => void open(routes.programme, { id: p.id })}
            >
              <View className="programme__head">
                <View className="programme__name">{p.name}</View>
                {p.suggested ? <View className="badge badge--success">符合条件</View> : null}
                {p.mayApply === false ? <View className="badge">不可申报</View> : null}
              </View>
              <View className="programme__amount">{p.guide.amountText}</View>
              <View className="programme__meta">申报主体：{p.guide.whoMayApply}</View>
              <View className="programme__meta">申报时限：{p.guide.timeLimit}</View>
              {p.mayApply === false && p.whyNot ? (
                <View className="programme__why-not" id={`programme-${p.id}-why-not`}>
                  {p.whyNot}
                </View>
              ) : null}
              <View className="programme__clause">方案条款 {p.clause}</View>
            </View>
          ))}
        </View>
      ))}
      {policy ? (
        <View className="footnote" id="programmes-policy">
          {policyCitation(policy)}
        </View>
      ) : null}
    </View>
  );
}
