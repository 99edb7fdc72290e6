import { Button, View } from '@tarojs/components';
import { EDITABLE_STATUSES, applicationStatusName } from '@kc/domain';
import { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { replace, routes } from '../../../services/nav';
import { readPolicyCatalogue } from '../catalogue';
import { formRule } from '../rule';
import { ApplicationForm } from './ApplicationForm';
import { DraftOffer } from './DraftOffer';
import { latestDraft } from './draft-state';
import { showDraftInUrl } from './draft-url';
import '../apply.css';
import { usePageClass } from '../../../services/text-size';

/**
 * 在线申报: a new application (`?ruleId=`) or a draft / returned one (`?id=`). A programme opened
 * afresh with an unsent draft offers it first. Anything already submitted is shown as locked,
 * with the way to its status page.
 */
export default function ApplicationFormPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const { loaded, reload } = useLoader(
    async () => {
      // Asked in the same batch as the page's first request: a version may have been adopted.
      const catalogue = readPolicyCatalogue();
      const existing = params.id ? await api.applications.byId.query({ id: params.id }) : null;
      const ruleId = existing?.ruleId ?? params.ruleId ?? '';
      // What the 资料库 and the registered account can supply (nothing for a researcher).
      const offers = ruleId
        ? await api.myOrg.documents.forEvidence.query({ ruleId }).catch(() => [])
        : [];
      // A programme opened afresh that already has an unsent draft: offer it (a failed lookup
      // only costs the offer; the draft is still under 我的申请).
      const draft =
        !existing && ruleId
          ? latestDraft(await api.applications.mine.query().catch(() => []), ruleId)
          : null;
      return { existing, offers, draft, sets: await catalogue };
    },
    // Loaded once: coming back from the file chooser must not reset what was typed.
    { onShow: false },
  );
  useLoad(() => void reload());
  const [draftChoice, setDraftChoice] = useState<'continue' | 'new' | null>(null);

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const { offers, draft, sets } = loaded.data;
  const existing = loaded.data.existing ?? (draftChoice === 'continue' ? draft : null);
  if (existing && !EDITABLE_STATUSES.includes(existing.status)) {
    return (
      <View className={pageClass} id="apply-locked">
        <EmptyState
          title="申请已提交，当前状态下不能修改"
          hint={`当前状态：${applicationStatusName(existing.status)}。如审核中需要修改，请等待退回，或撤回后重新申报。`}
          action={
            <Button
              id="apply-locked-view"
              className="btn btn--primary btn--small"
              onClick={() => void replace(routes.application, { id: existing.id })}
            >
              查看申请进度
            </Button>
          }
        />
      </View>
    );
  }
  const found = formRule(sets, existing?.ruleId ?? params.ruleId ?? '', existing?.policySetId);
  if (found.missing === 'version') {
    return (
      <View className={pageClass}>
        <ErrorState
          message="未能读取该申请适用的政策版本，请检查网络后重试"
          onRetry={() => void reload()}
        />
      </View>
    );
  }
  if (!found.rule) {
    return (
      <View className={pageClass}>
        <EmptyState title="该奖补事项不存在或当前不受理申请" hint="请返回政策列表重新选择" />
      </View>
    );
  }
  if (draft && !existing && draftChoice === null) {
    return (
      <DraftOffer
        ruleName={found.rule.name}
        savedAt={draft.updatedAt}
        onContinue={() => {
          showDraftInUrl(draft.id);
          setDraftChoice('continue');
        }}
        onStartAnew={() => setDraftChoice('new')}
      />
    );
  }
  return (
    <ApplicationForm
      key={existing?.id ?? 'new'}
      rule={found.rule}
      existing={existing}
      offers={offers}
    />
  );
}
