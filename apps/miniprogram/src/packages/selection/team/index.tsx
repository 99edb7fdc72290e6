import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { usePageClass } from '../../../services/text-size';
import { TeamRequestList } from './TeamRequestList';
import '../selection.css';

/**
 * 合作申报确认 (from 我的 and from the message that asks): the parts other organisations' team
 * submissions name this organisation for. Whether the caller may answer comes from their role in
 * the organisation (`profile.mine`), read in the same batch; only its 管理员 answers.
 */
export default function TeamRequestsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(async () => {
    const [mine, requests] = await Promise.all([
      api.profile.mine.query(),
      // Someone outside an organisation is told how to join rather than shown a failure.
      api.selection.team.requests.query().catch((error: unknown) => {
        const info = describeError(error);
        if (info.appCode !== 'NOT_ORG_MEMBER') throw error;
        return info.message;
      }),
    ]);
    return {
      admin: mine.type === 'organisation' && mine.membership.role === 'admin',
      requests: typeof requests === 'string' ? [] : requests,
      notMember: typeof requests === 'string' ? requests : null,
    };
  });
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return <TeamRequestList {...loaded.data} onChanged={() => void reload()} />;
}
