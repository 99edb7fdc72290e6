import { MAX_DECLARED_CONFLICTS, type ExpertProfile, expertProfileSchema } from '@kc/domain';
import type { ErrorInfo } from '../../../api/errors';
import { api } from '../../../api/client';
import type { FieldOverrides, FormSection } from '../../../forms/schema-fields';
import { ProfileForm } from '../../../pages/register/ProfileForm';
import { fieldOverrides } from '../../../pages/register/overrides';
import { phoneOverride } from '../../../pages/register/phone';
import type { MyExpert } from '../data';

export const EXPERT_SECTIONS: FormSection[] = [
  { title: '基本信息', fields: ['name', 'mobile'] },
  { title: '工作单位与职称', fields: ['unitName', 'unitCreditCode', 'title'] },
  { title: '评审领域', fields: ['fieldCodes', 'subFieldCodes', 'expertise'] },
  { title: '回避声明', fields: ['conflicts'] },
];

/**
 * What the schema cannot say: the phone-number button, the chips of fields and sub-fields as in
 * registration, and the declared conflicts as a list of boxes, one added or removed at a time.
 * The checks are the schema's own (`expertProfileSchema`, as the API's `experts.saveMine`).
 */
export const EXPERT_OVERRIDES: FieldOverrides = {
  name: { maxLength: 20 },
  mobile: phoneOverride,
  unitName: { placeholder: '高校、科研院所、企业或其他单位全称' },
  unitCreditCode: { maxLength: 24, placeholder: '18位，如 91341302MA2N0XXXXX' },
  title: { hint: '入库专家须具有副高级及以上职称' },
  ...fieldOverrides,
  expertise: { placeholder: '擅长评审的技术方向、代表成果' },
  conflicts: {
    kind: 'text-rows',
    max: MAX_DECLARED_CONFLICTS,
    placeholder: '单位全称或人员姓名',
  },
};

export interface ExpertFormProps {
  /** The record being edited, or the values a first registration starts from. */
  initial: Record<string, unknown>;
  submitLabel: string;
  /** Asked before saving (an expert 在库 changing what sends them back to review). */
  confirm?: (profile: ExpertProfile) => Promise<boolean>;
  onSaved: (saved: MyExpert) => void;
  onFailed?: (error: ErrorInfo) => void;
}

/** The 专家库 registration: ids `#expert-<field>`, the button `#expert-submit`. */
export function ExpertForm(props: ExpertFormProps) {
  return (
    <ProfileForm
      idPrefix="expert"
      schema={expertProfileSchema}
      overrides={EXPERT_OVERRIDES}
      sections={EXPERT_SECTIONS}
      initial={props.initial}
      submitId="expert-submit"
      submitLabel={props.submitLabel}
      confirm={props.confirm}
      save={(profile) => api.experts.saveMine.mutate(profile)}
      onSaved={props.onSaved}
      onFailed={props.onFailed}
    />
  );
}
