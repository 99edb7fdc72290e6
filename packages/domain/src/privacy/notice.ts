import { z } from 'zod';
import { plainString } from '../validate/safe-text';

/**
 * 《隐私保护指引》 as versioned data: the one text the mini-program shows, the API serves and
 * consents name. A changed text gets a new `version`; users who accepted an older one are asked
 * again at their next login (auth.wechatLogin → `consentRequired`).
 */
export interface PrivacyNotice {
  /** stable id stored with every acceptance (privacy_consent.notice_version) */
  version: string;
  /** the day it applies from, YYYY-MM-DD (Asia/Shanghai) */
  effectiveOn: string;
  title: string;
  paragraphs: readonly string[];
}

const NOTICE_V2: PrivacyNotice = {
  version: 'v2',
  effectiveOn: '2026-12-04',
  title: '隐私保护指引',
  paragraphs: [
    '宿州科创由宿州市科学技术局提供，用于企业、机构和科研人员进行信息登记和科技政策服务。我们仅收集提供服务所必需的信息。',
    '一、我们收集的信息：微信为本小程序提供的用户标识（openid）；您主动填写的单位名称、统一社会信用代码、所在县区或园区、领域与资质、联系人及联系电话；科研人员的姓名、身份证号码、手机号码、单位、职称与专长。',
    '二、使用目的：核验登记信息、开展政策申报与审核、为企业匹配科技副总等科技服务。我们不会将您的信息用于上述目的以外的用途。',
    '三、共享范围：您的信息仅由宿州市科学技术局及您所在县区、园区的科技管理部门在职责范围内查看；展示时手机号码、身份证号码均做脱敏处理。除法律法规规定外，不向其他第三方提供。',
    '四、保存与保护：信息保存在境内服务器，采取访问控制、传输加密与操作审计等措施；身份证号码不保存完整明文。操作日志至少保存六个月。',
    '五、您的权利：您可以在“我的 → 个人信息与隐私”中查看与导出平台保存的您本人及所在单位的信息（Excel 或 JSON 文件），也可以注销账号：依法须保存的奖补、拨付与操作记录予以保留，其余个人信息删除或匿名化。如有疑问，请联系宿州市科学技术局。',
  ],
};

/**
 * Every version ever shown, oldest first; consents name one of them. Only the current text ships
 * (the mini-program's main package is small); earlier texts are kept in docs/PRIVACY.md.
 */
export const PRIVACY_NOTICE_VERSIONS: readonly Pick<PrivacyNotice, 'version' | 'effectiveOn'>[] = [
  { version: 'v1', effectiveOn: '2026-11-27' },
  { version: 'v2', effectiveOn: '2026-12-04' },
];

/** The notice in force. A new version: replace it, and add the old one's text to the docs. */
export const CURRENT_PRIVACY_NOTICE: PrivacyNotice = NOTICE_V2;

const noticeVersion = plainString({ error: '隐私保护指引版本无效' })
  .trim()
  .min(1, '隐私保护指引版本无效')
  .max(32, '隐私保护指引版本无效')
  .regex(/^[0-9A-Za-z.-]+$/, '隐私保护指引版本无效');

/** The version of 《隐私保护指引》 the user just accepted (同意). */
export const privacyAcceptSchema = z.object({ version: noticeVersion });
export type PrivacyAcceptInput = z.input<typeof privacyAcceptSchema>;

/** The word a user types to confirm 注销. */
export const ACCOUNT_CANCEL_CONFIRMATION = '注销';

export const accountCancelSchema = z.object({
  confirmation: plainString({ error: `请输入“${ACCOUNT_CANCEL_CONFIRMATION}”以确认` })
    .trim()
    .max(16, `请输入“${ACCOUNT_CANCEL_CONFIRMATION}”以确认`),
});
export type AccountCancelInput = z.input<typeof accountCancelSchema>;

export { noticeVersion as privacyNoticeVersionSchema };
