import { describe, expect, it } from 'vitest';
import { bankAccountSchema, organisationDocumentSchema } from '@kc/domain';
import { evidenceRefs } from '../src/components/evidence-items';
import { pathErrors, toInput } from '../src/forms/form-values';
import { describeFields } from '../src/forms/schema-fields';
import type { EvidenceOffers, ExistingApplication } from '../src/packages/apply/form/evidence';
import { initialEvidence, savableKinds } from '../src/packages/apply/form/evidence';

describe('the 收款账户 form, generated from the domain schema', () => {
  const fields = describeFields(bankAccountSchema);

  it('asks for the holder, bank, branch, the number twice and, on a change, the last 4 digits', () => {
    expect(fields.map((f) => [f.name, f.title, f.optional])).toEqual([
      ['holder', '开户名称', false],
      ['bankName', '开户银行', false],
      ['branchName', '开户网点', false],
      ['accountNo', '银行账号', false],
      ['accountNoConfirm', '确认银行账号', false],
      ['currentLast4', '当前账号后4位', true],
    ]);
  });

  it('says under the second box that the two numbers differ, before anything is sent', () => {
    const { input, problems } = toInput(fields, {
      holder: '宿州云启智能科技有限公司',
      bankName: '中国工商银行',
      branchName: '宿州分行营业部',
      accountNo: '6222 0213 1300 0004 567',
      accountNoConfirm: '6222021313000004568',
      currentLast4: '',
    });
    const parsed = bankAccountSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = pathErrors(parsed.success ? [] : parsed.error.issues, problems);
    expect(errors.accountNoConfirm).toBe('两次输入的银行账号不一致');
    expect(errors.accountNo).toBeUndefined();
  });
});

describe('the 资料库 form', () => {
  it('asks for the kind, the file and, where the kind takes one, the validity date', () => {
    const fields = describeFields(organisationDocumentSchema);
    expect(fields.map((f) => [f.name, f.kind, f.optional])).toEqual([
      ['kind', 'choice', false],
      ['fileId', 'text', false],
      ['validUntil', 'date', true],
    ]);
    expect(fields[0]?.options.map((o) => o.name)).toContain('信用承诺书（年度）');
  });
});

const COMMITMENT_OFFER = {
  kind: 'credit-commitment',
  name: '申报单位信用承诺书',
  required: true,
  offer: {
    source: 'library' as const,
    ref: { kind: 'credit-commitment', documentId: '00000000-0000-4000-8000-00000000d0c2' },
    label: '使用资料库中的信用承诺书（有效期至 2026-12-31）',
    validUntil: '2026-12-31',
    fileId: '00000000-0000-4000-8000-00000000f11e',
    originalName: '承诺书.pdf',
  },
  uploadReason: null,
};
const ACCOUNT_OFFER = {
  kind: 'bank-account',
  name: '收款账户信息',
  required: true,
  offer: {
    source: 'bank-account' as const,
    ref: { kind: 'bank-account', bankAccount: true as const },
    label: '使用已登记的收款账户 ****4567',
    validUntil: null,
    fileId: null,
    originalName: null,
  },
  uploadReason: null,
};
const UPLOAD_ONLY = {
  kind: 'case-summary',
  name: '案例材料',
  required: true,
  offer: null,
  uploadReason: null,
};

describe('evidence the 资料库 and the registered account supply', () => {
  it('a new application starts with the library commitment and the account chosen', () => {
    const offers: EvidenceOffers = [UPLOAD_ONLY, COMMITMENT_OFFER, ACCOUNT_OFFER];
    const items = initialEvidence(null, offers);
    expect(items.map((i) => [i.kind, i.source, i.name])).toEqual([
      ['credit-commitment', 'library', '使用资料库中的信用承诺书（有效期至 2026-12-31）'],
      ['bank-account', 'bank-account', '使用已登记的收款账户 ****4567'],
    ]);
    expect(evidenceRefs(items)).toEqual([COMMITMENT_OFFER.offer.ref, ACCOUNT_OFFER.offer.ref]);
  });

  it('a draft keeps its uploads; a reference the library can no longer supply is dropped', () => {
    const expired = {
      ...COMMITMENT_OFFER,
      offer: null,
      uploadReason: '资料库中的信用承诺书已过有效期（有效期至 2026-12-31），请重新上传',
    };
    const existing = {
      evidence: [
        {
          kind: 'bank-account',
          source: 'upload',
          ref: { kind: 'bank-account', fileId: '00000000-0000-4000-8000-0000000000b1' },
          fileId: '00000000-0000-4000-8000-0000000000b1',
          originalName: '开户许可证.jpg',
          kindName: '收款账户信息',
          note: null,
          sourceLabel: '本次上传',
          sizeBytes: 2048,
        },
        {
          kind: 'credit-commitment',
          source: 'library',
          ref: COMMITMENT_OFFER.offer.ref,
          fileId: COMMITMENT_OFFER.offer.fileId,
          originalName: '承诺书.pdf',
          kindName: '申报单位信用承诺书',
          note: '资料库 信用承诺书 有效期至 2026-12-31',
          sourceLabel: '单位资料库',
          sizeBytes: 2048,
        },
      ],
    } as unknown as ExistingApplication;
    const items = initialEvidence(existing, [expired, ACCOUNT_OFFER]);
    // The upload chosen instead of the account stays an upload; the expired reference goes.
    expect(items.map((i) => [i.kind, i.source])).toEqual([['bank-account', 'upload']]);
    // Only a member's yearly commitment or account proof may be kept in the library.
    expect(savableKinds([expired, ACCOUNT_OFFER, UPLOAD_ONLY])).toEqual([
      'credit-commitment',
      'bank-account',
    ]);
  });
});
