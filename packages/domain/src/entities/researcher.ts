import { z } from 'zod';
import { RESEARCHER_TITLE_CODES } from '../reference/titles';
import { creditCodeSchema } from '../validate/credit-code';
import { mobileSchema } from '../validate/mobile';
import { residentIdSchema } from '../validate/resident-id';
import {
  areaCodeSchema,
  checkSubFieldsWithinFields,
  fieldCodesSchema,
  subFieldCodesSchema,
  text,
} from './shared';

/** A researcher's own profile (科研人员). The ID number is checked here and stored only hashed + masked. */
export const researcherProfileSchema = z
  .object({
    name: text('姓名', 2, 20),
    residentId: residentIdSchema,
    mobile: mobileSchema,
    institutionName: text('工作单位', 2, 100),
    institutionCreditCode: z
      .union([z.literal(''), creditCodeSchema])
      .optional()
      .transform((v) => (v ? v : undefined)),
    title: z.enum(RESEARCHER_TITLE_CODES, { error: '请选择职称' }),
    fieldCodes: fieldCodesSchema,
    subFieldCodes: subFieldCodesSchema,
    expertise: text('研究专长', 2, 500),
    preferredAreaCodes: z.array(areaCodeSchema).max(8).default([]),
  })
  .superRefine(checkSubFieldsWithinFields);

export type ResearcherProfileInput = z.input<typeof researcherProfileSchema>;
export type ResearcherProfile = z.output<typeof researcherProfileSchema>;
