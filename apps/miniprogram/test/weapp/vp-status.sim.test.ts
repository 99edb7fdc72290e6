import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer } from '../support/fake-api';
import { type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;

const CALL = {
  id: 'c1',
  number: 'KJFZ-2026-01',
  title: '2026年度科技副总选派',
  status: 'notice',
  statusLabel: '公示中',
  needsDeadline: '2026-11-20',
  applicationsDeadline: '2026-11-25',
};

const SECONDMENT = {
  id: 's1',
  callId: 'c1',
  callNumber: 'KJFZ-2026-01',
  callTitle: '2026年度科技副总选派',
  status: 'pending',
  statusLabel: '待签协议',
  score: 73,
  areaCode: 'sz-etdz',
  areaName: '宿州经开区',
  need: { title: '氢燃料电池电堆膜电极国产化攻关', organisationName: '安徽宿氢新能源科技有限公司' },
  researcher: {
    candidateId: 'k1',
    name: '陈思雨',
    titleName: '研究员',
    institutionName: '宿州创新理工学院',
    expertise: '燃料电池膜电极与低铂催化剂',
  },
  agreement: null,
  startDate: null,
  endDate: null,
  endedAt: null,
  endReason: null,
  version: 1,
  workLogs: [],
  daysOnSiteTotal: 0,
  results: [],
  evaluations: [],
};

/**
 * Issue 11, defect 5: after matching and publication a firm's need and a researcher's
 * application show where they stand (from the API's progress), not 征集中 / 已报名; and the
 * counterpart's contact shows once the call is confirmed.
 */
describe('科技副总 statuses and contacts in the WeChat build', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
    sim.storage.set('kc.consent', new Date().toISOString());
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
  }

  it('a firm’s need in a published call says 公示中', async () => {
    serve((path) => {
      if (path === 'profile.mine')
        return { data: { type: 'organisation', organisation: { type: 'firm' } } };
      if (path === 'vp.calls.list') return { data: [CALL] };
      if (path === 'vp.secondments.mine') return { data: [{ ...SECONDMENT, mySide: 'firm' }] };
      if (path === 'vp.needs.mine')
        return {
          data: [
            {
              id: 'n1',
              callId: 'c1',
              title: '氢燃料电池电堆膜电极国产化攻关',
              fieldName: '低碳能源',
              daysPerYear: 60,
              positions: 1,
              status: 'active',
              progress: { code: 'in-notice', name: '公示中' },
            },
          ],
        };
      return { data: null };
    });
    const page = await sim.openPage('packages/vp/home/index');
    expect(page.text('#vp-need-progress-n1')).toBe('公示中');
    expect(page.text('#vp-needs')).not.toContain('征集中');
  });

  it('a researcher’s application after the list is confirmed says 已确认', async () => {
    serve((path) => {
      if (path === 'profile.mine') return { data: { type: 'researcher' } };
      if (path === 'vp.calls.list') return { data: [{ ...CALL, status: 'confirmed' }] };
      if (path === 'vp.secondments.mine')
        return { data: [{ ...SECONDMENT, mySide: 'researcher' }] };
      if (path === 'vp.candidates.mine')
        return {
          data: [
            {
              id: 'k1',
              callId: 'c1',
              callTitle: '2026年度科技副总选派',
              callStatus: 'confirmed',
              capacity: 1,
              fieldNames: ['低碳能源'],
              status: 'active',
              progress: { code: 'confirmed', name: '已确认' },
            },
          ],
        };
      return { data: null };
    });
    const page = await sim.openPage('packages/vp/home/index');
    expect(page.text('#vp-candidacy-progress-k1')).toBe('已确认');
    expect(page.text('#vp-candidacies')).not.toContain('已报名');
  });

  it('shows the counterpart’s contact once confirmed, and says when it will before', async () => {
    let counterpart: unknown = null;
    serve((path) => {
      if (path === 'vp.secondments.myDetail')
        return { data: { ...SECONDMENT, mySide: 'firm', counterpart } };
      return { data: null };
    });
    const before = await sim.openPage('packages/vp/secondment/index', { id: 's1' });
    expect(before.text('#secondment-counterpart')).toContain('确认选派后');
    expect(before.text('#secondment-counterpart')).not.toMatch(/\d{11}/);

    counterpart = { name: '陈思雨', unit: '宿州创新理工学院', phone: '15055574904' };
    const after = await sim.openPage('packages/vp/secondment/index', { id: 's1' });
    const text = after.text('#secondment-counterpart');
    expect(text).toContain('陈思雨');
    expect(text).toContain('宿州创新理工学院');
    expect(text).toContain('15055574904');
  });

  it('offers the call’s agreement template for download where the agreement is uploaded', async () => {
    let agreementTemplate: unknown = null;
    serve((path) => {
      if (path === 'vp.secondments.myDetail')
        return {
          data: { ...SECONDMENT, mySide: 'researcher', counterpart: null, agreementTemplate },
        };
      return { data: null };
    });
    const none = await sim.openPage('packages/vp/secondment/index', { id: 's1' });
    expect(none.text('#secondment-agreement')).toContain('科技局尚未提供协议模板');

    agreementTemplate = { fileId: 'f9', name: '三方协议模板.docx' };
    const page = await sim.openPage('packages/vp/secondment/index', { id: 's1' });
    expect(page.text('#secondment-agreement-template')).toBe('下载协议模板：三方协议模板.docx');
  });
});
