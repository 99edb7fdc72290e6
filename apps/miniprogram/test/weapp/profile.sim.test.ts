import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeTrpcServer } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;

describe('我的 page, compiled for WeChat and run in the simulator', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.navigations.length = 0;
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
  });

  it('shows an organisation in the bureau’s words, with the contact phone masked', async () => {
    const server = fakeTrpcServer(() => ({
      data: {
        type: 'organisation',
        organisation: {
          id: 'o1',
          type: 'firm',
          name: '宿州示范科技有限公司',
          creditCode: '91341302MA2N0B1C2X',
          areaCode: 'sz-hitech',
          address: null,
          fieldCodes: ['life-health', 'advanced-materials'],
          subFieldCodes: ['tcm'],
          qualifications: ['high-tech-enterprise'],
          contactName: '张三',
          contactPhone: '13912345678',
          intro: null,
          verificationStatus: 'verified',
          verificationStatusLabel: '已认证',
          legalRepresentative: '张三',
          version: 1,
        },
        membership: { role: 'admin', roleLabel: '管理员' },
      },
    }));
    sim.onRequest = (req) => server.respond(req);
    const page = await sim.openPage('pages/profile/index');
    expect(page.text('#profile-name')).toBe('宿州示范科技有限公司');
    expect(page.text('#profile-area')).toBe('宿州高新技术产业开发区');
    expect(page.text('#profile-fields')).toBe('生命健康先进材料');
    expect(page.text('#profile-contactPhone')).toBe('139****5678');
    expect(page.text()).not.toContain('13912345678');
  });

  it('shows a researcher with the ID number and mobile masked', async () => {
    const server = fakeTrpcServer(() => ({
      data: {
        type: 'researcher',
        researcher: {
          id: 'r1',
          name: '王五',
          residentIdMasked: '341302********1234',
          mobile: '13812345678',
          institutionName: '宿州学院',
          institutionCreditCode: null,
          title: 'professor',
          fieldCodes: ['general-intelligence'],
          subFieldCodes: [],
          expertise: '机器视觉',
          preferredAreaCodes: [],
        },
      },
    }));
    sim.onRequest = (req) => server.respond(req);
    const page = await sim.openPage('pages/profile/index');
    expect(page.text('#profile-name')).toBe('王五');
    expect(page.text('#profile-residentId')).toBe('341302********1234');
    expect(page.text('#profile-mobile')).toBe('138****5678');
    expect(page.text('#profile-title')).toBe('教授');
  });

  it('offers the 专家库 with where one stands, or the invitation to apply', async () => {
    let expert: unknown = null;
    const server = fakeTrpcServer((path) => {
      if (path === 'experts.mine') return { data: expert };
      if (path === 'selection.reviews.mine')
        return {
          data: [
            { assignmentId: 'a1', status: 'invited', panelClosed: false },
            { assignmentId: 'a2', status: 'invited', panelClosed: true },
            { assignmentId: 'a3', status: 'accepted', panelClosed: false },
          ],
        };
      if (path === 'profile.mine')
        return {
          data: {
            type: 'researcher',
            researcher: {
              id: 'r1',
              name: '王五',
              residentIdMasked: '341302********1234',
              mobile: '13812345678',
              institutionName: '宿州学院',
              institutionCreditCode: null,
              title: 'professor',
              fieldCodes: ['general-intelligence'],
              subFieldCodes: [],
              expertise: '机器视觉',
              preferredAreaCodes: [],
            },
          },
        };
      return { data: { count: 0 } };
    });
    sim.onRequest = (req) => server.respond(req);
    let page = await sim.openPage('pages/profile/index');
    expect(page.text('#profile-menu-expert-hint')).toBe('申请加入评审专家库');
    // 评审任务 is for experts in the pool only.
    expect(page.query('#profile-menu-reviews')).toBeFalsy();
    await page.tap('#profile-menu-expert');
    expect(sim.navigations).toContainEqual({
      api: 'navigateTo',
      url: '/packages/expert/profile/index',
    });

    expert = { id: 'e1', status: 'pending', statusName: '待审核' };
    page = await sim.openPage('pages/profile/index');
    expect(page.text('#profile-menu-expert-hint')).toBe('待审核');
    expect(page.query('#profile-menu-reviews')).toBeFalsy();

    expert = { id: 'e1', status: 'active', statusName: '在库' };
    page = await sim.openPage('pages/profile/index');
    expect(page.text('#profile-menu-expert-hint')).toBe('在库');
    // The invitations still to answer: not those of a panel that has closed.
    expect(page.text('#profile-menu-reviews-hint')).toBe('1 项邀请待确认');
    await page.tap('#profile-menu-reviews');
    expect(sim.navigations).toContainEqual({
      api: 'navigateTo',
      url: '/packages/expert/reviews/index',
    });
  });

  it('sends someone without a profile to registration', async () => {
    const server = fakeTrpcServer(() => ({ data: { type: null } }));
    sim.onRequest = (req) => server.respond(req);
    await sim.openPage('pages/profile/index');
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/register/index' }]);
  });
});
