import { Button, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  areaName,
  fieldName,
  maskMobile,
  organisationTypeName,
  qualificationName,
  researcherTitleName,
  subFieldName,
} from '@kc/domain';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { BottomNav } from '../../components/BottomNav';
import { pressable } from '../../components/a11y';
import { useExpertStatus } from '../../hooks/useExpertStatus';
import { useTeamRequests } from '../../hooks/useTeamRequests';
import { useUnreadCount } from '../../hooks/useUnreadCount';
import {
  goEditProfile,
  goLogin,
  goRegister,
  goTab,
  leaveIfLoggedOut,
  open,
  routes,
} from '../../services/nav';
import { logout, withSession } from '../../services/session';
import { setLargeText, useLargeText, usePageClass } from '../../services/text-size';
import { OrgMenu } from './OrgMenu';
import './index.css';

type Mine = Awaited<ReturnType<typeof api.profile.mine.query>>;

type State =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; mine: Mine };

export default function ProfilePage() {
  const [state, setState] = useState<State>({ state: 'loading' });
  const unread = useUnreadCount();
  const expert = useExpertStatus();
  const teamPending = useTeamRequests();
  const largeText = useLargeText();
  const pageClass = usePageClass();

  const load = async () => {
    try {
      const mine = await withSession(() => api.profile.mine.query());
      if (mine.type === null) {
        void goRegister();
        return;
      }
      setState({ state: 'ready', mine });
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      setState({ state: 'error', message: describeError(error).message });
    }
  };

  // Reload on every show: coming back from the edit page must show the saved data.
  useDidShow(() => {
    void load();
  });

  const onLogout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？' });
    if (!confirm) return;
    await logout();
    void goLogin();
  };

  return (
    <View className={`${pageClass} page--tabbed profile`} id="profile-page">
      {state.state === 'loading' ? (
        <View className="center muted profile__status">加载中…</View>
      ) : null}
      {state.state === 'error' ? (
        <View className="center profile__status">
          <View className="muted">{state.message}</View>
          <View
            {...pressable()}
            id="profile-retry"
            className="link profile__retry"
            onClick={() => void load()}
          >
            重试
          </View>
        </View>
      ) : null}
      {state.state === 'ready' ? <ProfileView mine={state.mine} /> : null}
      {state.state === 'ready' && state.mine.type === 'organisation' ? (
        <OrgMenu
          verificationStatus={state.mine.organisation.verificationStatus}
          verificationStatusLabel={state.mine.organisation.verificationStatusLabel}
          role={state.mine.membership.role}
          teamPending={teamPending}
        />
      ) : null}
      {state.state === 'ready' ? (
        <View className="card menu">
          <View
            {...pressable('link')}
            className="menu__item"
            id="profile-menu-applications"
            onClick={() => void goTab('applications')}
          >
            <View>我的申报</View>
            <View className="menu__arrow">›</View>
          </View>
          <View
            {...pressable('link')}
            className="menu__item"
            id="profile-menu-vp"
            onClick={() => void open(routes.vpHome)}
          >
            <View>科技副总</View>
            <View className="menu__hint">
              {state.mine.type === 'researcher'
                ? '报名、匹配结果与工作日志'
                : '发布需求、查看匹配人选'}
            </View>
            <View className="menu__arrow">›</View>
          </View>
          <View
            {...pressable('link')}
            className="menu__item"
            id="profile-menu-expert"
            onClick={() => void open(routes.expert)}
          >
            <View>专家库</View>
            <View className="menu__hint" id="profile-menu-expert-hint">
              {expert.statusName ?? '申请加入评审专家库'}
            </View>
            <View className="menu__arrow">›</View>
          </View>
          {expert.active ? (
            <View
              {...pressable('link')}
              className="menu__item"
              id="profile-menu-reviews"
              onClick={() => void open(routes.reviews)}
            >
              <View>评审任务</View>
              <View
                className={expert.pendingReviews > 0 ? 'menu__hint profile__pending' : 'menu__hint'}
                id="profile-menu-reviews-hint"
              >
                {expert.pendingReviews > 0
                  ? `${expert.pendingReviews} 项邀请待确认`
                  : '评审邀请与评分'}
              </View>
              <View className="menu__arrow">›</View>
            </View>
          ) : null}
          <View
            {...pressable('link')}
            className="menu__item"
            id="profile-menu-messages"
            onClick={() => void goTab('messages')}
          >
            <View>消息通知</View>
            <View className="menu__arrow">›</View>
          </View>
        </View>
      ) : null}

      <View className="card menu">
        <View
          {...pressable('link')}
          className="menu__item"
          id="profile-menu-privacy"
          onClick={() => void open(routes.privacy)}
        >
          <View>个人信息与隐私</View>
          <View className="menu__arrow">›</View>
        </View>
        <View
          {...pressable('switch')}
          aria-checked={largeText ? 'true' : 'false'}
          aria-label="大字模式"
          className="menu__item"
          id="profile-large-text"
          onClick={() => setLargeText(!largeText)}
        >
          <View>大字模式</View>
          <View className="menu__hint">{largeText ? '已开启' : '字号放大，便于阅读'}</View>
          <View className={largeText ? 'switch switch--on' : 'switch'} />
        </View>
      </View>

      {state.state !== 'loading' ? (
        <View className="profile__actions">
          {state.state === 'ready' ? (
            <Button
              id="profile-edit"
              className="btn btn--primary"
              onClick={() => void goEditProfile()}
            >
              修改资料
            </Button>
          ) : null}
          <Button id="profile-logout" className="btn btn--ghost" onClick={() => void onLogout()}>
            退出登录
          </Button>
        </View>
      ) : null}
      <BottomNav current="profile" badge={unread} />
    </View>
  );
}

