import { describe, expect, it } from 'vitest';
import { changeRequestSchema, claimSubmitSchema, verificationSubmitSchema } from '@kc/domain';
import { pathErrors, toInput } from '../src/forms/form-values';
import { describeFields } from '../src/forms/schema-fields';
import { needsAuthorisation, resubmitInitial, statusTone } from '../src/packages/org/verify/data';
import type { VerificationState } from '../src/packages/org/verify/data';

const FILE = '3f2c8a1e-5b7d-4c9e-8f10-2a3b4c5d6e7f';

function errorsOf(schema: typeof verificationSubmitSchema, values: Record<string, string>) {
  const fields = describeFields(schema);
  const { input, problems } = toInput(fields, values);
  const parsed = schema.safeParse(input);
  return pathErrors(parsed.success ? [] : parsed.error.issues, problems);
}

describe('the 机构认证 form, generated from the domain schema', () => {
  const fields = describeFields(verificationSubmitSchema);

  it('asks for the licence, the legal representative, one’s role and the 授权委托书', () => {
    expect(fields.map((f) => [f.name, f.kind, f.title, f.optional])).toEqual([
      ['licenceKind', 'choice', '证照类型', false],
      ['licenceFileId', 'text', '营业执照或事业单位法人证书', false],
      ['legalRepName', 'text', '法定代表人姓名', false],
      ['actingRole', 'choice', '您在单位中的身份', false],
      ['authorisationFileId', 'text', '授权委托书', true],
    ]);
    expect(fields[0]?.options.map((o) => o.name)).toEqual(['营业执照', '事业单位法人证书']);
    expect(fields[3]?.options.map((o) => o.name)).toEqual([
      '法定代表人',
      '单位负责人或高级管理人员',
      '单位员工（经授权）',
    ]);
  });

  it('shows the 授权委托书 only when someone other than the legal representative acts', () => {
    expect(needsAuthorisation({ actingRole: 'legal-representative' })).toBe(false);
    expect(needsAuthorisation({ actingRole: '' })).toBe(false);
    expect(needsAuthorisation({ actingRole: 'staff' })).toBe(true);
    expect(needsAuthorisation({ actingRole: 'manager' })).toBe(true);
  });

  it('says under the field that the letter is missing, before anything is sent', () => {
    const base = {
      licenceKind: 'business-licence',
      licenceFileId: FILE,
      legalRepName: '陈晓东',
      authorisationFileId: '',
    };
    expect(errorsOf(verificationSubmitSchema, { ...base, actingRole: 'staff' })).toEqual({
      authorisationFileId: '非法定代表人本人办理的，须上传加盖单位公章的授权委托书',
    });
    expect(
      errorsOf(verificationSubmitSchema, { ...base, actingRole: 'legal-representative' }),
    ).toEqual({});
  });

  it('starts a resubmission from the earlier answers, but asks for the files again', () => {
    const state = {
      latest: {
        licenceKind: 'business-licence',
        legalRepName: '陈晓东',
        actingRole: 'staff',
        licenceFile: { id: FILE },
      },
    } as unknown as VerificationState;
    expect(resubmitInitial(state)).toEqual({
      licenceKind: 'business-licence',
      legalRepName: '陈晓东',
      actingRole: 'staff',
    });
    expect(resubmitInitial({ latest: null } as unknown as VerificationState)).toBeUndefined();
  });

  it('colours verified, upheld and approved alike, and pending as waiting', () => {
    expect(['verified', 'approved', 'upheld'].map(statusTone)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    expect(statusTone('pending')).toBe('pending');
    expect(statusTone('unverified')).toBe('draft');
  });
});

describe('the 认领申诉 and 变更申请 forms', () => {
  it('asks the claimant for the code, the licence, their authority, name, phone and statement', () => {
    expect(describeFields(claimSubmitSchema).map((f) => f.name)).toEqual([
      'creditCode',
      'licenceKind',
      'licenceFileId',
      'legalRepName',
      'actingRole',
      'authorisationFileId',
      'claimantName',
      'claimantPhone',
      'statement',
    ]);
  });

  it('refuses a change request that changes nothing', () => {
    const fields = describeFields(changeRequestSchema);
    expect(fields.map((f) => f.title)).toEqual([
      '单位名称',
      '统一社会信用代码',
      '单位类型',
      '变更原因',
      '变更后的证照',
    ]);
    const { input, problems } = toInput(fields, {
      name: '',
      creditCode: '',
      type: '',
      reason: '经核准更名为新名称',
      licenceFileId: FILE,
    });
    const parsed = changeRequestSchema.safeParse(input);
    expect(pathErrors(parsed.success ? [] : parsed.error.issues, problems)._form).toBe(
      '请至少填写一项需要变更的内容',
    );
  });
});
