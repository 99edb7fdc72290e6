import { Button, View } from '@tarojs/components';
import { organisationProfileSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { ChipGroup } from '../../components/ChipGroup';
import { FieldPicker } from '../../components/FieldPicker';
import { FormRow } from '../../components/FormRow';
import { TextField } from '../../components/TextField';
import type { ChipOption } from '../../components/ChipGroup';
import { areaOptions, organisationTypeOptions, qualificationOptions } from '../../forms/options';
import { useSchemaForm } from '../../hooks/useSchemaForm';
import { leaveIfLoggedOut, toast } from '../../services/nav';
import { withSession } from '../../services/session';
import { scrollToField } from './scroll';

export type OrganisationFormValues = {
  type: string;
  name: string;
  creditCode: string;
  areaCode: string;
  address: string;
  fieldCodes: string[];
  subFieldCodes: string[];
  qualifications: string[];
  contactName: string;
  contactPhone: string;
  intro: string;
};

export const emptyOrganisation: OrganisationFormValues = {
  type: '',
  name: '',
  creditCode: '',
  areaCode: '',
  address: '',
  fieldCodes: [],
  subFieldCodes: [],
  qualifications: [],
  contactName: '',
  contactPhone: '',
  intro: '',
};

/** Screen order, for scrolling to the first mistake. */
const ORDER = [
  'type',
  'name',
  'creditCode',
  'areaCode',
  'address',
  'fieldCodes',
  'subFieldCodes',
  'qualifications',
  'contactName',
  'contactPhone',
  'intro',
];

export function OrganisationForm({
  initial,
  onSaved,
  typeOptions = organisationTypeOptions,
}: {
  initial: OrganisationFormValues;
  onSaved: () => void;
  /** The types this role may choose (企业/孵化器 or 高校/科研院所). */
  typeOptions?: readonly ChipOption[];
}) {
  const isInstitution = typeOptions.every((o) => o.code === 'university' || o.code === 'institute');
  const form = useSchemaForm(organisationProfileSchema, initial);
  const { values, errors, set, choose, touch } = form;
  const [saving, setSaving] = useState(false);

  const onSubmit = async () => {
    if (saving) return;
    const data = form.submit();
    if (!data) {
      void toast('请按提示修改标红的内容');
      scrollToField('org', form.firstInvalid(ORDER));
      return;
    }
    setSaving(true);
    try {
      await withSession(() => api.profile.saveOrganisation.mutate(data));
      onSaved();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      form.setServerErrors(info.fieldErrors);
      scrollToField('org', form.firstInvalid(ORDER, info.fieldErrors));
      void toast(info.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <View className="card">
        <View className="card__title">单位信息</View>
        <FormRow id="org-type" label="单位类型" required error={errors.type}>
          <ChipGroup
            id="org-type"
            chipIdPrefix="org-type"
            options={typeOptions}
            value={[values.type]}
            onChange={([v]) => choose('type', v ?? '')}
          />
        </FormRow>
        <TextField
          id="org-name"
          label="单位名称"
          required
          value={values.name}
          placeholder="与营业执照或登记证书一致"
          maxlength={100}
          error={errors.name}
          onChange={(v) => set('name', v)}
          onBlur={() => touch('name')}
        />
        <TextField
          id="org-creditCode"
          label="统一社会信用代码"
          required
          value={values.creditCode}
          placeholder="18位，如 91341302MA2N0XXXXX"
          maxlength={24}
          error={errors.creditCode}
          onChange={(v) => set('creditCode', v)}
          onBlur={() => touch('creditCode')}
        />
        <FormRow id="org-area" label="所在县区/园区" required error={errors.areaCode}>
          <ChipGroup
            id="org-area"
            chipIdPrefix="org-area"
            options={areaOptions}
            value={[values.areaCode]}
            onChange={([v]) => choose('areaCode', v ?? '')}
            small
          />
        </FormRow>
        <TextField
          id="org-address"
          label="详细地址"
          value={values.address}
          placeholder="街道、门牌号"
          maxlength={200}
          error={errors.address}
          onChange={(v) => set('address', v)}
          onBlur={() => touch('address')}
        />
      </View>

      <View className="card">
        <View className="card__title">{isInstitution ? '研究领域' : '领域与资质'}</View>
        <FieldPicker
          idPrefix="org"
          fieldCodes={values.fieldCodes}
          subFieldCodes={values.subFieldCodes}
          errors={errors}
          onFieldCodes={(codes) => choose('fieldCodes', codes)}
          onSubFieldCodes={(codes) => choose('subFieldCodes', codes)}
        />
        {isInstitution ? null : (
          <FormRow id="org-qualifications" label="企业资质" error={errors.qualifications}>
            <ChipGroup
              id="org-qualifications"
              chipIdPrefix="org-qualification"
              options={qualificationOptions}
              value={values.qualifications}
              multiple
              small
              onChange={(codes) => choose('qualifications', codes)}
            />
          </FormRow>
        )}
      </View>

      <View className="card">
        <View className="card__title">联系人</View>
        <TextField
          id="org-contactName"
          label="联系人姓名"
          required
          value={values.contactName}
          maxlength={20}
          error={errors.contactName}
          onChange={(v) => set('contactName', v)}
          onBlur={() => touch('contactName')}
        />
        <TextField
          id="org-contactPhone"
          label="联系电话"
          required
          type="number"
          value={values.contactPhone}
          placeholder="11位手机号码"
          maxlength={16}
          error={errors.contactPhone}
          onChange={(v) => set('contactPhone', v)}
          onBlur={() => touch('contactPhone')}
        />
      </View>

      <View className="card">
        <TextField
          id="org-intro"
          label="单位简介"
          multiline
          value={values.intro}
          placeholder="主营业务、研发方向、技术需求等"
          maxlength={2000}
          error={errors.intro}
          onChange={(v) => set('intro', v)}
          onBlur={() => touch('intro')}
        />
      </View>

      <View className="footer-bar">
        <Button
          id="register-submit"
          className="btn btn--primary"
          loading={saving}
          disabled={saving || undefined}
          onClick={onSubmit}
        >
          提交
        </Button>
      </View>
    </View>
  );
}
