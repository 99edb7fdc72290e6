import { describe, expect, it } from 'vitest';
import {
  ALLIANCE_DECISIONS,
  allianceDecisionsFor,
  allianceEditable,
  allianceMemberProblems,
  allianceSchema,
  allianceSchemaFor,
  allianceStatusName,
  auditActionName,
  auditObjectTypeName,
} from '../../src';

/** 创新联盟 (plan 四.4): one schema for the form, the API and the stored row. */
const CHARTER = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const LEAD = { id: '11111111-2222-4333-8444-555555555555', name: '安徽宿氢新能源科技有限公司' };
const valid = {
  name: '宿州低碳能源产业技术创新联盟',
  fieldCode: 'low-carbon-energy',
  purpose: '联合开展氢能与储能关键技术攻关，共建中试平台，推动成果在宿州转化。',
  members: [
    { name: '合肥工业大学', unitType: 'university' },
    { name: '安徽省能源研究所', unitType: 'institute' },
  ],
  charterFileId: CHARTER,
};

const messages = (input: unknown, schema = allianceSchema) => {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('allianceSchema', () => {
  it('accepts a complete registration, trimming the text', () => {
    const parsed = allianceSchema.parse({ ...valid, name: `  ${valid.name} ` });
    expect(parsed.name).toBe(valid.name);
    expect(parsed.members).toHaveLength(2);
  });

  it('says in Chinese what is missing or out of range', () => {
    expect(
      messages({ ...valid, name: '联盟', fieldCode: 'mining', purpose: '太短', charterFileId: '' }),
    ).toEqual({
      name: '联盟名称至少4个字',
      fieldCode: expect.stringMatching(/^请选择未来产业方向/),
      purpose: '联盟宗旨与主要任务至少20个字',
      charterFileId: '请上传联盟章程',
    });
    expect(messages({ ...valid, members: [valid.members[0]] })).toEqual({
      members: '除牵头单位外，成员单位至少2家',
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `单位${i}`, unitType: 'firm' }));
    expect(messages({ ...valid, members: many })).toEqual({ members: '成员单位不超过50家' });
    expect(
      messages({ ...valid, members: [...valid.members, { name: '某协会', unitType: 'society' }] }),
    ).toEqual({ 'members.2.unitType': expect.stringMatching(/^请选择单位类型/) });
    expect(allianceSchema.safeParse({ ...valid, members: many.slice(0, 50) }).success).toBe(true);
  });

  it('refuses a unit twice, under the later row, whatever the spacing or width', () => {
    expect(
      messages({
        ...valid,
        members: [...valid.members, { name: '合肥 工业大学', unitType: 'university' }],
      }),
    ).toEqual({ 'members.2.name': '成员单位“合肥 工业大学”重复' });
    const id = '22222222-3333-4444-8555-666666666666';
    expect(
      messages({
        ...valid,
        members: [
          { organisationId: id, name: '宿州学院', unitType: 'university' },
          { organisationId: id, name: '宿州学院（重选）', unitType: 'university' },
        ],
      }),
    ).toEqual({ 'members.1.name': '成员单位“宿州学院（重选）”重复' });
    // Said while the rest of the form is still empty, as the form shows it row by row.
    expect(
      messages({ members: [...valid.members, { name: '合肥工业大学', unitType: 'university' }] }),
    ).toMatchObject({
      name: '请填写联盟名称',
      charterFileId: '请上传联盟章程',
      'members.2.name': '成员单位“合肥工业大学”重复',
    });
  });

  it('knowing the lead firm, refuses it among its own members, picked or typed', () => {
    const lead = allianceSchemaFor(LEAD);
    expect(
      messages(
        {
          ...valid,
          members: [...valid.members, { organisationId: LEAD.id, name: '别名', unitType: 'firm' }],
        },
        lead,
      ),
    ).toEqual({ 'members.2.name': '牵头单位不能同时作为成员单位' });
    expect(
      messages(
        { ...valid, members: [{ name: ` ${LEAD.name}`, unitType: 'firm' }, ...valid.members] },
        lead,
      ),
    ).toEqual({ 'members.0.name': '牵头单位不能同时作为成员单位' });
    expect(lead.safeParse(valid).success).toBe(true);
  });
});

describe('allianceMemberProblems', () => {
  it('names every problem once, by position', () => {
    expect(
      allianceMemberProblems(
        [
          { name: 'Ａ大学' },
          { name: 'A大学' },
          { name: LEAD.name },
          { name: 'B研究所' },
          { name: 'A 大学' },
        ],
        LEAD,
      ),
    ).toEqual([
      { index: 1, message: '成员单位“A大学”重复' },
      { index: 2, message: '牵头单位不能同时作为成员单位' },
      { index: 4, message: '成员单位“A 大学”重复' },
    ]);
  });
});

describe('the decisions', () => {
  it('approve or return what waits, dissolve what was approved, nothing else', () => {
    expect(allianceDecisionsFor('submitted')).toEqual(['approve', 'return']);
    expect(allianceDecisionsFor('approved')).toEqual(['dissolve']);
    expect(allianceDecisionsFor('returned')).toEqual([]);
    expect(allianceDecisionsFor('dissolved')).toEqual([]);
    expect(ALLIANCE_DECISIONS.return.comment).toBe('请写明需要修改的内容');
    expect(ALLIANCE_DECISIONS.dissolve.comment).toBe('请写明撤销的原因');
    expect(ALLIANCE_DECISIONS.approve.comment).toBeNull();
  });

  it('lets the lead firm edit only before the decision or when returned', () => {
    expect(['submitted', 'returned', 'approved', 'dissolved'].map(allianceEditable)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(allianceStatusName('approved')).toBe('已通过');
  });

  it('names every action and the record in the audit log', () => {
    expect(auditActionName('alliance.submit')).toBe('登记创新联盟（待审核）');
    expect(auditActionName('alliance.update')).toBe('修改创新联盟登记');
    expect(auditActionName('alliance.return')).toBe('创新联盟：退回修改');
    expect(auditActionName('alliance.dissolve')).toBe('创新联盟：撤销');
    expect(auditActionName('alliance.unknown')).toBeNull();
    expect(auditObjectTypeName('alliance')).toBe('创新联盟');
  });
});
