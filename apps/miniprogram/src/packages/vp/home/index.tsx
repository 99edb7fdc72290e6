import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { FirmHome } from './FirmHome';
import { ResearcherHome } from './ResearcherHome';
import '../vp.css';
import { usePageClass } from '../../../services/text-size';

/**
 * 科技副总: a firm posts needs and sees who it is matched with; a researcher applies to the
 * current call, sees the match and keeps the secondment's records.
 */
export default function VicePresidentHome() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(async () => {
    const [mine, calls, secondments] = await Promise.all([
      api.profile.mine.query(),
      api.vp.calls.list.query({}),
      api.vp.secondments.mine.query(),
    ]);
    if (mine.type === 'researcher') {
      const candidacies = await api.vp.candidates.mine.query();
      return { kind: 'researcher' as const, calls, secondments, candidacies };
    }
    if (mine.type === 'organisation' && mine.organisation.type === 'firm') {
      const needs = await api.vp.needs.mine.query();
      return { kind: 'firm' as const, calls, secondments, needs };
    }
    return { kind: 'other' as const };
  });

  return (
    <View className={pageClass} id="vp-home">
      <View className="hero hero--small">
        <View className="hero__title">科技副总选派</View>
        <View className="hero__text">
          高校院所科研人员到企业兼任科技副总，帮助企业解决技术难题（方案四.6）
        </View>
      </View>
      {loaded.state === 'loading' ? <LoadingState /> : null}
      {loaded.state === 'error' ? (
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' && loaded.data.kind === 'firm' ? (
        <FirmHome {...loaded.data} onChanged={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' && loaded.data.kind === 'researcher' ? (
        <ResearcherHome {...loaded.data} onChanged={() => void reload()} />
      ) : null}
      {loaded.state === 'ready' && loaded.data.kind === 'other' ? (
        <EmptyState
          id="vp-not-applicable"
          title="科技副总面向企业和科研人员"
          hint="企业可发布技术需求；高校院所的科研人员可以个人身份登记后报名"
        />
      ) : null}
    </View>
  );
}
