import { Button, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { EmptyState, NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { replace, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { clauseByKey, howToComment, speakerOf } from '../data';
import { CommentForm } from './CommentForm';
import '../policy-comments.css';

/**
 * 提意见 (`?id=&clause=4-8`), signed in: the consultation and the caller's profile (whether they
 * belong to an organisation) are read, then the form for that clause — or why not: the period has
 * not begun or is over, or the clause takes no comments.
 */
export default function CommentPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  const key = params.clause ?? '';
  const { loaded, reload } = useLoader(async () => {
    const [consultation, profile] = await Promise.all([
      api.consultations.publicById.query({ id }),
      api.profile.mine.query(),
    ]);
    return { consultation, speaker: speakerOf(profile) };
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const { consultation: c, speaker } = loaded.data;
  const clause = clauseByKey(c.clauses, key);
  const toConsultation = (
    <Button
      id="comment-back"
      className="btn btn--ghost btn--small"
      onClick={() => void replace(routes.consultation, { id: c.id })}
    >
      查看征求意见稿
    </Button>
  );
  if (c.stage !== 'open' || c.feedbackPublished)
    return (
      <View className={pageClass} id="comment-page" data-mode="closed">
        <EmptyState
          id="comment-closed"
          title={c.stage === 'upcoming' ? '征求意见尚未开始' : '征求意见已截止'}
          hint={howToComment(c)}
          action={toConsultation}
        />
      </View>
    );
  if (!clause?.commentable)
    return (
      <View className={pageClass} id="comment-page" data-mode="closed">
        <EmptyState
          id="comment-no-clause"
          title="未找到要提意见的条款"
          hint="请回到征求意见稿，在要提意见的条款下方点击“提意见”"
          action={toConsultation}
        />
      </View>
    );
  return (
    <View className={`${pageClass} page--footer`} id="comment-page" data-mode="form">
      <CommentForm
        consultation={c}
        clause={clause}
        speaker={speaker}
        onStale={() => void reload()}
      />
    </View>
  );
}
