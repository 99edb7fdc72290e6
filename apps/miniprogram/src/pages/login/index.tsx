import { Button, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { PrivacyModal } from '../../components/PrivacyModal';
import { pressable } from '../../components/a11y';
import { goHome, goRegister, toast } from '../../services/nav';
import {
  acceptPendingConsent,
  login,
  logout,
  pendingConsent,
  readSession,
  recordConsent,
  withSession,
} from '../../services/session';
import './index.css';
import { usePageClass } from '../../services/text-size';

export default function LoginPage() {
  const pageClass = usePageClass();
  const [consent, setConsent] = useState(false);
  const [showPrivacy, setShowPrivacy] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The server asked for consent to this version (同意 / 不同意 before anything else). */
  const [asking, setAsking] = useState<string | null>(null);

  // Someone who is still logged in goes straight to where they left off, unless the server
  // is still waiting for their answer to an updated notice.
  useLoad(() => {
    if (!readSession()) return;
    const pending = pendingConsent();
    if (pending) {
      setAsking(pending);
      return;
    }
    setBusy(true);
    routeByProfile()
      .catch(() => undefined)
      .finally(() => setBusy(false));
  });

  const onLogin = async () => {
    if (busy) return;
    if (!consent) {
      void toast('请先阅读并同意《隐私保护指引》');
      return;
    }
    setBusy(true);
    try {
      recordConsent(CURRENT_PRIVACY_NOTICE.version);
      const { consentRequired } = await login(CURRENT_PRIVACY_NOTICE.version);
      if (consentRequired) {
        setAsking(consentRequired.version);
        return;
      }
      await routeByProfile();
    } catch (error) {
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const onAccept = async () => {
    if (!asking || busy) return;
    setBusy(true);
    try {
      await acceptPendingConsent(asking);
      setAsking(null);
      await routeByProfile();
    } catch (error) {
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  // 不同意: nothing is used without consent, so the session ends here.
  const onDecline = async () => {
    setBusy(true);
    await logout();
    setAsking(null);
    setConsent(false);
    setBusy(false);
    void toast('您未同意《隐私保护指引》，已退出登录');
  };

  return (
    <View className={`${pageClass} login`}>
      <View className="login__hero">
        <View className="login__logo">科</View>
        <View className="login__title" id="login-title">
          宿州科创
        </View>
        <View className="login__subtitle">宿州市科学技术局 · 企业与科研人员一站式科技服务平台</View>
      </View>

      <View className="card login__card">
        <View className="login__points">
          <View className="login__point">企业、高校、科研院所和孵化器在线登记</View>
          <View className="login__point">科研人员登记专长，对接科技副总需求</View>
          <View className="login__point">政策申报进度随时查看</View>
        </View>
        <Button
          id="login-submit"
          className="btn btn--primary"
          loading={busy}
          disabled={busy || undefined}
          onClick={onLogin}
        >
          微信登录
        </Button>
        <View className="login__consent">
          <View
            {...pressable('checkbox')}
            id="login-consent"
            className={consent ? 'checkbox checkbox--checked' : 'checkbox'}
            aria-checked={consent ? 'true' : 'false'}
            aria-label="我已阅读并同意《隐私保护指引》"
            onClick={() => setConsent(!consent)}
          >
            {consent ? '✓' : ''}
          </View>
          <Text onClick={() => setConsent(!consent)}>我已阅读并同意</Text>
          <Text
            {...pressable()}
            id="login-privacy-link"
            className="link"
            onClick={() => setShowPrivacy(true)}
          >
            《隐私保护指引》
          </Text>
        </View>
      </View>

      {asking ? (
        <PrivacyModal
          busy={busy}
          onAccept={() => void onAccept()}
          onDecline={() => void onDecline()}
        />
      ) : showPrivacy ? (
        <PrivacyModal onClose={() => setShowPrivacy(false)} />
      ) : null}
    </View>
  );
}

/** No profile yet → register; otherwise → the programmes (home). */
async function routeByProfile() {
  const mine = await withSession(() => api.profile.mine.query());
  if (mine.type === null) await goRegister();
  else await goHome();
}
