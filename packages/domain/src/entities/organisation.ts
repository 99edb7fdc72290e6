import { z } from 'zod';
import { ORGANISATION_TYPE_CODES, QUALIFICATION_CODES } from '../reference/organisation-types';
import { creditCodeSchema } from '../validate/credit-code';
import { mobileSchema } from '../validate/mobile';
import {
  areaCodeSchema,
  checkSubFieldsWithinFields,
  fieldCodesSchema,
  optionalText,
  subFieldCodesSchema,
  text,
} from './shared';

/** An organisation's own profile: firm, university, institute or incubator operator. */
export const organisationProfileSchema = z
  .object({
    type: z.enum(ORGANISATION_TYPE_CODES, { error: '请选择单位类型' }),
    name: text('单位名称', 2, 100),
    creditCode: creditCodeSchema,
    areaCode: areaCodeSchema,
    address: optionalText('地址', 200),
    fieldCodes: fieldCodesSchema,
    subFieldCodes: subFieldCodesSchema,
    qualifications: z
      .array(z.enum(QUALIFICATION_CODES, { error: '未知的企业资质' }))
      .default([])
      .transform((codes) => [...new Set(codes)]),
    contactName: text('联系人姓名', 2, 20),
    contactPhone: mobileSchema,
    intro: optionalText('单位简介', 2000),
  })
  .superRefine(checkSubFieldsWithinFields);

export type OrganisationProfileInput = z.input<typeof organisationProfileSchema>;
export type OrganisationProfile = z.output<typeof organisationProfileSchema>;
