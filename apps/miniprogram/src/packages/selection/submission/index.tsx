import { Button, View } from '@tarojs/components';
import { todayInShanghai } from '@kc/domain';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { EmptyState, NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { back } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import { EDITABLE, type MySubmission, callTiming, datesText } from '../data';
import { type NeedRef, answersNeeds } from './form';
import { SubmissionForm } from './SubmissionForm';
import { SubmissionView } from './SubmissionView';
import '../selection.css';

/**
 * 在线申报 to one call (`?callId=`): the form while the organisation's submission is a draft or
 * returned and the call takes submissions; otherwise where the submission stands. `&needId=`
 * (from a need on the 需求榜, 揭榜挂帅): a key-project submission answering that need.
 */
export default function SubmissionPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const callId = params.callId ?? '';
  const needId = params.needId ?? '';
  const { loaded, reload, setLoaded } = useLoader(
    async () => {
      const [call, mine] = await Promise.all([
        api.selection.calls.publishedById.query({ id: callId }),
        api.selection.submissions.mine.query({ callId }),
      ]);
      // 揭榜挂帅: the need the 需求榜 opened the form for, read as the board shows it.
      let offered: NeedRef | null = null;
      let offeredProblem: string | null = null;
      if (needId && answersNeeds(call.programme)) {
        try {
          const need = await api.needs.publishedById.query({ id: needId });
          offered = { id: need.id, number: need.number, title: need.title };
        } catch (error) {
          offeredProblem = `未能读取所选的攻关需求：${describeError(error).message}`;
        }
      }
      return { call, mine, offered, offeredProblem };
    },
    // Loaded once: coming back from the file chooser must not reset what was typed.
    { onShow: false },
  );
  useLoad(() => void reload());

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const { call, mine, offered, offeredProblem } = loaded.data;
  const timing = callTiming(call, todayInShanghai(new Date()));
  // After a submit or a withdrawal: where the submission now stands, from the top.
  const show = (submission: MySubmission) => {
    setLoaded({
      state: 'ready',
      data: { call, mine: submission, offered, offeredProblem },
      refreshing: false,
    });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  if (mine && !(EDITABLE.includes(mine.status) && timing.taking)) {
    return <SubmissionView call={call} submission={mine} onChanged={show} />;
  }
  if (!timing.taking) {
    return (
      <View className={pageClass} id="submission-page" data-mode="closed">
        <EmptyState
          id="submission-closed"
          title="该指南当前不受理申报"
          hint={`${timing.stage}。申报时间：${datesText(call)}`}
          action={
            <Button className="btn btn--ghost btn--small" onClick={() => void back()}>
              返回
            </Button>
          }
        />
      </View>
    );
  }
  return (
    <SubmissionForm
      call={call}
      timing={timing}
      existing={mine}
      offeredNeed={offered}
      offeredNeedProblem={offeredProblem}
      onDone={show}
    />
  );
}
