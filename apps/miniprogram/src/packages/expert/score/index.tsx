import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { api } from '../../../api/client';
import { EmptyState, NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { back, replace, routes } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import type { MySheet } from '../reviews';
import { ScoreView } from './ScoreView';
import '../expert.css';

/**
 * 专家评分 for one submission of a panel (`?assignmentId=&submissionId=`). After a save, back
 * to the panel's list, which shows the sheet; once the panel has closed, read-only.
 */
export default function ScorePage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const assignmentId = params.assignmentId ?? '';
  const submissionId = params.submissionId ?? '';
  const { loaded, reload, setLoaded } = useLoader(() =>
    api.selection.reviews.panel.query({ assignmentId }),
  );

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const panel = loaded.data;
  const submission = panel.submissions.find((s) => s.id === submissionId);
  if (!submission) {
    return (
      <View className={pageClass} id="score-page" data-mode="missing">
        <EmptyState
          id="score-missing"
          title="该申报不在本评审组"
          action={
            <Button className="btn btn--ghost btn--small" onClick={() => void back('profile')}>
              返回
            </Button>
          }
        />
      </View>
    );
  }

  const onSaved = (sheet: MySheet) => {
    const submissions = panel.submissions.map((s) =>
      s.id === submissionId ? { ...s, mySheet: sheet } : s,
    );
    setLoaded({ state: 'ready', data: { ...panel, submissions }, refreshing: false });
    // Back to the panel's list (reloaded on show), or to it when this page was opened directly.
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void replace(routes.reviewPanel, { assignmentId });
  };

  return (
    <ScoreView
      key={submissionId}
      assignmentId={assignmentId}
      panel={panel}
      submission={submission}
      onSaved={onSaved}
      onClosed={() => void reload()}
    />
  );
}
