import { View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { SubmitBar } from '../../../components/FormFooter';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../format';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { usePageClass } from '../../../services/text-size';
import { MilestoneTerms } from '../MilestoneTerms';
import {
  type MyProject,
  SIGN_COMMITMENT,
  SIGN_QUESTION,
  periodText,
  problemList,
  statusHint,
} from '../data';
import { ChangeSection } from './ChangeSection';
import { EndNotice } from './EndNotice';
import { ReportSection } from './ReportSection';
import { TrancheSection } from './TrancheSection';

/** Refusals after which what is on screen is out of date: the page loads the project again. */
const RELOAD_ON = ['STALE_VERSION', 'INVALID_TRANSITION', 'NOT_ORG_ADMIN', 'NOT_FOUND'];

/**
 * One project as its unit reads it: where it stands, the result document and the guide it came
 * from, and its 任务书 (period, funds, milestones with their indicators, the tranches of the city
 * funds, when the mid-term check and the final report are due). Once signed: the tranches and
 * where each stands, the reports and the change requests with the bureau's word on them, and
 * for the administrator the report or request the project is ready for (their own pages); an
 * ended project says so first (已终止 with its reason, 已验收). While the 任务书 waits, the
 * unit's administrator signs it here after a confirmation, on the version shown; a draft the
 * bureau must still correct shows why instead, and other members are told who signs.
 */
export function ProjectDetail({
  project: p,
  onChanged,
}: {
  project: MyProject;
  /** After a signature (the signed project), or a refusal that dates the page (nothing: reload). */
  onChanged: (next?: MyProject) => void;
}) {
  const pageClass = usePageClass();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [signError, setSignError] = useState<string | null>(null);
  const contracting = p.status === 'contracting';
  const problems = problemList(p.problems);
  const canSign = contracting && p.mayAct && problems.length === 0;
  const hint = statusHint(p, p.mayAct);

  const sign = async () => {
    if (busyRef.current) return;
    const { confirm } = await Taro.showModal({
      title: '签订任务书',
      content: SIGN_QUESTION,
      confirmText: '签订',
    });
    if (!confirm) return;
    busyRef.current = true;
    setBusy(true);
    setSignError(null);
    try {
      const signed = await withSession(() =>
        api.selection.projects.sign.mutate({ id: p.id, expectedVersion: p.version }),
      );
      void toastDone('任务书已签订');
      onChanged({ ...signed, mayAct: p.mayAct });
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      const stale = info.appCode !== null && RELOAD_ON.includes(info.appCode);
      setSignError(stale ? `${info.message}（页面已刷新为最新内容，请重新核对）` : info.message);
      void toast(info.message);
      if (stale) onChanged();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const c = p.contract;
  return (
    <View className={canSign ? `${pageClass} page--footer` : pageClass} id="project-page">
      <View className="card detail-head">
        <View className="project__programme">{p.programmeName}</View>
        <View className="detail-head__row">
          <View className="detail-head__name" id="project-title">
            {p.title}
          </View>
          <StatusTag status={p.status} label={p.statusName} id="project-status" />
        </View>
        <View className="muted" id="project-number">
          项目编号 {p.number} · {p.organisationName}
        </View>
        {hint ? (
          <View
            className={contracting ? 'project__hint project__hint--waiting' : 'project__hint'}
            id="project-hint"
          >
            {hint}
          </View>
        ) : null}
      </View>

      <EndNotice project={p} />

      {p.signedAt ? (
        <View className="notice notice--success" id="project-signed">
          任务书已于 {formatDateTime(p.signedAt)} 签订。
        </View>
      ) : null}

      <ReportSection project={p} />
      <ChangeSection project={p} />

      <View className="card" id="project-basis">
        <View className="card__title">立项信息</View>
        <KeyValue label="立项文件" id="project-doc">
          {p.resultDocNo ?? '—'}
        </KeyValue>
        <KeyValue label="来源指南" id="project-call">
          {p.call.title}（{p.call.number}）
        </KeyValue>
        <KeyValue label="申报编号">{p.submissionNumber}</KeyValue>
        <KeyValue label="所在县区/园区">{p.areaName}</KeyValue>
        <KeyValue label="产业领域">{p.fieldName}</KeyValue>
      </View>

      <View className="card" id="project-contract">
        <View className="card__title">任务书</View>
        <KeyValue label="实施期限" id="project-period">
          {periodText(c)}
        </KeyValue>
        <KeyValue label="市级资金" id="project-city-funds">
          <View className="money">{formatYuan(c.cityFundsFen)}</View>
        </KeyValue>
        <KeyValue label="单位自筹资金" id="project-own-funds">
          {formatYuan(c.ownFundsFen)}
        </KeyValue>
        <KeyValue label="中期检查" id="project-mid-term">
          {p.schedule.midTermDueOn} 前
        </KeyValue>
        <KeyValue label="结题报告" id="project-final">
          {p.schedule.finalDueOn} 前提交
        </KeyValue>
      </View>

      <View className="card" id="project-milestones">
        <View className="card__title">项目节点</View>
        {c.milestones.map((m, i) => (
          <View key={`${m.title}-${i}`} className="project-item" id={`project-milestone-${i}`}>
            <MilestoneTerms milestone={m} index={i} />
          </View>
        ))}
      </View>

      <TrancheSection project={p} />

      {contracting && problems.length > 0 ? (
        <View className="notice notice--warning" id="project-problems" role="alert">
          <View>任务书尚待市科技局修改完善，暂不能签订：</View>
          {problems.map((m) => (
            <View key={m}>· {m}</View>
          ))}
        </View>
      ) : null}

      {contracting && !p.mayAct ? (
        <View className="notice" id="project-admin-only">
          任务书由单位管理员核对后签订，请提醒本单位管理员处理。
        </View>
      ) : null}

      {signError ? (
        <View className="notice notice--danger" id="project-sign-error" role="alert">
          {signError}
        </View>
      ) : null}

      {canSign ? (
        <>
          <View className="card" id="project-sign-card">
            <View className="card__title">签订任务书</View>
            <View className="project__commitment" id="project-commitment">
              {SIGN_COMMITMENT}
            </View>
          </View>
          <SubmitBar id="project-sign" label="签订任务书" busy={busy} onSubmit={sign} />
        </>
      ) : null}
    </View>
  );
}
