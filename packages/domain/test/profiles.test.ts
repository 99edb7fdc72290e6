import { describe, expect, it } from 'vitest';
import {
  AREAS,
  FIELDS,
  fieldErrorsOf,
  organisationProfileSchema,
  researcherProfileSchema,
} from '../src';

const validFirm = {
  type: 'firm',
  name: '安徽宿氢新能源科技有限公司',
  creditCode: '914403001922038216',
  areaCode: 'sz-etdz',
  fieldCodes: ['low-carbon-energy'],
  subFieldCodes: ['membrane-electrode'],
  qualifications: ['high-tech-enterprise'],
  contactName: '王建国',
  contactPhone: '139 1234 5678',
};

describe('organisation profile', () => {
  it('accepts a valid firm and normalises codes and phone', () => {
    const parsed = organisationProfileSchema.parse({
      ...validFirm,
      creditCode: '９１４４０３００１９２２０３８２１６',
    });
    expect(parsed.creditCode).toBe('914403001922038216');
    expect(parsed.contactPhone).toBe('13912345678');
    expect(parsed.address).toBeUndefined();
  });

  it('reports every wrong field with a Chinese message under its own key', () => {
    const result = organisationProfileSchema.safeParse({
      ...validFirm,
      creditCode: '914403001922038217',
      areaCode: 'hefei',
      contactPhone: '12345',
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.creditCode).toEqual(['统一社会信用代码校验位不正确，请核对后重新输入']);
    expect(errors.areaCode).toEqual(['请选择所在县区或园区']);
    expect(errors.contactPhone).toEqual(['手机号码应为11位，当前为5位']);
  });

  it('asks for a missing name rather than complaining about its length', () => {
    const result = organisationProfileSchema.safeParse({ ...validFirm, name: '   ' });
    expect(fieldErrorsOf(result.error!).name).toEqual(['请填写单位名称']);
    const short = organisationProfileSchema.safeParse({ ...validFirm, name: '宿' });
    expect(fieldErrorsOf(short.error!).name).toEqual(['单位名称至少2个字']);
  });

  it('refuses a sub-field outside the chosen fields', () => {
    const result = organisationProfileSchema.safeParse({
      ...validFirm,
      subFieldCodes: ['gene-editing'],
    });
    expect(fieldErrorsOf(result.error!).subFieldCodes).toEqual(['细分方向须属于所选的产业领域']);
  });
});

describe('researcher profile', () => {
  const valid = {
    name: '李明',
    residentId: '11010519491231002X',
    mobile: '13812345678',
    institutionName: '宿州学院',
    title: 'professor',
    fieldCodes: ['advanced-materials'],
    expertise: '碳纤维复合材料成型工艺',
  };

  it('accepts a valid researcher and treats an empty institution code as absent', () => {
    const parsed = researcherProfileSchema.parse({ ...valid, institutionCreditCode: '' });
    expect(parsed.institutionCreditCode).toBeUndefined();
    expect(parsed.preferredAreaCodes).toEqual([]);
  });

  it('refuses an invalid ID number with its reason', () => {
    const result = researcherProfileSchema.safeParse({
      ...valid,
      residentId: '110105194912310021',
    });
    expect(fieldErrorsOf(result.error!).residentId).toEqual([
      '身份证号码校验位不正确，请核对后重新输入',
    ]);
  });
});

describe('reference data', () => {
  it('has the five fields of the plan and eight areas', () => {
    expect(FIELDS.map((f) => f.name)).toEqual([
      '通用智能',
      '空天信息',
      '低碳能源',
      '生命健康',
      '先进材料',
    ]);
    expect(AREAS.map((a) => a.name)).toContain('宿州马鞍山现代产业园区');
    expect(new Set(FIELDS.flatMap((f) => f.subFields.map((s) => s.code))).size).toBe(
      FIELDS.reduce((n, f) => n + f.subFields.length, 0),
    );
  });
});
