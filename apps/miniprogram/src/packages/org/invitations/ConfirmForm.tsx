import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { TextField } from '../../../components/TextField';
import { leaveIfLoggedOut, replace, routes, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { type ConfirmErrors, type InvitationDetail, checkConfirmForm } from './data';
import { pressable } from '../../../components/a11y';

/**
 * 确认申领: the commitment (and, for a re-recognition the list left open, the previous
 * certificate), checked with the domain's own schema before the one tap; 放弃申领 beside it.
 */
export function ConfirmForm({ d, onChanged }: { d: InvitationDetail; onChanged: () => void }) {
  const [previous, setPrevious] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [errors, setErrors] = useState<ConfirmErrors>({});
  const [busy, setBusy] = useState(false);
  const needsPrevious = d.missingInputs.includes('previousCertificateNo');

  const confirm = async () => {
    const checked = checkConfirmForm({ needsPrevious, previous, accepted });
    if (!checked.ok) {
      setErrors(checked.errors);
      void toast(Object.values(checked.errors)[0] ?? '请按提示修改');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const done = await withSession(() =>
        api.myOrg.invitations.confirm.mutate({ invitationId: d.id, ...checked.input }),
      );
      if (done.status === 'confirmed' && done.application) {
        void toastDone('已确认申领');
        void replace(routes.application, { id: done.application.id });
      } else {
        void toast(done.closedReason ?? '该邀请已失效');
        onChanged();
      }
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      setErrors({
        previousCertificateNo: info.fieldErrors.previousCertificateNo,
        commitment: info.fieldErrors.commitment,
        _form: info.message,
      });
      void toast(info.message);
    } finally {
      setBusy(false);
    }
  };

  const decline = async () => {
    const { confirm: yes } = await Taro.showModal({
      title: '放弃申领',
      content: '放弃后本邀请关闭，如需申领须另行申报。确定放弃吗？',
      confirmText: '放弃',
      confirmColor: '#e5484d',
    });
    if (!yes) return;
    setBusy(true);
    try {
      await withSession(() => api.myOrg.invitations.decline.mutate({ invitationId: d.id }));
      void toastDone('已放弃');
      onChanged();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" id="invitation-confirm-form">
      <View className="card__title">确认申领</View>
      {needsPrevious ? (
        <TextField
          id="invitation-previousCertificateNo"
          label="上一次证书编号"
          required
          value={previous}
          onChange={setPrevious}
          placeholder="如 GR202334001111"
          maxlength={20}
          hint="名单未列出上一次高新技术企业证书编号，请按上一次证书填写"
          error={errors.previousCertificateNo}
        />
      ) : null}
      <View className="commitment" id="invitation-commitment-text">
        {d.commitmentText}
      </View>
      <View
        className="consent"
        id="invitation-commitment"
        role="checkbox"
        aria-checked={accepted}
        onClick={() => setAccepted(!accepted)}
      >
        <View className={accepted ? 'consent__box consent__box--checked' : 'consent__box'}>
          {accepted ? '✓' : ''}
        </View>
        本单位已阅读并作出以上信用承诺
      </View>
      {errors.commitment ? (
        <View className="form-row__error" id="invitation-commitment-error">
          {errors.commitment}
        </View>
      ) : null}
      {errors._form && !errors.commitment && !errors.previousCertificateNo ? (
        <View className="notice notice--danger" id="invitation-error">
          {errors._form}
        </View>
      ) : null}
      <Button
        id="invitation-confirm"
        className="btn btn--primary"
        loading={busy}
        disabled={busy || !d.mayConfirm || undefined}
        onClick={() => void confirm()}
      >
        确认申领
      </Button>
      <View className="center footnote">
        <View
          {...pressable()}
          className="link"
          id="invitation-decline"
          onClick={() => void decline()}
        >
          放弃申领
        </View>
      </View>
    </View>
  );
}
