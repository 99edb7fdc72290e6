import { View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { Segmented } from '../../components/Segmented';
import { organisationTypeOptions } from '../../forms/options';
import { goProfile, leaveIfLoggedOut, open, routes } from '../../services/nav';
import { withSession } from '../../services/session';
import { INSTITUTION_TYPES, OrganisationForm } from './OrganisationForm';
import { ExpertEntry } from './ExpertEntry';
import { ResearcherForm } from './ResearcherForm';
import './index.css';
import { pressable } from '../../components/a11y';
import { usePageClass } from '../../services/text-size';

type Kind = 'organisation' | 'institution' | 'researcher';

/** The stored profile as the API returns it; the forms read the fields they know. */
type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'new' }
  | { state: 'edit'; kind: 'organisation'; values: Record<string, unknown>; type: string }
  | {
      state: 'edit';
      kind: 'researcher';
      values: Record<string, unknown>;
      residentIdMasked: string;
    };

/** The three roles: a firm (or incubator), a researcher, an institution (高校 / 科研院所). */
const KIND_OPTIONS = [
  { value: 'organisation' as const, label: '企业', id: 'register-kind-org' },
  { value: 'researcher' as const, label: '科研人员', id: 'register-kind-researcher' },
  { value: 'institution' as const, label: '高校院所', id: 'register-kind-institution' },
];

export default function RegisterPage() {
  const pageClass = usePageClass();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [kind, setKind] = useState<Kind>('organisation');

  const load = async () => {
    setLoaded({ state: 'loading' });
    try {
      const mine = await withSession(() => api.profile.mine.query());
      if (mine.type !== null) void Taro.setNavigationBarTitle({ title: '修改资料' });
      if (mine.type === 'organisation') {
        const o = mine.organisation;
        setLoaded({ state: 'edit', kind: 'organisation', values: o, type: o.type });
      } else if (mine.type === 'researcher') {
        const r = mine.researcher;
        // The ID number is stored only masked: the form asks for it again.
        setLoaded({
          state: 'edit',
          kind: 'researcher',
          residentIdMasked: r.residentIdMasked,
          values: { ...r, residentId: '' },
        });
      } else {
        setLoaded({ state: 'new' });
      }
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      setLoaded({ state: 'error', message: describeError(error).message });
    }
  };

  useLoad(() => {
    void load();
  });

  const onSaved = () => {
    void Taro.showToast({ title: '已保存', icon: 'success' });
    void goProfile();
  };

  if (loaded.state === 'loading') {
    return <View className={`${pageClass} center muted register__status`}>加载中…</View>;
  }
  if (loaded.state === 'error') {
    return (
      <View className={`${pageClass} center register__status`}>
        <View className="muted">{loaded.message}</View>
        <View
          {...pressable()}
          id="register-retry"
          className="link register__retry"
          onClick={() => void load()}
        >
          重试
        </View>
      </View>
    );
  }

  if (loaded.state === 'edit') {
    return (
      <View className={pageClass} id="register-page" data-mode="edit">
        <View className="register__intro">修改登记信息，提交后即时生效。</View>
        {loaded.kind === 'organisation' ? (
          <OrganisationForm
            initial={loaded.values}
            typeOptions={typeOptionsFor(
              INSTITUTION_TYPES.includes(loaded.type) ? 'institution' : 'organisation',
            )}
            onSaved={onSaved}
          />
        ) : (
          <ResearcherForm
            initial={loaded.values}
            residentIdMasked={loaded.residentIdMasked}
            onSaved={onSaved}
          />
        )}
      </View>
    );
  }

  return (
    <View className={pageClass} id="register-page" data-mode="new">
      <ExpertEntry />
      <View className="register__intro">请选择登记类型并如实填写，带 * 的为必填项。</View>
      <Segmented options={KIND_OPTIONS} value={kind} onChange={(k) => setKind(k)} />
      {kind !== 'researcher' ? (
        // A colleague's organisation is already on the platform: join it, do not register it again.
        <View
          {...pressable('link')}
          className="register__join"
          id="register-join"
          onClick={() => void open(routes.orgJoin)}
        >
          <View>单位已在平台注册？</View>
          <View className="link">使用邀请码加入单位 ›</View>
        </View>
      ) : null}
      {kind !== 'researcher' ? (
        // Someone else registered the organisation: the claim filed earlier, and its outcome.
        <View
          {...pressable('link')}
          className="register__join"
          id="register-claims"
          onClick={() => void open(routes.orgClaim)}
        >
          <View>单位被他人注册？</View>
          <View className="link">认领申诉及进度 ›</View>
        </View>
      ) : null}
      {kind === 'researcher' ? (
        <ResearcherForm initial={{}} onSaved={onSaved} />
      ) : (
        <OrganisationForm
          // A new form per role, so a type chosen under one role does not leak into the other.
          key={kind}
          initial={{ type: kind === 'institution' ? 'university' : '' }}
          typeOptions={typeOptionsFor(kind)}
          offerClaim
          onSaved={onSaved}
        />
      )}
    </View>
  );
}

/** Firms choose between 企业 and 孵化器; institutions between 高校 and 科研院所. */
const TYPE_OPTIONS = {
  organisation: organisationTypeOptions.filter((o) => !INSTITUTION_TYPES.includes(o.code)),
  institution: organisationTypeOptions.filter((o) => INSTITUTION_TYPES.includes(o.code)),
};

function typeOptionsFor(kind: 'organisation' | 'institution') {
  return TYPE_OPTIONS[kind];
}
