import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ACCOUNT_CANCEL_CONFIRMATION, CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { PrivacyModal } from '../../../components/PrivacyModal';
import { TextField } from '../../../components/TextField';
import { pressable } from '../../../components/a11y';
import { formatDateTime } from '../../../format';
import { canSaveJson, exportMyData, saveJson } from '../../../services/export-file';
import { goLogin, leaveIfLoggedOut, toast } from '../../../services/nav';
import { clearSession, withSession } from '../../../services/session';
import { clearConsent } from '../../../services/session-store';
import { usePageClass } from '../../../services/text-size';
import './index.css';

type MyData = Awaited<ReturnType<typeof api.me.export.query>>;

/** What 注销 keeps and removes, in the words docs/PRIVACY.md uses. */
const KEPT = [
  '已提交的申请、奖补、公示、拨付、台账记录和操作日志：财政资金审计须保存，依法保留，其中的个人信息只保留法律要求的部分（如奖补或选派记录上的姓名）。',
  '您所在单位的资料、认证记录和收款账户：属于单位，由单位其他管理员继续管理。',
];
const REMOVED = [
  '微信登录身份（openid）：注销后用同一微信登录将是一个全新的空账号。',
  '手机号码、身份证号码（脱敏号码及其校验值）、研究专长；没有奖补或选派记录的，姓名也一并删除。',
  '未提交的申请草稿及其材料、未被保留记录使用的上传文件、消息、隐私保护指引同意记录。',
  '所有登录状态立即失效；您在单位的成员身份结束，您生成的邀请码作废。',
];

/**
 * 个人信息与隐私 (个人信息保护法): see and export what the platform holds about the user and their
 * organisation, and 注销 the account after reading what is kept and why.
 */
