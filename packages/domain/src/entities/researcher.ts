import { z } from 'zod';
import { RESEARCHER_TITLES, RESEARCHER_TITLE_CODES } from '../reference/titles';
import { optionalCreditCodeSchema } from '../validate/credit-code';
import { mobileSchema } from '../validate/mobile';
import { residentIdSchema } from '../validate/resident-id';
import {
  areaCodeSchema,
  checkSubFieldsWithinFields,
  codeChoice,
  fieldCodesSchema,
  subFieldCodesSchema,
  text,
} from './shared';

/** A researcher's own profile (科研人员). The ID number is checked here and stored only hashed + masked. */
export const researcherProfileSchema = z
  .object({
    name: text('姓名', 2, 20),
    residentId: residentIdSchema.meta({
      title: '身份证号码',
      description: '仅用于身份核验，平台只保存脱敏后的号码',
    }),
    mobile: mobileSchema.meta({ title: '手机号码', description: '中国大陆手机号码' }),
    institutionName: text('工作单位', 2, 100),
    institutionCreditCode: optionalCreditCodeSchema.meta({ title: '单位统一社会信用代码' }),
    title: codeChoice(RESEARCHER_TITLES, RESEARCHER_TITLE_CODES, {
      title: '职称',
      error: '请选择职称',
    }),
    fieldCodes: fieldCodesSchema,
    subFieldCodes: subFieldCodesSchema,
    expertise: text('研究专长', 2, 500),
    preferredAreaCodes: z
      .array(areaCodeSchema)
      .max(8, '最多选择8个县区或园区')
      .default([])
      .meta({ title: '意向服务县区/园区', description: '最多8个' }),
  })
  .superRefine(checkSubFieldsWithinFields);

export type ResearcherProfileInput = z.input<typeof researcherProfileSchema>;
export type ResearcherProfile = z.output<typeof researcherProfileSchema>;
