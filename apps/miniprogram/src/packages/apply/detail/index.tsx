import { Button, View } from '@tarojs/components';
import type { PolicySet } from '@kc/domain';
import { displayInputs, formatYuan } from '@kc/domain';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import { Timeline } from '../../../components/Timeline';
import { formatBytes } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { goTab, leaveIfLoggedOut, open, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { readPolicyCatalogue } from '../catalogue';
import { savedRule } from '../rule';
import { type ApplicationDetail, closeAction, noticeAndPayment, timelineEntries } from './stages';
import '../apply.css';
import { usePageClass } from '../../../services/text-size';

/** 申请详情: where it stands, what the officers said, the notice and payment, and what to do. */
export default function ApplicationDetailPage() {
  const pageClass = usePageClass();
  const { params } = useRouter();
  const id = params.id ?? '';
  // The versions are read with the application, in one batch: it may be under one just adopted.
  const { loaded, reload } = useLoader(async () => {
    const [application, sets] = await Promise.all([
      api.applications.byId.query({ id }),
      readPolicyCatalogue(),
    ]);
    return { application, sets };
  });

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  return (
    <Detail a={loaded.data.application} sets={loaded.data.sets} onChanged={() => void reload()} />
  );
}

/**
 * An upload by its name and size; a reference by what it stands for (资料库 信用承诺书 有效期至 …,
 * 收款账户 … ****4567), with where it came from.
 */
function evidenceText(e: ApplicationDetail['evidence'][number]): string {
  if (e.source === 'upload') {
    const size = e.sizeBytes === null ? '' : ` · ${formatBytes(e.sizeBytes)}`;
    return `${e.originalName ?? '未命名文件'}${size}`;
  }
  return `${e.note ?? e.originalName ?? ''}（${e.sourceLabel}）`;
}

function Detail({
  a,
  sets,
  onChanged,
}: {
  a: ApplicationDetail;
  sets: readonly PolicySet[];
  onChanged: () => void;
}) {
  const pageClass = usePageClass();
  const [busy, setBusy] = useState(false);
  const editable = a.status === 'draft' || a.status === 'returned';
  const stage = noticeAndPayment(a);
  const { rule, missing } = savedRule(sets, a.ruleId, a.policySetId);
  const inputs = rule ? displayInputs(rule.inputSchema, a.input) : [];
  const lastReturn = [...a.timeline].reverse().find((t) => t.action === 'return');

  const ending = closeAction(a);

  const deleteDraft = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除草稿',
      content: '删除后草稿中填写的内容和上传的材料将不再保留。确定删除吗？',
      confirmText: '删除',
      confirmColor: '#e5484d',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await withSession(() =>
        api.applications.deleteDraft.mutate({ applicationId: a.id, expectedVersion: a.version }),
      );
      void toastDone('草稿已删除');
      void goTab('applications');
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
      setBusy(false);
    }
  };

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后本申请不再审核，如需申报须重新填写。确定撤回吗？',
      confirmText: '撤回',
      confirmColor: '#e5484d',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await withSession(() =>
        api.applications.withdraw.mutate({ applicationId: a.id, expectedVersion: a.version }),
      );
      void toastDone('已撤回');
      onChanged();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`${pageClass} page--footer`} id="detail-page">
      <View className="card detail-head">
        <View className="detail-head__row">
          <View className="detail-head__name">{a.ruleName}</View>
          <StatusTag status={a.status} label={a.statusLabel} id="detail-status" />
        </View>
        <View className="muted">
          申请编号 {a.number}
          {a.viaExemption ? (
            <View className="badge badge--success" id="detail-exemption">
              免申即享
            </View>
          ) : null}
        </View>
        {a.approvedAmountFen !== null ? (
          <View className="detail-head__amount" id="detail-amount">
            核定金额 {formatYuan(a.approvedAmountFen)}
          </View>
        ) : a.computedAmountFen !== null ? (
          <View className="detail-head__amount" id="detail-amount">
            测算金额 {formatYuan(a.computedAmountFen)}
          </View>
        ) : null}
      </View>

      {a.status === 'returned' ? (
        <View className="notice notice--warning" id="detail-returned">
          已退回修改：{lastReturn?.comment ?? '请按要求修改后重新提交'}
        </View>
      ) : null}

      {stage ? (
        <View className="card" id="detail-stage">
          <View className="card__title">公示与拨付</View>
          <KeyValue label="公示结果" id="detail-notice">
            {stage.notice}
          </KeyValue>
          <KeyValue label="拨付状态" id="detail-payment">
            {stage.payment}
          </KeyValue>
        </View>
      ) : null}

      <View className="card">
        <View className="card__title">办理进度</View>
        <Timeline id="detail-timeline" entries={timelineEntries(a)} />
      </View>

      {missing === 'version' ? (
        <View className="card" id="detail-inputs">
          <View className="card__title">申请内容</View>
          <View className="muted" id="detail-inputs-unavailable">
            未能读取该申请适用的政策版本，申请内容暂时无法显示，请下拉刷新重试
          </View>
        </View>
      ) : inputs.length > 0 ? (
        <View className="card" id="detail-inputs">
          <View className="card__title">申请内容</View>
          {inputs.map((row) => (
            <KeyValue key={row.label} label={row.label}>
              {row.value}
            </KeyValue>
          ))}
        </View>
      ) : null}

      <View className="card" id="detail-evidence">
        <View className="card__title">申报材料</View>
        {a.evidence.length === 0 ? <View className="muted">尚未上传材料</View> : null}
        {a.evidence.map((e, i) => (
          <KeyValue key={`${e.kind}-${e.fileId ?? e.source}-${i}`} label={e.kindName}>
            {evidenceText(e)}
          </KeyValue>
        ))}
      </View>

      {editable || ending ? (
        <View className="footer-bar footer-bar--split">
          {ending === 'delete' ? (
            <Button
              id="detail-delete"
              className="btn btn--ghost btn--danger"
              disabled={busy || undefined}
              onClick={() => void deleteDraft()}
            >
              删除草稿
            </Button>
          ) : ending === 'withdraw' ? (
            <Button
              id="detail-withdraw"
              className="btn btn--ghost btn--danger"
              disabled={busy || undefined}
              onClick={() => void withdraw()}
            >
              撤回申请
            </Button>
          ) : null}
          {editable ? (
            <Button
              id="detail-edit"
              className="btn btn--primary"
              disabled={busy || undefined}
              onClick={() => void open(routes.applicationForm, { id: a.id })}
            >
              {a.status === 'returned' ? '修改并重新提交' : '继续填写'}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
