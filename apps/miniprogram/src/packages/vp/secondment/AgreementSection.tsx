import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { type EvidenceItem, EvidenceUploader } from '../../../components/EvidenceUploader';
import { formatDateTime } from '../../../format';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { SecondmentDetail } from '../data';
import { downloadTemplate } from './download-template';
import { pressable } from '../../../components/a11y';

const AGREEMENT = {
  kind: 'agreement',
  name: '三方协议（签字盖章）',
  required: true,
  note: '科技副总、派出单位、企业三方签署；PDF 或照片',
};

/** The signed three-party agreement: either side uploads it while the secondment is pending. */
export function AgreementSection(props: { secondment: SecondmentDetail; onChanged: () => void }) {
  const s = props.secondment;
  const canUpload = s.status === 'pending';

  const onUploaded = async (file: EvidenceItem | undefined) => {
    const fileId = file?.fileId;
    if (!fileId) return;
    try {
      await withSession(() =>
        api.vp.secondments.uploadAgreement.mutate({ secondmentId: s.id, fileId }),
      );
      void toastDone('协议已上传');
      props.onChanged();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    }
  };

  const template = s.agreementTemplate;
  const download = async () => {
    if (!template) return;
    try {
      await downloadTemplate(template.fileId, template.name);
    } catch (error) {
      void toast(error instanceof Error ? error.message : '模板下载失败，请稍后重试');
    }
  };

  return (
    <View className="card" id="secondment-agreement">
      <View className="card__title">三方协议</View>
      {template ? (
        <View
          {...pressable()}
          className="link"
          id="secondment-agreement-template"
          onClick={() => void download()}
        >
          下载协议模板：{template.name}
        </View>
      ) : (
        <View className="muted" id="secondment-agreement-template-none">
          科技局尚未提供协议模板，可向科技局索取。
        </View>
      )}
      {s.agreement ? (
        <View className="notice notice--success" id="secondment-agreement-file">
          已上传：{s.agreement.name ?? '三方协议'}（{formatDateTime(s.agreement.uploadedAt)}）
        </View>
      ) : (
        <View className="muted">尚未上传。协议上传且公示期满后，任职期开始。</View>
      )}
      {canUpload ? (
        <EvidenceUploader
          requirements={[AGREEMENT]}
          items={[]}
          onChange={(update) => void onUploaded(update([]).pop())}
        />
      ) : null}
    </View>
  );
}
