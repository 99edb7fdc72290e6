import { Button, View } from '@tarojs/components';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import type { MyAlliance } from '../data';
import '../alliances.css';

/**
 * 我的创新联盟 (from the organisation menu): the alliances the organisation leads, newest first,
 * each with where it stands; a card opens it. 登记创新联盟 is offered to the administrator (the
 * API's rule); 经办人 see the list. 查看已登记的创新联盟 opens the public registry.
 */
export default function MyAlliancesPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(async () => {
    const [alliances, profile] = await Promise.all([
      api.alliances.mine.query(),
      api.profile.mine.query(),
    ]);
    const admin = profile.type === 'organisation' && profile.membership.role === 'admin';
    return { alliances, admin };
  });

  return (
    <View className={`${pageClass} page--footer`} id="alliances-page">
      <View className="hero hero--small">
        <View className="hero__title">我的创新联盟</View>
        <View className="hero__text">
          本单位牵头组建的创新联合体、未来产业技术创新联盟，经科技部门审核通过后公开展示
        </View>
      </View>
      <View
        {...pressable('link')}
        className="link board-link"
        id="alliances-registry"
        onClick={() => void open(routes.allianceRegistry)}
      >
        查看已登记的创新联盟 ›
      </View>
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' ? <AllianceList alliances={loaded.data.alliances} /> : null}
      {loaded.state === 'ready' && !loaded.data.admin ? (
        <View className="notice" id="alliances-admin-only">
          创新联盟由单位管理员登记和修改，经办人可查看办理情况。
        </View>
      ) : null}
      {loaded.state === 'ready' && loaded.data.admin ? (
        <View className="footer-bar">
          <Button
            id="alliances-register"
            className="btn btn--primary"
            onClick={() => void open(routes.allianceForm)}
          >
            登记创新联盟
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export function AllianceList({ alliances }: { alliances: readonly MyAlliance[] }) {
  if (alliances.length === 0) {
    return (
      <EmptyState
        id="alliances-empty"
        title="还没有登记创新联盟"
        hint="本单位牵头、联合高校和科研院所等组建的创新联合体，可在此登记"
      />
    );
  }
  return (
    <View id="alliances-list">
      {alliances.map((a) => (
        <View
          key={a.id}
          {...pressable('link')}
          className="card record"
          id={`alliance-${a.id}`}
          onClick={() => void open(routes.myAlliance, { id: a.id })}
        >
          <View className="record__overline">{a.number}</View>
          <View className="record__head">
            <View className="record__title">{a.name}</View>
            <StatusTag status={a.status} label={a.statusName} id={`alliance-${a.id}-status`} />
          </View>
          <View className="record__meta">
            {a.fieldName} · 成员单位 {a.members.length} 家
          </View>
        </View>
      ))}
    </View>
  );
}
