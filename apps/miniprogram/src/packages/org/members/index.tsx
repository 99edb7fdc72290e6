import { Button, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { goProfile, routes, withQuery } from '../../../services/nav';
import { ActivityList } from './ActivityList';
import { InvitePanel } from './InvitePanel';
import { MemberList } from './MemberList';
import { MyName } from './MyName';
import { ResearcherLinks } from './ResearcherLinks';
import type { CreatedInvite } from './data';
import { confirmThen } from './data';
import './members.css';
import { usePageClass } from '../../../services/text-size';

/**
 * 单位成员: everyone sees who is in the organisation and may leave it; administrators also
 * invite, change roles, hand over, remove, answer researchers and read the 单位动态.
 */
export default function MembersPage() {
  const pageClass = usePageClass();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const { loaded, reload } = useLoader(async () => {
    const roster = await api.myOrg.members.list.query();
    if (!roster.me.isAdmin) return { roster, admin: null };
    const [invites, links, activity] = await Promise.all([
      api.myOrg.members.invites.query(),
      api.myOrg.researcherLinks.pending.query(),
      api.myOrg.members.activity.query({ limit: 10 }),
    ]);
    return { roster, admin: { invites, links, activity } };
  });

  useShareAppMessage(() => {
    const name = loaded.state === 'ready' ? loaded.data.roster.organisation.name : '单位';
    return created
      ? {
          title: `邀请您以${created.roleLabel}身份加入“${name}”`,
          path: withQuery(routes.orgJoin, { code: created.code }),
        }
      : { title: '宿州科创', path: routes.programmes };
  });

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const { roster, admin } = loaded.data;
  const me = roster.members.find((m) => m.isMe);

  const leave = () =>
    confirmThen({
      title: '退出单位',
      content: `退出后，您将不能再以“${roster.organisation.name}”的名义办理事项，已提交的申报仍属于单位。确定退出吗？`,
      confirmText: '退出',
      run: () => api.myOrg.members.leave.mutate(),
      done: '已退出',
      onDone: () => void goProfile(),
    });

  return (
    <View className={pageClass} id="members-page">
      <View className="card">
        <View className="card__title">{roster.organisation.name}</View>
        <View className="muted" id="members-my-role">
          我的身份：{roster.me.roleLabel}
        </View>
      </View>
      {me ? <MyName me={me} onChanged={() => void reload()} /> : null}
      <MemberList roster={roster} onChanged={() => void reload()} />
      {admin ? (
        <>
          <InvitePanel
            invites={admin.invites}
            created={created}
            onCreated={setCreated}
            onChanged={() => void reload()}
          />
          <ResearcherLinks
            items={admin.links}
            verified={roster.organisation.verified}
            onChanged={() => void reload()}
          />
          <ActivityList key={admin.activity.items[0]?.id ?? 'none'} first={admin.activity} />
        </>
      ) : (
        <View className="notice">邀请、移除成员和移交管理员由单位管理员办理。</View>
      )}
      <View className="members__leave">
        <Button id="members-leave" className="btn btn--ghost" onClick={() => void leave()}>
          退出单位
        </Button>
      </View>
    </View>
  );
}
