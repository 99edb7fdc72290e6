import { creditCodeCheckChar } from '@kc/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer } from '../support/fake-api';
import { type PageHandle, type Simulated, bootMiniProgram } from './harness';

const HOUR = 3_600_000;
const FIRST17 = '91341302MA2N0B1C2';
const CREDIT_CODE = FIRST17 + creditCodeCheckChar(FIRST17);

describe('register page, compiled for WeChat and run in the simulator', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    sim.storage.clear();
    sim.toasts.length = 0;
    sim.navigations.length = 0;
    sim.loginCodes.length = 0;
    // Already logged in: the page goes straight to profile.mine.
    sim.storage.set('kc.session', {
      token: 'tok-1',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  const newcomer: FakeHandler = (path, input) => {
    if (path === 'profile.mine') return { data: { type: null } };
    if (path === 'profile.saveOrganisation') return { data: { id: 'o1', ...(input as object) } };
    return {
      error: {
        message: '记录不存在或您无权查看',
        code: 'NOT_FOUND',
        httpStatus: 404,
        appCode: 'NOT_FOUND',
      },
    };
  };

  async function fillOrganisation(page: PageHandle) {
    await page.tap('#org-type-firm');
    await page.input('#org-name', '宿州示范科技有限公司');
    await page.input('#org-creditCode', CREDIT_CODE.toLowerCase());
    await page.tap('#org-area-yongqiao');
    await page.tap('#org-field-life-health');
    await page.tap('#org-subField-tcm');
    await page.tap('#org-qualification-high-tech-enterprise');
    await page.input('#org-contactName', '张三');
    await page.input('#org-contactPhone', '139 1234 5678');
  }

  it('sends someone who never logged in to the login page instead of logging them in', async () => {
    sim.storage.clear();
    const seen = serve(newcomer);
    await sim.openPage('pages/register/index');
    expect(sim.loginCodes).toHaveLength(0);
    expect(seen).toHaveLength(0);
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/login/index' }]);
  });

  it('offers a newcomer the organisation form, with the researcher form one tap away', async () => {
    serve(newcomer);
    const page = await sim.openPage('pages/register/index');
    expect(page.query('#register-kind-org')).toBeTruthy();
    expect(page.query('#org-name')).toBeTruthy();
    expect(page.text('#org-area')).toContain('宿州高新技术产业开发区');
    await page.tap('#register-kind-researcher');
    expect(page.query('#org-name')).toBeFalsy();
    expect(page.query('#researcher-residentId')).toBeTruthy();
    expect(page.text('#researcher-title')).toContain('正高级工程师');
  });

  it('explains a malformed credit code under the field once the user leaves it', async () => {
    serve(newcomer);
    const page = await sim.openPage('pages/register/index');
    await page.input('#org-creditCode', '9134130');
    expect(page.query('#org-creditCode-error')).toBeFalsy();
    await page.blur('#org-creditCode');
    expect(page.text('#org-creditCode-error')).toBe('统一社会信用代码应为18位，当前为7位');
    // Other fields stay quiet until they are visited or the form is submitted.
    expect(page.query('#org-name-error')).toBeFalsy();
  });

  it('refuses to submit an empty form and marks every required field', async () => {
    const seen = serve(newcomer);
    const page = await sim.openPage('pages/register/index');
    await page.tap('#register-submit');
    expect(page.text('#org-type-error')).toBe('请选择单位类型');
    expect(page.text('#org-name-error')).toMatch(/单位名称/);
    expect(page.text('#org-creditCode-error')).toBe('请填写统一社会信用代码');
    expect(page.text('#org-area-error')).toBe('请选择所在县区或园区');
    expect(page.text('#org-fieldCodes-error')).toBe('请至少选择一个产业领域');
    expect(page.text('#org-contactPhone-error')).toBe('请填写手机号码');
    expect(page.query('#org-address-error')).toBeFalsy();
    expect(sim.toasts).toContain('请按提示修改标红的内容');
    // Nothing was sent: only the reads of the page (the profile, and whether the newcomer is an
    // expert of the 专家库, who is offered 评审任务 before registering).
    expect(seen.map((r) => r.paths.join()).sort()).toEqual(['experts.mine', 'profile.mine']);
    expect(page.query('#register-reviews')).toBeFalsy();
  });

  it('saves a complete organisation, normalised by the domain schema, and opens 我的', async () => {
    const seen = serve(newcomer);
    const page = await sim.openPage('pages/register/index');
    await fillOrganisation(page);
    await page.tap('#register-submit');

    const save = seen.find((r) => r.paths[0] === 'profile.saveOrganisation');
    expect(save?.header.Authorization).toBe('Bearer tok-1');
    expect(save?.inputs[0]).toEqual({
      type: 'firm',
      name: '宿州示范科技有限公司',
      creditCode: CREDIT_CODE,
      areaCode: 'yongqiao',
      fieldCodes: ['life-health'],
      subFieldCodes: ['tcm'],
      qualifications: ['high-tech-enterprise'],
      contactName: '张三',
      contactPhone: '13912345678',
    });
    expect(sim.navigations).toEqual([{ api: 'reLaunch', url: '/pages/profile/index' }]);
  });

  it("shows the server's verdict on a credit code taken by another account under that field", async () => {
    serve((path) =>
      path === 'profile.mine'
        ? { data: { type: null } }
        : {
            error: {
              message: '该统一社会信用代码已被其他账号注册',
              code: 'CONFLICT',
              httpStatus: 409,
              appCode: 'CREDIT_CODE_TAKEN',
              fieldErrors: { creditCode: ['该统一社会信用代码已被其他账号注册'] },
            },
          },
    );
    const page = await sim.openPage('pages/register/index');
    await fillOrganisation(page);
    await page.tap('#register-submit');
    expect(page.text('#org-creditCode-error')).toBe('该统一社会信用代码已被其他账号注册');
    expect(sim.toasts).toContain('该统一社会信用代码已被其他账号注册');
    expect(sim.navigations).toEqual([]);
    // Not a dead end: the newcomer may claim the organisation, the code carried over.
    expect(page.text('#register-claim')).toContain(CREDIT_CODE);
    await page.tap('#register-claim-action');
    expect(sim.navigations).toEqual([
      { api: 'navigateTo', url: `/packages/org/claim/index?creditCode=${CREDIT_CODE}` },
    ]);
  });

  it('opens prefilled for someone editing their organisation', async () => {
    const seen = serve((path) =>
      path === 'profile.mine'
        ? {
            data: {
              type: 'organisation',
              organisation: {
                id: 'o1',
                type: 'university',
                name: '宿州学院',
                creditCode: CREDIT_CODE,
                areaCode: 'yongqiao',
                address: null,
                fieldCodes: ['advanced-materials'],
                subFieldCodes: [],
                qualifications: [],
                contactName: '李四',
                contactPhone: '13912345678',
                intro: null,
              },
            },
          }
        : { data: { id: 'o1' } },
    );
    const page = await sim.openPage('pages/register/index', { edit: '1' });
    expect(page.query('#register-kind-org')).toBeFalsy();
    expect(page.query('#org-type-university')?.dom.getAttribute('class')).toContain('chip--active');
    expect(page.query('#org-field-advanced-materials')?.dom.getAttribute('class')).toContain(
      'chip--active',
    );
    // Saving untouched sends back what was loaded.
    await page.tap('#register-submit');
    const save = seen.find((r) => r.paths[0] === 'profile.saveOrganisation');
    expect(save?.inputs[0]).toMatchObject({
      type: 'university',
      name: '宿州学院',
      creditCode: CREDIT_CODE,
      contactName: '李四',
    });
  });
});
