import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer } from '../support/fake-api';
import {
  type PageHandle,
  type Simulated,
  bootMiniProgram,
  startSignedIn,
  answerModals,
} from './harness';

const RESEARCHER = {
  type: 'researcher',
  researcher: {
    id: 'r1',
    name: '王五',
    residentIdMasked: '341302********1234',
    mobile: '13812345678',
    institutionName: '宿州学院',
    institutionCreditCode: null,
    title: 'lecturer',
    fieldCodes: ['general-intelligence'],
    subFieldCodes: [],
    expertise: '机器视觉与智能检测',
    preferredAreaCodes: [],
  },
};

const EXPERT = {
  id: 'e1',
  name: '王五',
  mobile: '13812345678',
  title: 'professor',
  unitName: '宿州学院',
  fieldCodes: ['general-intelligence'],
  subFieldCodes: [],
  expertise: '机器视觉与智能检测',
  conflicts: ['宿州创新理工学院'],
  status: 'pending',
  statusName: '待审核',
  statusReason: null,
  version: 1,
  updatedAt: new Date('2026-12-01T02:00:00Z'),
};

/** 专家库 (sub-package), compiled for WeChat: apply, see where it stands, edit with the warning. */
describe('专家库 in the WeChat build', () => {
  let sim: Simulated;
  const modals: string[] = [];
  let modalConfirm = true;

  beforeAll(() => {
    sim = bootMiniProgram();
    answerModals(modals, () => modalConfirm);
  });
  beforeEach(() => {
    startSignedIn(sim);
    modals.length = 0;
    modalConfirm = true;
  });

  function serve(mine: unknown) {
    let current = mine;
    const handler: FakeHandler = (path, input) => {
      if (path === 'profile.mine') return { data: RESEARCHER };
      if (path === 'experts.mine') return { data: current };
      if (path === 'experts.saveMine') {
        current = {
          ...EXPERT,
          ...(input as object),
          status: 'pending',
          statusName: '待审核',
          statusReason: null,
        };
        return { data: current };
      }
      return {
        error: { message: '请求的内容不存在', code: 'NOT_FOUND', httpStatus: 404 },
      };
    };
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }
  /** A node's attributes as Taro hands them to WeChat's template (the simulator does not reflect an input's value). */
  function rendered(page: PageHandle, uid: string): unknown[] {
    const find = (node: unknown): Record<string, unknown> | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      if ((node as { uid?: unknown }).uid === uid) return node as Record<string, unknown>;
      for (const child of Object.values(node)) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const node = find((page.comp.instance as { data?: unknown }).data);
    if (!node) throw new Error(`#${uid} is not rendered`);
    return Object.values(node);
  }

  const saves = (seen: ReturnType<typeof serve>) =>
    seen.flatMap((r) => r.paths.flatMap((p, i) => (p === 'experts.saveMine' ? [r.inputs[i]] : [])));

  it('a researcher applies from their profile; a junior title is refused in the schema’s words', async () => {
    const seen = serve(null);
    const page = await sim.openPage('packages/expert/profile/index');
    expect(page.text('#expert-heading')).toBe('申请加入专家库');
    expect(rendered(page, 'expert-name')).toContain('王五');
    expect(rendered(page, 'expert-unitName')).toContain('宿州学院');
    expect(page.text('#expert-junior-title')).toContain('讲师');
    expect(page.query('#expert-title-lecturer')).toBeFalsy();

    await page.tap('#expert-submit');
    expect(page.text('#expert-title-error')).toBe('入库专家须具有副高级及以上职称，请选择职称');
    expect(saves(seen)).toEqual([]);

    await page.tap('#expert-title-professor');
    await page.tap('#expert-conflicts-add');
    await page.input('#expert-conflicts-0', '宿州创新理工学院');
    await page.tap('#expert-conflicts-add');
    await page.input('#expert-conflicts-1', '李四');
    await page.tap('#expert-conflicts-1-remove');
    expect(page.query('#expert-conflicts-1')).toBeFalsy();
    await page.tap('#expert-submit');
    expect(saves(seen)).toEqual([
      expect.objectContaining({
        name: '王五',
        title: 'professor',
        unitName: '宿州学院',
        conflicts: ['宿州创新理工学院'],
      }),
    ]);
    expect(sim.toasts).toContain('已提交审核');
    expect(page.text('#expert-status-tag')).toBe('待审核');
    expect(page.text('#expert-status-notice')).toContain('正在等待市科技局审核');
    expect(page.text('#expert-record-conflicts')).toBe('宿州创新理工学院');
  });

  it('a rejected expert reads why, and edits to apply again', async () => {
    serve({ ...EXPERT, status: 'rejected', statusName: '未通过', statusReason: '职称证书未上传' });
    const page = await sim.openPage('packages/expert/profile/index');
    expect(page.text('#expert-status-tag')).toBe('未通过');
    expect(page.text('#expert-status-reason')).toBe('未通过原因：职称证书未上传');
    expect(page.text('#expert-edit')).toBe('修改并重新申请');
    await page.tap('#expert-edit');
    expect(page.text('#expert-rejected-reminder')).toContain('职称证书未上传');
    expect(page.text('#expert-submit')).toBe('重新提交申请');
    expect(rendered(page, 'expert-conflicts-0')).toContain('宿州创新理工学院');
  });

  it('an expert 在库 is warned before a change that sends them back to 待审核', async () => {
    const seen = serve({ ...EXPERT, status: 'active', statusName: '在库' });
    const page = await sim.openPage('packages/expert/profile/index');
    expect(page.text('#expert-status-tag')).toBe('在库');
    await page.tap('#expert-edit');
    expect(page.text('#expert-review-warning')).toContain('职称');
    await page.tap('#expert-title-researcher');

    modalConfirm = false;
    await page.tap('#expert-submit');
    expect(modals).toHaveLength(1);
    expect(modals[0]).toContain('您修改了职称');
    expect(saves(seen)).toEqual([]);

    modalConfirm = true;
    await page.tap('#expert-submit');
    expect(saves(seen)).toEqual([expect.objectContaining({ title: 'researcher' })]);
    expect(page.text('#expert-status-tag')).toBe('待审核');
  });

  it('saves a change to the expertise of an expert 在库 without asking', async () => {
    const seen = serve({ ...EXPERT, status: 'active', statusName: '在库' });
    const page = await sim.openPage('packages/expert/profile/index');
    await page.tap('#expert-edit');
    await page.input('#expert-expertise', '机器视觉、工业缺陷检测');
    await page.tap('#expert-submit');
    expect(modals).toEqual([]);
    expect(saves(seen)).toEqual([expect.objectContaining({ expertise: '机器视觉、工业缺陷检测' })]);
  });

  it('a suspended expert sees the reason and no way to edit', async () => {
    serve({
      ...EXPERT,
      status: 'suspended',
      statusName: '已暂停',
      statusReason: '连续三次无故缺席评审',
    });
    const page = await sim.openPage('packages/expert/profile/index');
    expect(page.text('#expert-status-tag')).toBe('已暂停');
    expect(page.text('#expert-status-reason')).toBe('暂停原因：连续三次无故缺席评审');
    expect(page.query('#expert-edit')).toBeFalsy();
    expect(page.query('#expert-submit')).toBeFalsy();
  });
});
