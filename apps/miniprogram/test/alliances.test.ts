// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import type { MemberUnit, MyAlliance } from '../src/packages/alliances/data';
import { messageTarget } from '../src/pages/messages/links';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';
import type * as Upload from '../src/services/upload';

type UploadModule = typeof Upload;

/** Taro's components as plain tags, so the form runs in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));
/** Picking and sending a file stand in for WeChat's picker and the upload route. */
const CHARTER_ID = '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f';
vi.mock('../src/services/upload', async (original) => ({
  ...(await original<UploadModule>()),
  pickFiles: async () => [{ path: 'wxfile://charter', name: '联盟章程.pdf', size: 2048 }],
  uploadFile: async () => ({
    id: CHARTER_ID,
    sha256: 'a'.repeat(64),
    sizeBytes: 2048,
    mimeType: 'application/pdf',
    originalName: '联盟章程.pdf',
  }),
}));

const { AllianceForm } = await import('../src/packages/alliances/form/AllianceForm');
const { AllianceDetail } = await import('../src/packages/alliances/detail/AllianceDetail');
const { PublicAllianceView } = await import('../src/packages/alliances/item/index');
const data = await import('../src/packages/alliances/data');

const ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const LEAD = { id: '11111111-2222-4333-8444-555555555555', name: '安徽宿氢新能源科技有限公司' };
const UNIVERSITY: MemberUnit = {
  id: '22222222-3333-4444-8555-666666666666',
  name: '宿州创新理工学院',
  type: 'university',
  typeName: '高校',
  areaName: '宿州高新技术产业开发区',
};
const PURPOSE = '联合开展氢能与储能关键技术攻关，共建中试平台，推动成果在宿州转化和产业化。';

const returned = (over: Partial<MyAlliance> = {}) =>
  ({
    id: ID,
    number: 'SZKC-LM-2026-002',
    name: '宿州低碳能源产业技术创新联盟',
    fieldCode: 'low-carbon-energy',
    fieldName: '低碳能源',
    leadOrganisationName: LEAD.name,
    areaName: '埇桥区',
    purpose: PURPOSE,
    members: [
      {
        organisationId: UNIVERSITY.id,
        name: UNIVERSITY.name,
        unitType: 'university',
        unitTypeName: '高校',
      },
      { organisationId: null, name: '合肥工业大学', unitType: 'university', unitTypeName: '高校' },
    ],
    approvedAt: null,
    status: 'returned',
    statusName: '退回修改',
    comment: '请补充成员单位的分工',
    charter: { id: CHARTER_ID, originalName: '章程（盖章）.pdf', sizeBytes: 4096 },
    version: 3,
    createdAt: new Date('2026-11-20T02:00:00Z'),
    updatedAt: new Date('2026-11-21T02:00:00Z'),
    ...over,
  }) as MyAlliance;

describe('the registration’s rules, from the domain', () => {
  it('edits only before the decision or when returned, starting from what was registered', () => {
    expect(data.canEditAlliance({ status: 'submitted' })).toBe(true);
    expect(data.canEditAlliance({ status: 'returned' })).toBe(true);
    expect(data.canEditAlliance({ status: 'approved' })).toBe(false);
    expect(data.canEditAlliance({ status: 'dissolved' })).toBe(false);
    expect(data.allianceFormInitial(null)).toEqual({ members: [] });
    expect(data.allianceFormInitial(returned())).toEqual({
      name: '宿州低碳能源产业技术创新联盟',
      fieldCode: 'low-carbon-energy',
      purpose: PURPOSE,
      members: [
        { organisationId: UNIVERSITY.id, name: UNIVERSITY.name, unitType: 'university' },
        { name: '合肥工业大学', unitType: 'university' },
      ],
      charterFileId: CHARTER_ID,
    });
  });

  it('offers a registered unit only once, and words the registry’s cards', () => {
    expect(data.unitsToOffer([UNIVERSITY], [data.registeredMember(UNIVERSITY)])).toEqual([]);
    expect(
      data.unitsToOffer([UNIVERSITY], [data.namedMember('合肥工业大学', 'university')]),
    ).toEqual([UNIVERSITY]);
    expect(data.registryQuery({ fieldCode: 'low-carbon-energy', q: '  氢能 ' }, 2)).toEqual({
      page: 2,
      pageSize: 10,
      fieldCode: 'low-carbon-energy',
      q: '氢能',
    });
    expect(data.registryQuery({ q: '  ' }, 1)).toEqual({ page: 1, pageSize: 10 });
    const member = (name: string) => ({ name, unitTypeName: '高校' });
    expect(data.membersText([member('甲大学'), member('乙大学')])).toBe(
      '甲大学（高校）、乙大学（高校），共 2 家',
    );
    expect(data.membersText(['甲', '乙', '丙', '丁'].map(member))).toBe(
      '甲（高校）、乙（高校）、丙（高校）等 4 家',
    );
  });

  it('opens a decision’s message on the registration', () => {
    expect(messageTarget({ kind: 'alliance.return', link: { page: 'alliance', id: ID } })).toEqual({
      route: '/packages/alliances/detail/index',
      query: { id: ID },
    });
  });
});

