import { describe, expect, it } from 'vitest';
import {
  bankAccountSchema,
  checkRegistrationArea,
  licenceKindRefusal,
  maskAccountNo,
  officerDecisionSchema,
  registrationDivision,
  sameHolderName,
  verificationSubmitSchema,
} from '../../src';

/** Credit codes by their division digits (3–8); the check character is not read here. */
const codeFrom = (division: string, authority = '9') => `${authority}1${division}MA2N0B1C2X`;

describe('the credit code’s division against the area chosen', () => {
  it('accepts a code of the chosen county, or of the city authority, without a flag', () => {
    expect(checkRegistrationArea(codeFrom('341302'), 'yongqiao')).toEqual({ flags: [], notes: [] });
    expect(checkRegistrationArea(codeFrom('341321'), 'dangshan').flags).toEqual([]);
    // Registered with the city itself: fits every area.
    expect(checkRegistrationArea(codeFrom('341300'), 'sixian').flags).toEqual([]);
    // Parks have no division of their own: any Suzhou code fits them.
    expect(checkRegistrationArea(codeFrom('341322'), 'sz-hitech').flags).toEqual([]);
  });

  it('flags a Suzhou code of another county, naming both', () => {
    const check = checkRegistrationArea(codeFrom('341321'), 'yongqiao');
    expect(check.flags).toEqual(['division-mismatch']);
    expect(check.notes).toEqual([
      '统一社会信用代码登记地为砀山县，所选县区为埇桥区，请核实是否迁址或设有分支机构',
    ]);
  });

  it('flags (never refuses) a code registered outside Suzhou as 市外注册, naming the province', () => {
    const beijing = checkRegistrationArea('91110000100017643K', 'yongqiao');
    expect(beijing.flags).toEqual(['outside-city']);
    expect(beijing.notes[0]).toBe(
      '统一社会信用代码登记地为北京市（110000），属市外注册，请核实在宿经营情况',
    );
    // Elsewhere in Anhui is still outside the city.
    expect(checkRegistrationArea(codeFrom('340100'), 'sz-etdz').flags).toEqual(['outside-city']);
    expect(registrationDivision(codeFrom('341399')).name).toBe('宿州市');
  });
});

describe('the licence kind an organisation must show', () => {
  it('asks a firm for its 营业执照 and an institution for the certificate its code calls for', () => {
    expect(licenceKindRefusal('firm', codeFrom('341302'), 'business-licence')).toBeNull();
    expect(licenceKindRefusal('firm', codeFrom('341302'), 'institution-certificate')).toBe(
      '企业请上传营业执照',
    );
    expect(
      licenceKindRefusal('university', codeFrom('341300', '1'), 'institution-certificate'),
    ).toBeNull();
    expect(licenceKindRefusal('university', codeFrom('341300', '1'), 'business-licence')).toBe(
      '统一社会信用代码以“1”开头的单位为事业单位，请上传事业单位法人证书',
    );
    expect(licenceKindRefusal('institute', codeFrom('341302'), 'institution-certificate')).toBe(
      '统一社会信用代码以“9”开头的单位由市场监管部门登记，请上传营业执照',
    );
  });
});

describe('submitting for verification', () => {
  const base = {
    licenceKind: 'business-licence',
    licenceFileId: '3f2c6a4e-8d1b-4c7a-9e2f-5b6d7c8e9f01',
    legalRepName: '周启衡',
  } as const;

  it('needs no 授权委托书 from the legal representative in person, and one from anyone else', () => {
    expect(
      verificationSubmitSchema.safeParse({ ...base, actingRole: 'legal-representative' }).success,
    ).toBe(true);
    const agent = verificationSubmitSchema.safeParse({ ...base, actingRole: 'manager' });
    expect(agent.success).toBe(false);
    expect(agent.error?.issues).toEqual([
      expect.objectContaining({
        path: ['authorisationFileId'],
        message: '非法定代表人本人办理的，须上传加盖单位公章的授权委托书',
      }),
    ]);
  });

  it('refuses a rejection without a reason of at least 5 characters', () => {
    expect(officerDecisionSchema.safeParse({ decision: 'approve' }).success).toBe(true);
    const bare = officerDecisionSchema.safeParse({ decision: 'reject', reason: '不行' });
    expect(bare.error?.issues[0]?.message).toBe('不予通过须说明理由（不少于5个字）');
  });
});

describe('the bank account form', () => {
  const form = {
    holder: '安徽宿氢新能源科技有限公司',
    bankName: '中国工商银行',
    branchName: '宿州分行营业部',
  };
  const messages = (input: object) =>
    bankAccountSchema.safeParse({ ...form, ...input }).error?.issues.map((i) => i.message) ?? [];

  it('takes 8–32 digits typed twice; spaces and full-width digits are folded', () => {
    const parsed = bankAccountSchema.parse({
      ...form,
      accountNo: '1317 0001 0920 0123 456',
      accountNoConfirm: '１３１７０００１０９２００１２３４５６',
    });
    expect(parsed.accountNo).toBe('1317000109200123456');
    expect(parsed.accountNoConfirm).toBe('1317000109200123456');
    expect(messages({ accountNo: '12345678', accountNoConfirm: '12345678' })).toEqual([]);
    expect(messages({ accountNo: '1'.repeat(32), accountNoConfirm: '1'.repeat(32) })).toEqual([]);
  });

  it('refuses letters, fewer than 8 or more than 32 digits, and two numbers that differ', () => {
    expect(messages({ accountNo: '6222A0001', accountNoConfirm: '6222A0001' })).toContain(
      '银行账号只能包含数字',
    );
    expect(messages({ accountNo: '1234567', accountNoConfirm: '1234567' })).toContain(
      '银行账号应为8–32位数字',
    );
    expect(messages({ accountNo: '1'.repeat(33), accountNoConfirm: '1'.repeat(33) })).toContain(
      '银行账号应为8–32位数字',
    );
    expect(messages({ accountNo: '62220001', accountNoConfirm: '62220002' })).toEqual([
      '两次输入的银行账号不一致',
    ]);
  });

  it('compares holders without spaces or bracket width, and masks all but the last 4 digits', () => {
    expect(sameHolderName('宿州某（集团）有限公司', '宿州某(集团) 有限公司')).toBe(true);
    expect(sameHolderName('宿州启衡贸易有限公司', '宿州启衡氢能装备有限公司')).toBe(false);
    expect(maskAccountNo('1317000109200123456')).toBe('****3456');
    expect(maskAccountNo('123')).toBe('****');
  });
});
