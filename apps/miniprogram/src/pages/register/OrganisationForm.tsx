import { View } from '@tarojs/components';
import { organisationProfileSchema } from '@kc/domain';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { ClaimOffer } from './ClaimOffer';
import type { ChoiceOption, FieldOverrides, FormSection } from '../../forms/schema-fields';
import { ProfileForm } from './ProfileForm';
import { fieldOverrides } from './overrides';
import { phoneOverride } from './phone';

/** 高校 and 科研院所 register as institutions; 企业 and 孵化器 as firms. */
export const INSTITUTION_TYPES: readonly string[] = ['university', 'institute'];

/** What the schema cannot say: ids the tests and scrolling use, placeholders, WeChat's keyboards. */
function overridesFor(typeOptions: readonly ChoiceOption[] | undefined): FieldOverrides {
  return {
    ...(typeOptions ? { type: { options: typeOptions } } : {}),
    name: { placeholder: '与营业执照或登记证书一致' },
    creditCode: { placeholder: '18位，如 91341302MA2N0XXXXX', maxLength: 24 },
    areaCode: { id: 'area' },
    address: { placeholder: '街道、门牌号' },
    ...fieldOverrides,
    qualifications: {
      chipId: 'qualification',
      // Institutions declare no firm qualifications.
      visible: (values) => !INSTITUTION_TYPES.includes(String(values.type)),
    },
    contactName: { maxLength: 20 },
    contactPhone: phoneOverride,
    intro: { placeholder: '主营业务、研发方向、技术需求等' },
  };
}

function sectionsFor(institution: boolean): FormSection[] {
  return [
    { title: '单位信息', fields: ['type', 'name', 'creditCode', 'areaCode', 'address'] },
    {
      title: institution ? '研究领域' : '领域与资质',
      fields: ['fieldCodes', 'subFieldCodes', 'qualifications'],
    },
    { title: '联系人', fields: ['contactName', 'contactPhone'] },
    { fields: ['intro'] },
  ];
}

export function OrganisationForm(props: {
  /** The stored organisation (editing) or preset values. */
  initial: Record<string, unknown>;
  onSaved: () => void;
  /** The types this role may choose (企业/孵化器 or 高校/科研院所); all when not given. */
  typeOptions?: readonly ChoiceOption[];
  /** A new registration whose credit code is taken is offered a 认领申诉 (not an edit). */
  offerClaim?: boolean;
}) {
  const { typeOptions } = props;
  const institution =
    typeOptions !== undefined && typeOptions.every((o) => INSTITUTION_TYPES.includes(o.code));
  const overrides = useMemo(() => overridesFor(typeOptions), [typeOptions]);
  const sections = useMemo(() => sectionsFor(institution), [institution]);
  const [takenCode, setTakenCode] = useState<string | null>(null);
  return (
    <View>
      {takenCode ? <ClaimOffer creditCode={takenCode} /> : null}
      <ProfileForm
        idPrefix="org"
        schema={organisationProfileSchema}
        overrides={overrides}
        sections={sections}
        initial={props.initial}
        save={async (profile) => {
          try {
            return await api.profile.saveOrganisation.mutate(profile);
          } catch (error) {
            const taken = describeError(error).appCode === 'CREDIT_CODE_TAKEN';
            setTakenCode(taken && props.offerClaim ? profile.creditCode : null);
            throw error;
          }
        }}
        onSaved={props.onSaved}
      />
    </View>
  );
}
