import { Button, View } from '@tarojs/components';
import { researcherProfileSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { ChipGroup } from '../../components/ChipGroup';
import { FieldPicker } from '../../components/FieldPicker';
import { FormRow } from '../../components/FormRow';
import { TextField } from '../../components/TextField';
import { areaOptions, titleOptions } from '../../forms/options';
import { useSchemaForm } from '../../hooks/useSchemaForm';
import { leaveIfLoggedOut, toast } from '../../services/nav';
import { withSession } from '../../services/session';
import { scrollToField } from './scroll';

export type ResearcherFormValues = {
  name: string;
  residentId: string;
  mobile: string;
  institutionName: string;
  institutionCreditCode: string;
  title: string;
  fieldCodes: string[];
  subFieldCodes: string[];
  expertise: string;
  preferredAreaCodes: string[];
};

export const emptyResearcher: ResearcherFormValues = {
  name: '',
  residentId: '',
  mobile: '',
  institutionName: '',
  institutionCreditCode: '',
  title: '',
  fieldCodes: [],
  subFieldCodes: [],
  expertise: '',
  preferredAreaCodes: [],
};

const ORDER = [
  'name',
  'residentId',
  'mobile',
  'institutionName',
  'institutionCreditCode',
  'title',
  'fieldCodes',
  'subFieldCodes',
  'expertise',
  'preferredAreaCodes',
];

export function ResearcherForm(props: {
  initial: ResearcherFormValues;
  /** Set when editing: the ID number is stored only masked, so it must be typed again. */
  residentIdMasked?: string | undefined;
  onSaved: () => void;
}) {
  const form = useSchemaForm(researcherProfileSchema, props.initial);
  const { values, errors, set, choose, touch } = form;
  const [saving, setSaving] = useState(false);

  const onSubmit = async () => {
    if (saving) return;
    const data = form.submit();
    if (!data) {
      void toast('请按提示修改标红的内容');
      scrollToField('researcher', form.firstInvalid(ORDER));
      return;
    }
    setSaving(true);
    try {
      await withSession(() => api.profile.saveResearcher.mutate(data));
      props.onSaved();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      const info = describeError(error);
      form.setServerErrors(info.fieldErrors);
      scrollToField('researcher', form.firstInvalid(ORDER, info.fieldErrors));
      void toast(info.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View>
      <View className="card">
        <View className="card__title">基本信息</View>
        <TextField
          id="researcher-name"
          label="姓名"
          required
          value={values.name}
          maxlength={20}
          error={errors.name}
          onChange={(v) => set('name', v)}
          onBlur={() => touch('name')}
        />
        <TextField
          id="researcher-residentId"
          label="身份证号码"
          required
          type="idcard"
          value={values.residentId}
          placeholder={
            props.residentIdMasked
              ? `已登记 ${props.residentIdMasked}，请重新填写`
              : '18位居民身份证号码'
          }
          hint="仅用于身份核验，平台只保存脱敏后的号码"
          maxlength={20}
          error={errors.residentId}
          onChange={(v) => set('residentId', v)}
          onBlur={() => touch('residentId')}
        />
        <TextField
          id="researcher-mobile"
          label="手机号码"
          required
          type="number"
          value={values.mobile}
          placeholder="11位手机号码"
          maxlength={16}
          error={errors.mobile}
          onChange={(v) => set('mobile', v)}
          onBlur={() => touch('mobile')}
        />
      </View>

      <View className="card">
        <View className="card__title">工作单位</View>
        <TextField
          id="researcher-institutionName"
          label="工作单位"
          required
          value={values.institutionName}
          placeholder="高校、科研院所或企业全称"
          maxlength={100}
          error={errors.institutionName}
          onChange={(v) => set('institutionName', v)}
          onBlur={() => touch('institutionName')}
        />
        <TextField
          id="researcher-institutionCreditCode"
          label="单位统一社会信用代码"
          value={values.institutionCreditCode}
          maxlength={24}
          error={errors.institutionCreditCode}
          onChange={(v) => set('institutionCreditCode', v)}
          onBlur={() => touch('institutionCreditCode')}
        />
        <FormRow id="researcher-title" label="职称" required error={errors.title}>
          <ChipGroup
            id="researcher-title"
            chipIdPrefix="researcher-title"
            options={titleOptions}
            value={[values.title]}
            small
            onChange={([v]) => choose('title', v ?? '')}
          />
        </FormRow>
      </View>

      <View className="card">
        <View className="card__title">研究方向</View>
        <FieldPicker
          idPrefix="researcher"
          fieldCodes={values.fieldCodes}
          subFieldCodes={values.subFieldCodes}
          errors={errors}
          onFieldCodes={(codes) => choose('fieldCodes', codes)}
          onSubFieldCodes={(codes) => choose('subFieldCodes', codes)}
        />
        <TextField
          id="researcher-expertise"
          label="研究专长"
          required
          multiline
          value={values.expertise}
          placeholder="研究方向、代表成果、可提供的技术服务"
          maxlength={500}
          error={errors.expertise}
          onChange={(v) => set('expertise', v)}
          onBlur={() => touch('expertise')}
        />
        <FormRow
          id="researcher-preferredAreaCodes"
          label="意向服务县区/园区"
          error={errors.preferredAreaCodes}
        >
          <ChipGroup
            id="researcher-preferredAreaCodes"
            chipIdPrefix="researcher-area"
            options={areaOptions}
            value={values.preferredAreaCodes}
            multiple
            small
            onChange={(codes) => choose('preferredAreaCodes', codes)}
          />
        </FormRow>
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
