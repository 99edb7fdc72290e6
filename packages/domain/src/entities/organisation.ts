import { z } from 'zod';
import {
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_CODES,
  QUALIFICATIONS,
  QUALIFICATION_CODES,
} from '../reference/organisation-types';
import { creditCodeSchema } from '../validate/credit-code';
import { mobileSchema } from '../validate/mobile';
import {
  areaCodeSchema,
  checkSubFieldsWithinFields,
  codeChoice,
  fieldCodesSchema,
  optionalText,
  subFieldCodesSchema,
  text,
} from './shared';

/** An organisation's own profile: firm, university, institute or incubator operator. */
export const organisationProfileSchema = z
  .object({
    type: codeChoice(ORGANISATION_TYPES, ORGANISATION_TYPE_CODES, {
      title: '单位类型',
      error: '请选择单位类型',
    }),
    name: text('单位名称', 2, 100),
    creditCode: creditCodeSchema.meta({
      title: '统一社会信用代码',
      description: '18位，见营业执照或登记证书',
    }),
    areaCode: areaCodeSchema,
    address: optionalText('地址', 200, { title: '详细地址' }),
    fieldCodes: fieldCodesSchema,
    subFieldCodes: subFieldCodesSchema,
    qualifications: z
      .array(
        codeChoice(QUALIFICATIONS, QUALIFICATION_CODES, {
          title: '企业资质',
          error: '未知的企业资质',
        }),
      )
      .default([])
      .transform((codes) => [...new Set(codes)])
      .meta({ title: '企业资质' }),
    contactName: text('联系人姓名', 2, 20),
    contactPhone: mobileSchema.meta({ title: '联系电话', description: '中国大陆手机号码' }),
    intro: optionalText('单位简介', 2000),
  })
  .superRefine(checkSubFieldsWithinFields);

export type OrganisationProfileInput = z.input<typeof organisationProfileSchema>;
export type OrganisationProfile = z.output<typeof organisationProfileSchema>;
