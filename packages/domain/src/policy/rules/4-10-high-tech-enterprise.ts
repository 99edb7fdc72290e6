import { z } from 'zod';
import { plainString } from '../../validate/safe-text';
import { yuan } from '../../money';
import { yearOf } from '../dates';
import { defineRule } from '../define';
import { normaliseCode } from '../../validate/text';
import { choiceField, dateField, optionalTextField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, PROGRAMMES } from './shared';

export const HIGH_TECH_RECOGNITION_TYPES = [
  { code: 'first', name: '首次认定' },
  { code: 're', name: '再次认定' },
] as const;

/** 高新技术企业证书编号: GR + year (4) + province (2) + serial (6), e.g. GR202634001234. */
const CERTIFICATE_NO = /^GR(\d{4})\d{8}$/;

export const highTechEnterpriseInput = z
  .object(
    {
      recognitionType: choiceField('认定类型', HIGH_TECH_RECOGNITION_TYPES),
      certificateNo: plainString({ error: '请填写高新技术企业证书编号' })
        .transform(normaliseCode)
        .pipe(
          plainString().regex(
            CERTIFICATE_NO,
            '高新技术企业证书编号应为 GR 加 12 位数字，如 GR202634001234',
          ),
        )
        .meta({ title: '高新技术企业证书编号', description: '证书上的编号，如 GR202634001234' }),
      certifiedOn: dateField('发证日期', '证书上的发证日期'),
      previousCertificateNo: optionalTextField('上一次证书编号', {
        max: 14,
        description: '再次认定的，填写上一次高新技术企业证书编号',
      }),
    },
    { error: '请填写申请内容' },
  )
  .superRefine((value, ctx) => {
    const year = CERTIFICATE_NO.exec(value.certificateNo)?.[1];
    if (year && value.certifiedOn.slice(0, 4) !== year) {
      ctx.addIssue({
        code: 'custom',
        path: ['certificateNo'],
        message: `证书编号中的年份 ${year} 与发证日期 ${value.certifiedOn} 不一致`,
      });
    }
    if (value.recognitionType === 're' && !value.previousCertificateNo) {
      ctx.addIssue({
        code: 'custom',
        path: ['previousCertificateNo'],
        message: '再次认定请填写上一次高新技术企业证书编号',
      });
    }
  });

/**
 * 四.10 对首次认定的国家高新技术企业，给予 20 万元奖励，对再次认定的国家高新技术企业，给予
 * 10 万元奖励。
 * First recognition: once per firm, ever. Re-recognition: once per certificate year. A firm is paid
 * at most one high-tech award for any one certificate year.
 */
export const highTechEnterprise = defineRule({
  id: 'high-tech-enterprise',
  clause: '四.10',
  name: '国家高新技术企业认定奖励',
  programme: PROGRAMMES.firms,
  inputSchema: highTechEnterpriseInput,
  formula: {
    kind: 'tier',
    by: 'recognitionType',
    byLabel: '认定类型',
    tiers: {
      first: { label: '首次认定', amount: yuan(200_000) },
      re: { label: '再次认定', amount: yuan(100_000) },
    },
  },
  applicants: { organisationTypes: ['firm'], organisationInsideCity: true },
  suggestFor: {
    qualifications: ['high-tech-enterprise'],
    text: '您已列入国家高新技术企业认定名单（已核验），可申报高新技术企业认定奖励',
  },
  guide: {
    whoMayApply: '获得国家高新技术企业认定的市内企业',
    conditions: [
      '企业在宿州市内注册，取得国家高新技术企业证书',
      '首次认定奖励每家企业只享受一次',
      '再次认定奖励每个认定年度（证书年度）只享受一次',
    ],
    evidence: [
      { kind: 'high-tech-certificate', name: '高新技术企业证书', required: true },
      {
        kind: 'previous-certificate',
        name: '上一次高新技术企业证书',
        required: false,
        note: '再次认定的请提供',
      },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '发证之日',
  },
  eventDates: (input) => [{ label: '发证日期', date: input.certifiedOn }],
  onceOnly: (input, applicant) => {
    const org = keyPart(applicant.id);
    const year = yearOf(input.certifiedOn);
    const perYear = {
      key: `high-tech:${org}:${year}`,
      label: `本企业 ${year} 年度高新技术企业认定奖励`,
    };
    return input.recognitionType === 'first'
      ? [
          {
            key: `high-tech-first:${org}`,
            label: '本企业国家高新技术企业首次认定奖励（每家企业仅一次）',
          },
          perYear,
        ]
      : [perYear];
  },
});