function ProfileView({ mine }: { mine: Mine }) {
  if (mine.type === 'organisation') {
    const o = mine.organisation;
    return (
      <View>
        <View className="profile__header">
          <View className="profile__avatar">{o.name.slice(0, 1)}</View>
          <View>
            <View className="profile__name" id="profile-name">
              {o.name}
            </View>
            <View className="profile__badge" id="profile-type">
              {organisationTypeName(o.type)}
            </View>
            <View
              className={`profile__badge profile__badge--${o.verificationStatus}`}
              id="profile-verification"
            >
              {o.verificationStatusLabel}
            </View>
          </View>
        </View>
        <View className="card">
          <View className="card__title">单位信息</View>
          <Row label="统一社会信用代码" id="profile-creditCode">
            {o.creditCode}
          </Row>
          <Row label="所在县区/园区" id="profile-area">
            {areaName(o.areaCode)}
          </Row>
          {o.address ? (
            <Row label="详细地址" id="profile-address">
              {o.address}
            </Row>
          ) : null}
          <Row label="产业领域" id="profile-fields">
            <Tags codes={o.fieldCodes} name={fieldName} />
          </Row>
          {o.subFieldCodes.length > 0 ? (
            <Row label="细分方向" id="profile-subFields">
              <Tags codes={o.subFieldCodes} name={subFieldName} />
            </Row>
          ) : null}
          <Row label="企业资质" id="profile-qualifications">
            {o.qualifications.length > 0 ? (
              <Tags codes={o.qualifications} name={qualificationName} />
            ) : (
              '暂无'
            )}
          </Row>
        </View>
        <View className="card">
          <View className="card__title">联系人</View>
          <Row label="联系人" id="profile-contactName">
            {o.contactName}
          </Row>
          <Row label="联系电话" id="profile-contactPhone">
            {maskMobile(o.contactPhone)}
          </Row>
        </View>
        {o.intro ? (
          <View className="card">
            <View className="card__title">单位简介</View>
            <View className="profile__intro" id="profile-intro">
              {o.intro}
            </View>
          </View>
        ) : null}
      </View>
    );
  }

  if (mine.type === 'researcher') {
    const r = mine.researcher;
    return (
      <View>
        <View className="profile__header">
          <View className="profile__avatar">{r.name.slice(0, 1)}</View>
          <View>
            <View className="profile__name" id="profile-name">
              {r.name}
            </View>
            <View className="profile__badge" id="profile-type">
              科研人员 · {researcherTitleName(r.title)}
            </View>
          </View>
        </View>
        <View className="card">
          <View className="card__title">基本信息</View>
          <Row label="身份证号码" id="profile-residentId">
            {r.residentIdMasked}
          </Row>
          <Row label="手机号码" id="profile-mobile">
            {maskMobile(r.mobile)}
          </Row>
          <Row label="工作单位" id="profile-institution">
            {r.institutionName}
          </Row>
          <Row label="单位核验" id="profile-institutionLink">
            {INSTITUTION_LINK_HINTS[r.institutionLinkStatus] ?? r.institutionLinkStatusLabel}
          </Row>
          <Row label="职称" id="profile-title">
            {researcherTitleName(r.title)}
          </Row>
        </View>
        <View className="card">
          <View className="card__title">研究方向</View>
          <Row label="产业领域" id="profile-fields">
            <Tags codes={r.fieldCodes} name={fieldName} />
          </Row>
          {r.subFieldCodes.length > 0 ? (
            <Row label="细分方向" id="profile-subFields">
              <Tags codes={r.subFieldCodes} name={subFieldName} />
            </Row>
          ) : null}
          <Row label="研究专长" id="profile-expertise">
            {r.expertise}
          </Row>
          <Row label="意向县区/园区" id="profile-preferredAreas">
            {r.preferredAreaCodes.length > 0 ? (
              <Tags codes={r.preferredAreaCodes} name={areaName} />
            ) : (
              '不限'
            )}
          </Row>
        </View>
      </View>
    );
  }

  return null;
}

/** Whether the researcher's 单位 is confirmed by that organisation on the platform (单位关联). */
const INSTITUTION_LINK_HINTS: Record<string, string> = {
  none: '未核验（单位未在平台注册，或未填写单位统一社会信用代码）',
  pending: '待单位确认',
  confirmed: '已确认',
  rejected: '单位未确认，如有误请联系单位或修改工作单位',
};

function Row({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <View className="kv">
      <View className="kv__key">{label}</View>
      <View className="kv__value" id={id}>
        {children}
      </View>
    </View>
  );
}

function Tags({ codes, name }: { codes: readonly string[]; name: (code: string) => string }) {
  return (
    <View>
      {codes.map((code) => (
        <View key={code} className="tag">
          {name(code)}
        </View>
      ))}
    </View>
  );
}
