import { z } from 'zod';
import { plainString } from '../validate/safe-text';
import { AREA_CODES } from '../reference/areas';
import { ORGANISATION_TYPE_CODES, QUALIFICATION_CODES } from '../reference/organisation-types';

/**
 * The applicant as the engine needs it. The API builds it from the stored profile; the CLI reads it
 * from its JSON file. Validated here so a typo cannot silently make a firm "outside the city".
 */
export const awardApplicantSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('organisation'),
      id: plainString({ error: '请提供申请单位编号' }).min(1, '请提供申请单位编号'),
      name: plainString({ error: '请提供申请单位名称' }).min(1, '请提供申请单位名称'),
      type: z.enum(ORGANISATION_TYPE_CODES, { error: '未知的单位类型' }),
      areaCode: z.enum(AREA_CODES, { error: '未知的县区或园区' }).nullable().default(null),
      insideCity: z.boolean({ error: '请说明申请单位是否在宿州市内注册（insideCity）' }),
      qualifications: z.array(z.enum(QUALIFICATION_CODES, { error: '未知的企业资质' })).default([]),
    }),
    z.object({
      kind: z.literal('researcher'),
      id: plainString({ error: '请提供申请人编号' }).min(1, '请提供申请人编号'),
      name: plainString({ error: '请提供申请人姓名' }).min(1, '请提供申请人姓名'),
      insideCity: z.boolean().default(false),
    }),
  ],
  { error: '申请主体类型应为 organisation（单位）或 researcher（团队负责人）' },
);
