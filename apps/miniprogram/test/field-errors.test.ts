import { creditCodeCheckChar, organisationProfileSchema } from '@kc/domain';
import { describe, expect, it } from 'vitest';
import {
  firstMessagePerField,
  issuesToFieldErrors,
  visibleErrors,
} from '../src/forms/field-errors';

const emptyOrganisation = {
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

function validCreditCode(first17 = '91341302MA2N0B1C2') {
  return first17 + creditCodeCheckChar(first17);
}

describe('form errors from the domain schema', () => {
  it('asks for every required organisation field, in Chinese, and leaves optional ones alone', () => {
    const result = organisationProfileSchema.safeParse(emptyOrganisation);
    expect(result.success).toBe(false);
    const errors = issuesToFieldErrors(result.success ? [] : result.error.issues);
    expect(Object.keys(errors).sort()).toEqual([
      'areaCode',
      'contactName',
      'contactPhone',
      'creditCode',
      'fieldCodes',
      'name',
      'type',
    ]);
    expect(errors.type).toBe('请选择单位类型');
    expect(errors.creditCode).toBe('请填写统一社会信用代码');
    expect(errors.fieldCodes).toBe('请至少选择一个产业领域');
    expect(errors.contactPhone).toBe('请填写手机号码');
  });

  it('reports a wrong check character under the credit code field', () => {
    const code = validCreditCode();
    const wrongLast = code.endsWith('0') ? '1' : '0';
    const result = organisationProfileSchema.safeParse({
      ...emptyOrganisation,
      creditCode: code.slice(0, 17) + wrongLast,
    });
    const errors = issuesToFieldErrors(result.success ? [] : result.error.issues);
    expect(errors.creditCode).toContain('校验位不正确');
  });

  it('accepts a complete organisation and normalises what was typed', () => {
    const result = organisationProfileSchema.safeParse({
      ...emptyOrganisation,
      type: 'firm',
      name: '宿州示范科技有限公司',
      creditCode: validCreditCode().toLowerCase(),
      areaCode: 'yongqiao',
      fieldCodes: ['life-health'],
      contactName: '张三',
      contactPhone: '139 1234 5678',
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.creditCode).toBe(validCreditCode());
    expect(result.data.contactPhone).toBe('13912345678');
    expect(result.data.address).toBeUndefined();
  });

  it('keeps one line per field: the first message, with list items folded into their list', () => {
    const errors = issuesToFieldErrors([
      { path: ['fieldCodes', 2], message: '未知的产业领域' },
      { path: ['fieldCodes'], message: '最多选择5个产业领域' },
      { path: [], message: '整体有误' },
    ]);
    expect(errors).toEqual({ fieldCodes: '未知的产业领域', _form: '整体有误' });
  });

  it("maps the server's fieldErrors (keys possibly dotted) to one message per field", () => {
    expect(
      firstMessagePerField({
        creditCode: ['该统一社会信用代码已被其他账号注册'],
        'fieldCodes.0': ['未知的产业领域'],
        name: [],
        '': ['整体有误'],
      }),
    ).toEqual({
      creditCode: '该统一社会信用代码已被其他账号注册',
      fieldCodes: '未知的产业领域',
      _form: '整体有误',
    });
    expect(firstMessagePerField(undefined)).toEqual({});
  });

  it('shows an error only once its field was left, and all of them after a submit attempt', () => {
    const errors = { name: '请填写单位名称', creditCode: '请填写统一社会信用代码' };
    expect(visibleErrors(errors, new Set(), false)).toEqual({});
    expect(visibleErrors(errors, new Set(['name']), false)).toEqual({ name: '请填写单位名称' });
    expect(visibleErrors(errors, new Set(), true)).toEqual(errors);
  });
});
