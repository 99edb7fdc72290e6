import { View } from '@tarojs/components';
import type { ErrorInfo } from '../api/errors';
import { FormRefusal, SubmitBar } from './FormFooter';

/**
 * The parts of a form whose record the officers review (发布需求, 登记创新联盟), sent with
 * `useFormSubmit().submitForReview`.
 */

/** Why the record came back: the officer's comment, above the form that corrects it. */
export function ReturnedNotice(props: { id: string; comment: string | null }) {
  return (
    <View className="notice notice--warning" id={props.id} role="alert">
      退回意见：{props.comment ?? '请按要求修改后重新提交'}
    </View>
  );
}

/**
 * The form's foot: a refusal about no one field (with 去机构认证 when the organisation is not
 * verified), then 提交审核, or 重新提交审核 for a correction. Ids: `<idPrefix>-error`,
 * `<idPrefix>-verify`, `<idPrefix>-submit`.
 */
export function ReviewFormFooter(props: {
  idPrefix: string;
  correcting: boolean;
  busy: boolean;
  refusal: ErrorInfo | null;
  onSubmit: () => Promise<void>;
}) {
  return (
    <>
      <FormRefusal
        id={`${props.idPrefix}-error`}
        message={props.refusal?.message}
        appCode={props.refusal?.appCode}
        verifyId={`${props.idPrefix}-verify`}
      />
      <SubmitBar
        id={`${props.idPrefix}-submit`}
        label={props.correcting ? '重新提交审核' : '提交审核'}
        busy={props.busy}
        onSubmit={props.onSubmit}
      />
    </>
  );
}
