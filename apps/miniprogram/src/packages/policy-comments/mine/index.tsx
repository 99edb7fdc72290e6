import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { EmptyState, NotLoadedPage } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { open, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { type MyComment, outcomeTone } from '../data';
import '../policy-comments.css';

/**
 * 我的意见 (`?id=` for one consultation's, none for all), signed in: the caller's comments, newest
 * first, each with its clause, the name it is shown under and where it stands — 待处理 until the
 * bureau publishes its answers, then 采纳 / 部分采纳 / 不予采纳 / 重复意见 with the reason.
 */
export default function MyCommentsPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const consultationId = params.id || undefined;
  const { loaded, reload } = useLoader(() =>
    api.consultations.mine.query(consultationId ? { consultationId } : {}),
  );

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  return (
    <View className={pageClass} id="my-comments-page">
      <MyCommentList comments={loaded.data} consultationId={consultationId} />
    </View>
  );
}

export function MyCommentList(props: {
  comments: readonly MyComment[];
  /** The consultation the list is of, when it is of one. */
  consultationId?: string | undefined;
}) {
  const { comments, consultationId } = props;
  const toConsultation = (id: string) => void open(routes.consultation, { id });
  if (comments.length === 0)
    return (
      <EmptyState
        id="my-comments-empty"
        title="您还没有提出意见"
        hint="在征求意见稿中，点击条款下方的“提意见”即可对该条提出意见"
      />
    );
  return (
    <View id="my-comments-list">
      <View className="notice" id="my-comments-intro">
        意见的处理结果在征求意见结束、市科技局公布意见采纳情况后显示，此前为“待处理”。
      </View>
      {comments.map((m) => (
        <View key={m.id} className="card record" id={`my-comment-${m.id}`}>
          {consultationId ? null : (
            <View
              {...pressable('link')}
              className="record__overline link"
              id={`my-comment-${m.id}-consultation`}
              onClick={() => toConsultation(m.consultationId)}
            >
              {m.consultationTitle} ›
            </View>
          )}
          <View className="record__head">
            <View className="record__title" id={`my-comment-${m.id}-clause`}>
              {m.clauseTitle}
            </View>
            <StatusTag
              status={outcomeTone(m.outcome)}
              label={m.outcomeName}
              id={`my-comment-${m.id}-status`}
            />
          </View>
          <Text className="consultation-feedback__body" id={`my-comment-${m.id}-body`}>
            {m.body}
          </Text>
          <View className="record__meta" id={`my-comment-${m.id}-author`}>
            以“{m.author}”名义 · {formatDateTime(m.createdAt)} 提出
          </View>
          {m.reason ? (
            <View className="consultation-feedback__reason" id={`my-comment-${m.id}-reason`}>
              理由：{m.reason}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
