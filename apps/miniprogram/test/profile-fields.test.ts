import { describe, expect, it } from 'vitest';
import { AREAS, organisationProfileSchema, researcherProfileSchema } from '@kc/domain';
import { fromInput, toInput } from '../src/forms/form-values';
import { controlId, describeFields } from '../src/forms/schema-fields';

/** The registration forms are described from the domain's profile schemas, like rule forms. */
describe('profile forms from the domain schemas', () => {
  const org = Object.fromEntries(describeFields(organisationProfileSchema).map((f) => [f.name, f]));
  const researcher = Object.fromEntries(
    describeFields(researcherProfileSchema).map((f) => [f.name, f]),
  );

  it('reads titles, controls and options from the schema metadata', () => {
    expect(org.type).toMatchObject({ kind: 'choice', title: '单位类型', optional: false });
    expect(org.type?.options.map((o) => o.name)).toEqual([
      '企业',
      '高校',
      '科研院所',
      '孵化器运营机构',
    ]);
    expect(org.areaCode?.options).toEqual(AREAS.map(({ code, name }) => ({ code, name })));
    expect(org.creditCode).toMatchObject({ kind: 'text', title: '统一社会信用代码' });
    expect(org.address).toMatchObject({ kind: 'text', title: '详细地址', optional: true });
    expect(org.intro).toMatchObject({ kind: 'textarea', optional: true });
    expect(org.qualifications?.options.map((o) => o.name)).toContain('高新技术企业');
    expect(
      researcher.title?.options.find((o) => o.code === 'senior-engineer-professor')?.name,
    ).toBe('正高级工程师');
    expect(researcher.residentId?.description).toContain('脱敏');
    expect(researcher.expertise?.kind).toBe('textarea');
  });

  it('marks a multiple choice required only when an empty selection is refused', () => {
    expect(org.fieldCodes).toMatchObject({ kind: 'multi-choice', optional: false });
    expect(org.subFieldCodes).toMatchObject({ kind: 'multi-choice', optional: true });
    expect(researcher.preferredAreaCodes).toMatchObject({ kind: 'multi-choice', optional: true });
  });

  it('turns a stored profile into form values and back, leaving blanks out', () => {
    const fields = describeFields(organisationProfileSchema);
    const values = fromInput(fields, {
      type: 'firm',
      name: '宿州示范科技有限公司',
      address: null,
      fieldCodes: ['life-health'],
      contactPhone: '13912345678',
    });
    expect(values.address).toBe('');
    expect(values.qualifications).toEqual([]);
    const { input } = toInput(fields, values);
    expect(input).not.toHaveProperty('address');
    expect(input).toMatchObject({ type: 'firm', fieldCodes: ['life-health'] });
  });

  it('names controls by field unless an override renames them', () => {
    expect(controlId('org', 'name')).toBe('org-name');
    expect(controlId('org', 'areaCode', { areaCode: { id: 'area' } })).toBe('org-area');
  });
});
