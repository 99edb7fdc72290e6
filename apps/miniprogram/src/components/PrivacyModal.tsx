import { env } from '../env';
import { Button, ScrollView, View } from '@tarojs/components';
import { useEffect } from 'react';

/**
 * 《隐私保护指引》 shown in-page (a custom modal rather than Taro.showModal, whose plain-text
 * box is too small for the text and renders differently on H5).
 */
const PARAGRAPHS = [
  '宿州科创由宿州市科学技术局提供，用于企业、机构和科研人员进行信息登记和科技政策服务。我们仅收集提供服务所必需的信息。',
  '一、我们收集的信息：微信为本小程序提供的用户标识（openid）；您主动填写的单位名称、统一社会信用代码、所在县区或园区、领域与资质、联系人及联系电话；科研人员的姓名、身份证号码、手机号码、单位、职称与专长。',
  '二、使用目的：核验登记信息、开展政策申报与审核、为企业匹配科技副总等科技服务。我们不会将您的信息用于上述目的以外的用途。',
  '三、共享范围：您的信息仅由宿州市科学技术局及您所在县区、园区的科技管理部门在职责范围内查看；展示时手机号码、身份证号码均做脱敏处理。除法律法规规定外，不向其他第三方提供。',
  '四、保存与保护：信息保存在境内服务器，采取访问控制、传输加密与操作审计等措施；身份证号码不保存完整明文。',
  '五、您的权利：您可以在“我的”页面查看和修改登记信息，也可以退出登录。如需注销账号或对个人信息处理有疑问，请联系宿州市科学技术局。',
];

/** Taro types no role on ScrollView; H5 and WeChat both pass it through. */
const SCROLL_REGION: Record<string, unknown> = {
  role: 'region',
  'aria-labelledby': 'privacy-title',
  tabIndex: 0,
};

export function PrivacyModal({ onClose }: { onClose: () => void }) {
  // H5: focus moves into the dialog, so a keyboard or screen reader user lands on the text.
  useEffect(() => {
    if (env.platform === 'h5') document.getElementById('privacy-body')?.focus();
  }, []);
  return (
    <View className="modal-mask" id="privacy-modal" catchMove>
      <View className="modal" role="dialog" aria-modal="true" aria-labelledby="privacy-title">
        <View className="modal__title" id="privacy-title">
          隐私保护指引
        </View>
        {/* Scrolled by keyboard too: a tab stop with a name. */}
        <ScrollView className="modal__body" id="privacy-body" scrollY {...SCROLL_REGION}>
          {PARAGRAPHS.map((p) => (
            <View key={p.slice(0, 8)} className="modal__para">
              {p}
            </View>
          ))}
        </ScrollView>
        <Button id="privacy-close" className="btn btn--primary" onClick={onClose}>
          我知道了
        </Button>
      </View>
    </View>
  );
}