describe('on screen', () => {
  const screen = createScreen();
  const { $, text, render, click, type } = screen;

  const M = 'alliance-form-members';

  it('registers: a unit found on the platform, one typed, no duplicates, not the lead firm, a charter', async () => {
    const seen = fakeApi((path) =>
      path === 'alliances.submit' ? { data: { id: 'a-new' } } : { data: null },
    );
    const searched: string[] = [];
    const saved: string[] = [];
    await render(
      createElement(AllianceForm, {
        alliance: null,
        lead: LEAD,
        onSaved: (id) => saved.push(id),
        search: async (q) => {
          searched.push(q);
          return [UNIVERSITY];
        },
      }),
    );
    expect(text(`${M}-count`)).toBe('已添加 0 家');
    await type('alliance-form-name', '宿州低碳能源产业技术创新联盟');
    await click('alliance-form-fieldCode-low-carbon-energy');
    await type('alliance-form-purpose', PURPOSE);

    // Nothing yet: the list's limit and the missing charter are said, nothing is sent.
    await click('alliance-form-submit');
    expect(text(`${M}-list-error`)).toBe('除牵头单位外，成员单位至少2家');
    expect(text('alliance-form-charterFileId-row-error')).toBe('请上传联盟章程');
    expect(sent(seen, 'alliances.submit')).toEqual([]);

    // A search of one character is not sent; two are.
    await type(`${M}-search`, '理');
    await click(`${M}-search-go`);
    expect(text(`${M}-search-error`)).toBe('请至少输入2个字');
    await type(`${M}-search`, '理工');
    await click(`${M}-search-go`);
    expect(searched).toEqual(['理工']);
    await click(`${M}-unit-${UNIVERSITY.id}`);
    expect(text(`${M}-0-name`)).toBe('宿州创新理工学院');
    // Added once, it is not offered again.
    expect($(`${M}-unit-${UNIVERSITY.id}`)).toBeNull();

    // A typed unit needs its type; the lead firm itself and a unit twice are refused under the row.
    await type(`${M}-new-name`, '合肥工业大学');
    await click(`${M}-add`);
    expect(text(`${M}-new-type-error`)).toBe('请选择单位类型');
    await click(`${M}-new-type-university`);
    await click(`${M}-add`);
    await type(`${M}-new-name`, LEAD.name);
    await click(`${M}-new-type-firm`);
    await click(`${M}-add`);
    expect(text(`${M}-2-error`)).toBe('牵头单位不能同时作为成员单位');
    await click(`${M}-2-remove`);
    await type(`${M}-new-name`, '合肥 工业大学');
    await click(`${M}-new-type-university`);
    await click(`${M}-add`);
    expect(text(`${M}-2-error`)).toBe('成员单位“合肥 工业大学”重复');
    await click(`${M}-2-remove`);
    expect(text(`${M}-count`)).toBe('已添加 2 家');

    await click('evidence-alliance-charter-chat');
    expect(text('alliance-form-charterFileId')).toContain('联盟章程.pdf');
    await click('alliance-form-submit');
    expect(sent(seen, 'alliances.submit')).toEqual([
      {
        name: '宿州低碳能源产业技术创新联盟',
        fieldCode: 'low-carbon-energy',
        purpose: PURPOSE,
        members: [
          { organisationId: UNIVERSITY.id, name: UNIVERSITY.name, unitType: 'university' },
          { name: '合肥工业大学', unitType: 'university' },
        ],
        charterFileId: CHARTER_ID,
      },
    ]);
    expect(saved).toEqual(['a-new']);
  });

  it('corrects a returned registration with its version; a refusal is said in Chinese', async () => {
    let answer: FakeOutcome = {
      error: {
        message: '该联盟登记刚被更新，请刷新后再试',
        code: 'CONFLICT',
        httpStatus: 409,
        appCode: 'STALE_VERSION',
      },
    };
    const seen = fakeApi((path) => (path === 'alliances.update' ? answer : { data: null }));
    const saved: string[] = [];
    await render(
      createElement(AllianceForm, {
        alliance: returned(),
        lead: LEAD,
        onSaved: (id) => saved.push(id),
        search: async () => [],
      }),
    );
    expect(text('alliance-form-returned')).toBe('退回意见：请补充成员单位的分工');
    expect(text(`${M}-count`)).toBe('已添加 2 家');
    expect(text('alliance-form-charterFileId')).toContain('章程（盖章）.pdf');
    await click('alliance-form-submit');
    expect(text('alliance-form-error')).toBe('该联盟登记刚被更新，请刷新后再试');

    answer = {
      error: {
        message: '成员单位“宿州创新理工学院”重复',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
        fieldErrors: { 'alliance.members': ['成员单位“宿州创新理工学院”重复'] },
      },
    };
    await click('alliance-form-submit');
    expect(text(`${M}-list-error`)).toBe('成员单位“宿州创新理工学院”重复');
    expect($('alliance-form-error')).toBeNull();

    answer = { data: { id: ID } };
    await type(`${M}-new-name`, '安徽省能源研究所');
    await click(`${M}-new-type-institute`);
    await click(`${M}-add`);
    await click('alliance-form-submit');
    const updates = sent(seen, 'alliances.update');
    expect(updates).toHaveLength(3);
    expect(updates[2]).toEqual({
      id: ID,
      expectedVersion: 3,
      alliance: {
        name: '宿州低碳能源产业技术创新联盟',
        fieldCode: 'low-carbon-energy',
        purpose: PURPOSE,
        members: [
          { organisationId: UNIVERSITY.id, name: UNIVERSITY.name, unitType: 'university' },
          { name: '合肥工业大学', unitType: 'university' },
          { name: '安徽省能源研究所', unitType: 'institute' },
        ],
        charterFileId: CHARTER_ID,
      },
    });
    expect(saved).toEqual([ID]);
    expect(taroStub.toasts).toContain('已重新提交');
  });

  it('shows the lead firm where it stands: the comment, 修改 for the administrator only', async () => {
    const navigateTo = vi.spyOn(Taro, 'navigateTo');
    await render(createElement(AllianceDetail, { alliance: returned(), admin: true }));
    expect(text('alliance-comment')).toBe('退回意见：请补充成员单位的分工');
    expect(text('alliance-member-0')).toContain('平台认证单位');
    expect(text('alliance-charter')).toBe('章程（盖章）.pdf');
    await click('alliance-edit');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/alliances/form/index?id=${ID}` });

    await render(createElement(AllianceDetail, { alliance: returned(), admin: false }));
    expect($('alliance-edit')).toBeNull();

    await render(
      createElement(AllianceDetail, {
        alliance: returned({ status: 'submitted', statusName: '待审核', comment: null }),
        admin: true,
      }),
    );
    expect(text('alliance-next')).toContain('区县科技局（或市科技局）审核');
    expect(text('alliance-edit')).toBe('修改登记');

    await render(
      createElement(AllianceDetail, {
        alliance: returned({
          status: 'dissolved',
          statusName: '已撤销',
          comment: '联盟已停止运行',
          approvedAt: new Date('2026-11-25T02:00:00Z'),
        }),
        admin: true,
      }),
    );
    expect(text('alliance-comment')).toBe('撤销原因：联盟已停止运行');
    expect($('alliance-edit')).toBeNull();
  });

  it('shows the public an approved alliance without its charter or anyone’s people', async () => {
    await render(
      createElement(PublicAllianceView, {
        alliance: {
          id: ID,
          number: 'SZKC-LM-2026-002',
          name: '宿州低碳能源产业技术创新联盟',
          fieldCode: 'low-carbon-energy',
          fieldName: '低碳能源',
          leadOrganisationName: LEAD.name,
          areaName: '埇桥区',
          purpose: PURPOSE,
          members: [{ name: '合肥工业大学', unitType: 'university', unitTypeName: '高校' }],
          approvedAt: new Date('2026-11-25T02:00:00Z'),
        },
      }),
    );
    expect(text('public-alliance-lead')).toBe(LEAD.name);
    expect(text('public-alliance-charter')).toBe('章程已备案');
    expect(text('public-alliance-members')).toContain('合肥工业大学高校');
  });
});
