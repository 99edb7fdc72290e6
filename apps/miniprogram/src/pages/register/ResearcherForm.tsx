import { researcherProfileSchema } from '@kc/domain';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { FieldOverrides, FormSection } from '../../forms/schema-fields';
import { ProfileForm } from './ProfileForm';
import { fieldOverrides } from './overrides';
import { phoneOverride } from './phone';

const SECTIONS: FormSection[] = [
  { title: '基本信息', fields: ['name', 'residentId', 'mobile'] },
  { title: '工作单位', fields: ['institutionName', 'institutionCreditCode', 'title'] },
  { title: '研究方向', fields: ['fieldCodes', 'subFieldCodes', 'expertise', 'preferredAreaCodes'] },
];

/**
 * The ID number is stored only hashed and masked, so an edit asks for it again (the placeholder
 * shows the masked one). WeChat's ID-card keyboard; the length is the schema's to judge.
 */
function overridesFor(residentIdMasked: string | undefined): FieldOverrides {
  return {
    name: { maxLength: 20 },
    residentId: {
      inputType: 'idcard',
      maxLength: 20,
      placeholder: residentIdMasked
        ? `已登记 ${residentIdMasked}，请重新填写`
        : '18位居民身份证号码',
    },
    mobile: phoneOverride,
    institutionName: { placeholder: '高校、科研院所或企业全称' },
    institutionCreditCode: { maxLength: 24 },
    ...fieldOverrides,
    expertise: { placeholder: '研究方向、代表成果、可提供的技术服务' },
    preferredAreaCodes: { chipId: 'area', max: 8 },
  };
}

export function ResearcherForm(props: {
  /** The stored profile (editing; its ID number left blank) or nothing for a newcomer. */
  initial: Record<string, unknown>;
  /** Set when editing: the ID number is stored only masked, so it must be typed again. */
  residentIdMasked?: string | undefined;
  onSaved: () => void;
}) {
  const overrides = useMemo(() => overridesFor(props.residentIdMasked), [props.residentIdMasked]);
  return (
    <ProfileForm
      idPrefix="researcher"
      schema={researcherProfileSchema}
      overrides={overrides}
      sections={SECTIONS}
      initial={props.initial}
      save={(profile) => api.profile.saveResearcher.mutate(profile)}
      onSaved={props.onSaved}
    />
  );
}
