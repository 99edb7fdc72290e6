import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AREAS,
  FIELDS,
  ORGANISATION_TYPES,
  QUALIFICATIONS,
  RESEARCHER_TITLES,
  fieldMeta,
  objectSchemaOf,
  organisationProfileSchema,
  researcherProfileSchema,
} from '../src';

/** The metadata the mini-program builds its registration forms from. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const object = objectSchemaOf(schema);
  if (!object) throw new Error('not an object schema');
  return object.shape as Record<string, z.ZodType>;
}

function elementOf(schema: z.ZodType): z.ZodType {
  let s = schema as unknown as { in?: z.ZodType; unwrap?: () => z.ZodType; element?: z.ZodType };
  for (let i = 0; i < 5 && !s.element; i++) {
    s = (s.in ?? s.unwrap?.()) as typeof s;
  }
  if (!s.element) throw new Error('not an array schema');
  return s.element;
}

const names = (list: readonly { code: string; name: string }[]) =>
  Object.fromEntries(list.map((o) => [o.code, o.name]));

describe('profile schema metadata', () => {
  it('gives every field of both profiles a Chinese title', () => {
    for (const schema of [organisationProfileSchema, researcherProfileSchema]) {
      for (const [key, field] of Object.entries(shapeOf(schema))) {
        const title = fieldMeta(field)?.title;
        expect(title, key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('titles the organisation fields as the form shows them', () => {
    const titles = Object.fromEntries(
      Object.entries(shapeOf(organisationProfileSchema)).map(([k, f]) => [k, fieldMeta(f)?.title]),
    );
    expect(titles).toEqual({
      type: '单位类型',
      name: '单位名称',
      creditCode: '统一社会信用代码',
      areaCode: '所在县区/园区',
      address: '详细地址',
      fieldCodes: '产业领域',
      subFieldCodes: '细分方向',
      qualifications: '企业资质',
      contactName: '联系人姓名',
      contactPhone: '联系电话',
      intro: '单位简介',
    });
  });

  it('labels choices from the reference lists, so no form repeats a list', () => {
    const org = shapeOf(organisationProfileSchema);
    const researcher = shapeOf(researcherProfileSchema);
    expect(fieldMeta(org.type!)?.labels).toEqual(names(ORGANISATION_TYPES));
    expect(fieldMeta(org.areaCode!)?.labels).toEqual(names(AREAS));
    expect(fieldMeta(elementOf(org.fieldCodes!))?.labels).toEqual(names(FIELDS));
    expect(fieldMeta(elementOf(org.subFieldCodes!))?.labels).toEqual(
      names(FIELDS.flatMap((f): readonly { code: string; name: string }[] => f.subFields)),
    );
    expect(fieldMeta(elementOf(org.qualifications!))?.labels).toEqual(names(QUALIFICATIONS));
    expect(fieldMeta(researcher.title!)?.labels).toEqual(names(RESEARCHER_TITLES));
    expect(fieldMeta(elementOf(researcher.preferredAreaCodes!))?.labels).toEqual(names(AREAS));
  });

  it('says why the ID number is asked for, and keeps the refusal messages as they were', () => {
    const researcher = shapeOf(researcherProfileSchema);
    expect(fieldMeta(researcher.residentId!)?.description).toContain('脱敏');
    const result = researcherProfileSchema.safeParse({});
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
    );
    expect(messages).toMatchObject({
      name: '请填写姓名',
      residentId: '请填写身份证号码',
      mobile: '请填写手机号码',
      title: '请选择职称',
      fieldCodes: '请选择产业领域',
    });
    const org = organisationProfileSchema.safeParse({ address: 'x'.repeat(201) });
    const orgMessages = Object.fromEntries(
      (org.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
    );
    expect(orgMessages).toMatchObject({
      type: '请选择单位类型',
      areaCode: '请选择所在县区或园区',
      address: '地址不能超过200个字',
    });
  });
});