export default function PrivacyPage() {
  const pageClass = usePageClass();
  const [data, setData] = useState<MyData | null>(null);
  const [busy, setBusy] = useState<'view' | 'export' | 'json' | 'cancel' | null>(null);
  const [notice, setNotice] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();

  const run = async (what: NonNullable<typeof busy>, fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    try {
      await fn();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
    } finally {
      setBusy(null);
    }
  };

  const onView = () =>
    run('view', async () => {
      setData(await withSession(() => api.me.export.query()));
    });

  const onExport = () =>
    run('export', async () => {
      const name = await exportMyData();
      void toast(`已导出“${name}”`);
    });

  const onJson = () =>
    run('json', async () => {
      saveJson(data ?? (await withSession(() => api.me.export.query())));
    });

  const onCancel = () =>
    run('cancel', async () => {
      if (typed.trim() !== ACCOUNT_CANCEL_CONFIRMATION) {
        setTypedError(`请输入“${ACCOUNT_CANCEL_CONFIRMATION}”两个字以确认`);
        return;
      }
      setTypedError(undefined);
      const { confirm } = await Taro.showModal({
        title: '确认注销账号',
        content: '注销后不能恢复，确定要注销吗？',
        confirmText: '注销',
        confirmColor: '#d4380d',
      });
      if (!confirm) return;
      await withSession(() =>
        api.me.cancelAccount.mutate({ confirmation: ACCOUNT_CANCEL_CONFIRMATION }),
      );
      clearSession();
      clearConsent();
      void Taro.showToast({ title: '账号已注销', icon: 'success', duration: 2000 });
      void goLogin();
    });

  return (
    <View className={`${pageClass} privacy`} id="privacy-page">
      <View className="card">
        <View className="card__title">我的数据</View>
        <View className="privacy__text">
          您可以查看和导出平台保存的您本人及您所管理单位的全部信息：账号、登记资料、单位与成员身份、申请及进度、上传材料清单、消息、同意记录、登录记录和与您有关的操作日志。
        </View>
        <View className="privacy__buttons">
          <Button
            id="privacy-view"
            className="btn btn--ghost"
            loading={busy === 'view'}
            disabled={!!busy || undefined}
            onClick={() => void onView()}
          >
            查看我的数据
          </Button>
          <Button
            id="privacy-export"
            className="btn btn--primary"
            loading={busy === 'export'}
            disabled={!!busy || undefined}
            onClick={() => void onExport()}
          >
            导出 Excel
          </Button>
          {canSaveJson ? (
            <Button
              id="privacy-export-json"
              className="btn btn--ghost"
              loading={busy === 'json'}
              disabled={!!busy || undefined}
              onClick={() => void onJson()}
            >
              导出 JSON
            </Button>
          ) : null}
        </View>
      </View>

      {data ? <Summary data={data} /> : null}

      <View className="card">
        <View className="card__title">隐私保护指引</View>
        <KeyValue label="当前版本" id="privacy-version">
          {CURRENT_PRIVACY_NOTICE.version}（{CURRENT_PRIVACY_NOTICE.effectiveOn} 起施行）
        </KeyValue>
        <View
          {...pressable()}
          id="privacy-open-notice"
          className="link"
          onClick={() => setNotice(true)}
        >
          阅读《隐私保护指引》
        </View>
      </View>

      <View className="card" id="privacy-cancel">
        <View className="card__title">注销账号</View>
        <View className="privacy__subtitle">依法保留的记录</View>
        {KEPT.map((t) => (
          <View key={t.slice(0, 10)} className="privacy__item">
            {t}
          </View>
        ))}
        <View className="privacy__subtitle">删除或匿名化的信息</View>
        {REMOVED.map((t) => (
          <View key={t.slice(0, 10)} className="privacy__item">
            {t}
          </View>
        ))}
        <View className="privacy__item">
          如果您是单位唯一的管理员，请先在“单位成员”中将管理员身份移交给其他成员。
        </View>
        <TextField
          id="privacy-cancel-confirm"
          label={`请输入“${ACCOUNT_CANCEL_CONFIRMATION}”以确认`}
          value={typed}
          onChange={setTyped}
          maxlength={8}
          error={typedError}
        />
        <Button
          id="privacy-cancel-submit"
          className="btn btn--danger"
          loading={busy === 'cancel'}
          disabled={!!busy || undefined}
          onClick={() => void onCancel()}
        >
          注销账号
        </Button>
      </View>

      {notice ? <PrivacyModal onClose={() => setNotice(false)} /> : null}
    </View>
  );
}

/** A readable summary of me.export: counts per section and the main items. */
function Summary({ data }: { data: MyData }) {
  const rows: [string, string, number][] = [
    ['memberships', '单位成员身份', data.memberships.length],
    ['organisations', '管理的单位', data.organisations.length],
    ['applications', '申请', data.applications.length],
    ['files', '上传材料', data.files.length],
    ['secondments', '科技副总选派', data.secondments.length],
    ['notifications', '消息', data.notifications.length],
    ['consents', '隐私保护指引同意记录', data.consents.length],
    ['sessions', '登录记录', data.sessions.length],
    ['audit', '与您有关的操作日志', data.auditLog.length],
  ];
  return (
    <View className="card" id="privacy-summary">
      <View className="card__title">平台保存的信息</View>
      <KeyValue label="导出时间">{formatDateTime(data.generatedAt)}</KeyValue>
      <KeyValue label="账号注册时间">{formatDateTime(data.profile.createdAt)}</KeyValue>
      {data.researcher ? (
        <KeyValue label="科研人员" id="privacy-summary-researcher">
          {data.researcher.name} · {data.researcher.institutionName}
        </KeyValue>
      ) : null}
      {data.organisations.map((o) => (
        <KeyValue key={o.creditCode} label="管理的单位">
          {o.name}（{o.verificationStatus}）
        </KeyValue>
      ))}
      {rows.map(([key, label, count]) => (
        <KeyValue key={key} label={label} id={`privacy-count-${key}`}>
          {count} 条
        </KeyValue>
      ))}
      {data.applications.slice(0, 20).map((a) => (
        <KeyValue key={a.number} label={a.number}>
          {a.status}
        </KeyValue>
      ))}
    </View>
  );
}
