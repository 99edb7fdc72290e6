import { Button, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { PrivacyModal } from '../../components/PrivacyModal';
import { pressable } from '../../components/a11y';
import { goHome, goRegister, toast } from '../../services/nav';
import { login, readSession, recordConsent, withSession } from '../../services/session';
import './index.css';
import { usePageClass } from '../../services/text-size';

export default function LoginPage() {
  const pageClass = usePageClass();
  const [consent, setConsent] = useState(false);
  const [showPrivacy, setShowPrivacy] = useState(false);
  const [busy, setBusy] = useState(false);

  // Someone who is still logged in goes straight to where they left off.
  useLoad(() => {
    if (!readSession()) return;
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
      recordConsent();
      await login();
      await routeByProfile();
    } catch (error) {
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
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

      {showPrivacy ? <PrivacyModal onClose={() => setShowPrivacy(false)} /> : null}
    </View>
  );
}

/** No profile yet → register; otherwise → the programmes (home). */
async function routeByProfile() {
  const mine = await withSession(() => api.profile.mine.query());
  if (mine.type === null) await goRegister();
  else await goHome();
}
