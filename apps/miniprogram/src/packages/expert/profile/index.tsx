import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { NotLoadedPage } from '../../../components/StateViews';
import { useLoader } from '../../../hooks/useLoader';
import { toastDone } from '../../../services/nav';
import { usePageClass } from '../../../services/text-size';
import {
  type MyExpert,
  REVIEW_FIELD_TITLES,
  explainStatus,
  juniorTitleOf,
  prefill,
  reviewWarning,
} from '../data';
import { pendingCount } from '../reviews';
import { ExpertForm } from './ExpertForm';
import { StatusCard } from './StatusCard';
import '../expert.css';

/**
 * 专家库: anyone signed in may apply to join the bureau's pool of review experts (副高级及以上).
 * Before registering, the form (prefilled from a researcher's profile); after, where the
 * application stands (待审核 / 在库 / 已暂停 / 未通过 with the reason) and an edit, which warns an
 * expert 在库 when the change sends them back to review. A suspended expert cannot edit.
 */
export default function ExpertPage() {
  const pageClass = usePageClass();
  const [editing, setEditing] = useState(false);
  const { loaded, reload, setLoaded } = useLoader(async () => {
    const [mine, profile] = await Promise.all([api.experts.mine.query(), api.profile.mine.query()]);
    // An expert 在库 sees the invitations waiting beside 评审任务; a failure only hides the count.
    const pendingReviews =
      mine?.status === 'active'
        ? await api.selection.reviews.mine.query().then(pendingCount, () => 0)
        : 0;
    return { mine, profile, pendingReviews };
  });

  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={() => void reload()} />;
  }
  const { mine, profile, pendingReviews } = loaded.data;

  const onSaved = (saved: MyExpert) => {
    const before = mine;
    setLoaded({
      state: 'ready',
      data: {
        mine: saved,
        profile,
        pendingReviews: saved.status === 'active' ? pendingReviews : 0,
      },
      refreshing: false,
    });
    setEditing(false);
    // A first registration, a new application after 未通过, or an edit that needs review again.
    const submitted = saved.status === 'pending' && before?.status !== 'pending';
    void toastDone(submitted ? '已提交审核' : '已保存');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  if (!mine || (editing && mine.status !== 'suspended')) {
    const junior = mine ? null : juniorTitleOf(profile);
    const rejectedReason = mine?.status === 'rejected' ? explainStatus(mine).reason : null;
    return (
      <View
        className={`${pageClass} page--footer`}
        id="expert-page"
        data-mode={mine ? 'edit' : 'new'}
      >
        <View className="notice" id="expert-intro">
          <View className="expert__heading" id="expert-heading">
            {mine ? '修改专家资料' : '申请加入专家库'}
          </View>
          <View>
            {mine
              ? '带 * 的为必填项。'
              : '入库专家参加市科技局组织的项目评审，须具有副高级及以上职称。提交后由市科技局审核，审核通过后方可被抽取。带 * 的为必填项。'}
          </View>
        </View>
        {junior ? (
          <View className="notice notice--warning" id="expert-junior-title">
            您登记的职称为“{junior}”，入库专家须具有副高级及以上职称；如已取得，请在下方选择。
          </View>
        ) : null}
        {mine?.status === 'active' ? (
          <View className="notice notice--warning" id="expert-review-warning">
            修改{REVIEW_FIELD_TITLES.join('、')}
            后需重新审核，审核通过前不会被抽取参加评审；修改其他内容不影响在库状态。
          </View>
        ) : null}
        {mine?.status === 'rejected' ? (
          <View className="notice notice--danger" id="expert-rejected-reminder">
            {rejectedReason ? `${rejectedReason.label}：${rejectedReason.text}。` : ''}
            按意见修改后提交，即重新申请入库。
          </View>
        ) : null}
        <ExpertForm
          key={mine ? `edit-${mine.version}` : 'new'}
          initial={mine ?? prefill(profile)}
          submitLabel={
            !mine ? '提交申请' : mine.status === 'rejected' ? '重新提交申请' : '保存修改'
          }
          confirm={
            mine
              ? async (next) => {
                  const warning = reviewWarning(mine, next);
                  if (!warning) return true;
                  const { confirm } = await Taro.showModal({
                    title: '需要重新审核',
                    content: warning,
                    confirmText: '确定保存',
                    cancelText: '再想想',
                  });
                  return confirm;
                }
              : undefined
          }
          onSaved={onSaved}
          onFailed={(error) => {
            // Suspended meanwhile: show where things stand instead of a form that cannot be saved.
            if (error.appCode === 'EXPERT_SUSPENDED') {
              setEditing(false);
              void reload();
            }
          }}
        />
        {mine ? (
          <Button id="expert-cancel" className="btn btn--ghost" onClick={() => setEditing(false)}>
            放弃修改
          </Button>
        ) : null}
      </View>
    );
  }

  const status = explainStatus(mine);
  return (
    <View className={pageClass} id="expert-page" data-mode="status">
      <StatusCard expert={mine} pendingReviews={pendingReviews} />
      {status.editLabel ? (
        <Button id="expert-edit" className="btn btn--primary" onClick={() => setEditing(true)}>
          {status.editLabel}
        </Button>
      ) : null}
    </View>
  );
}
