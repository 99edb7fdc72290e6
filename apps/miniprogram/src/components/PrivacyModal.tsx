import { env } from '../env';
import { Button, ScrollView, View } from '@tarojs/components';
import { CURRENT_PRIVACY_NOTICE } from '@kc/domain';
import { useEffect } from 'react';

/**
 * 《隐私保护指引》 shown in-page (a custom modal rather than Taro.showModal, whose plain-text
 * box is too small for the text and renders differently on H5). The text is `@kc/domain`'s
 * notice in force, the one the API records consents against.
 */
const NOTICE = CURRENT_PRIVACY_NOTICE;

/** Taro types no role on ScrollView; H5 and WeChat both pass it through. */
const SCROLL_REGION: Record<string, unknown> = {
  role: 'region',
  'aria-labelledby': 'privacy-title',
  tabIndex: 0,
};

/** Read only (我知道了), or a question (同意 / 不同意) when the server asks for consent again. */
export type PrivacyModalProps =
  | { onClose: () => void; onAccept?: undefined; onDecline?: undefined; busy?: undefined }
  | { onClose?: undefined; onAccept: () => void; onDecline: () => void; busy?: boolean };

export function PrivacyModal(props: PrivacyModalProps) {
  // H5: focus moves into the dialog, so a keyboard or screen reader user lands on the text.
  useEffect(() => {
    if (env.platform === 'h5') document.getElementById('privacy-body')?.focus();
  }, []);
  return (
    <View className="modal-mask" id="privacy-modal" catchMove>
      <View className="modal" role="dialog" aria-modal="true" aria-labelledby="privacy-title">
        <View className="modal__title" id="privacy-title">
          {NOTICE.title}
        </View>
        {props.onAccept ? (
          <View className="modal__para" id="privacy-updated">
            《隐私保护指引》已更新（{NOTICE.effectiveOn} 起施行），请阅读后选择是否同意。
          </View>
        ) : null}
        {/* Scrolled by keyboard too: a tab stop with a name. */}
        <ScrollView className="modal__body" id="privacy-body" scrollY {...SCROLL_REGION}>
          {NOTICE.paragraphs.map((p) => (
            <View key={p.slice(0, 8)} className="modal__para">
              {p}
            </View>
          ))}
        </ScrollView>
        {props.onAccept ? (
          <View className="modal__actions">
            <Button
              id="privacy-decline"
              className="btn btn--ghost"
              disabled={props.busy || undefined}
              onClick={props.onDecline}
            >
              不同意
            </Button>
            <Button
              id="privacy-accept"
              className="btn btn--primary"
              loading={props.busy}
              disabled={props.busy || undefined}
              onClick={props.onAccept}
            >
              同意
            </Button>
          </View>
        ) : (
          <Button id="privacy-close" className="btn btn--primary" onClick={props.onClose}>
            我知道了
          </Button>
        )}
      </View>
    </View>
  );
}
