import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, fakeTrpcServer } from '../support/fake-api';
import { type Simulated, bootMiniProgram, settle, startSignedIn } from './harness';

/**
 * The forms generated from domain schemas, compiled for WeChat and run in the simulator: an
 * award application (rule input schema, WeChat's date picker, live preview, draft) and a
 * 科技副总 work log (sub-package pages).
 */
describe('schema-driven forms in the WeChat build', () => {
  let sim: Simulated;
  beforeAll(() => {
    sim = bootMiniProgram();
  });
  beforeEach(() => {
    startSignedIn(sim);
  });

  function serve(handler: FakeHandler) {
    const server = fakeTrpcServer(handler);
    sim.onRequest = (req) => server.respond(req);
    return server.seen;
  }

  const notFound = {
    error: {
      message: '记录不存在或您无权查看',
      code: 'NOT_FOUND',
      httpStatus: 404,
      appCode: 'NOT_FOUND',
    },
  };

  it('builds the high-tech enterprise form from its rule, checks it, previews and saves a draft', async () => {
    let saves = 0;
    const seen = serve((path, input) => {
      if (path === 'applications.preview') {
        return {
          data: {
            eligible: true,
            amountFen: 20_000_000n,
            computedAmountFen: 20_000_000n,
            refusals: [],
            missingEvidence: [],
            explanation: {
              summary: '符合条件',
              formula: '首次认定 ¥200,000.00',
              steps: [],
              capsApplied: [],
              settings: [],
              inputs: [],
              policySetId: 'suzhou-future-2026-draft',
              version: '2026.1-draft',
              policyTitle: '宿州市未来产业',
              clause: '四.10',
              ruleName: '国家高新技术企业认定奖励',
            },
          },
        };
      }
      if (path === 'applications.saveDraft') {
        // The first save's answer is lost at the gateway (it may have made the draft).
        if (++saves === 1) {
          return {
            error: { message: 'Gateway Timeout', code: 'INTERNAL_SERVER_ERROR', httpStatus: 504 },
          };
        }
        return { data: { id: 'a1', version: 1, ...(input as object) } };
      }
      if (path === 'applications.mine') return { data: [] };
      return notFound;
    });
    const page = await sim.openPage('packages/apply/form/index', {
      ruleId: 'high-tech-enterprise',
    });
    expect(sim.leaveAlert).toBeNull();
    expect(page.text('#apply-rule-name')).toBe('国家高新技术企业认定奖励');

    await page.tap('#apply-recognitionType-first');
    page.query('#apply-certifiedOn-picker')?.dispatchEvent('change', {
      detail: { value: '2026-10-15' },
    });
    await settle();
    await page.input('#apply-certificateNo', 'GR202534001234');
    await page.blur('#apply-certificateNo');
    // Unsaved changes: WeChat asks before the page is left.
    expect(sim.leaveAlert).toContain('尚未保存');
    expect(page.text('#apply-certificateNo-error')).toContain(
      '证书编号中的年份 2025 与发证日期 2026-10-15 不一致',
    );

    await page.input('#apply-certificateNo', 'GR202634001234');
    await page.blur('#apply-certificateNo');
    expect(page.query('#apply-certificateNo-error')).toBeFalsy();

    // The preview is asked half a second after typing stops.
    await new Promise((r) => setTimeout(r, 700));
    await settle();
    expect(page.text('#apply-preview-amount')).toBe('¥200,000.00');
    // The form travels in a POST body, never in the URL (which proxies and logs keep).
    const previews = seen.filter((r) => r.paths.includes('applications.preview'));
    expect(previews.length).toBeGreaterThan(0);
    for (const r of previews) {
      expect({ method: r.method, inputInUrl: r.url.includes('input=') }).toEqual({
        method: 'POST',
        inputInUrl: false,
      });
    }

    await page.tap('#apply-save');
    await settle();
    expect(sim.toasts).not.toContain('草稿已保存');
    await page.tap('#apply-save');
    const saveCalls = seen.filter((r) => r.paths.includes('applications.saveDraft'));
    expect(saveCalls[0]?.inputs[0]).toMatchObject({
      ruleId: 'high-tech-enterprise',
      input: {
        recognitionType: 'first',
        certificateNo: 'GR202634001234',
        certifiedOn: '2026-10-15',
      },
      idempotencyKey: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
    });
    // The retry is the same request with the same number: the server answers with one draft.
    expect(saveCalls.map((r) => r.inputs[0])).toEqual([
      saveCalls[0]?.inputs[0],
      saveCalls[0]?.inputs[0],
    ]);
    expect(sim.toasts).toContain('草稿已保存');
    await settle();
    expect(sim.leaveAlert).toBeNull();
  });

  it('lets a researcher on an active secondment keep a monthly work log', async () => {
    const seen = serve((path, input) => {
      if (path === 'vp.secondments.myDetail') {
        return {
          data: {
            id: 's1',
            callId: 'c1',
            callNumber: 'KJFZ-2026-001',
            callTitle: '2026年度科技副总选派',
            status: 'active',
            statusLabel: '履职中',
            score: 88,
            areaCode: 'yongqiao',
            areaName: '埇桥区',
            need: { title: '膜电极涂布工艺攻关', organisationName: '宿州氢途新能源科技有限公司' },
            researcher: {
              candidateId: 'k1',
              name: '韩志超',
              titleName: '教授',
              institutionName: '合肥工业大学',
              expertise: '膜电极制备',
            },
            agreement: { fileId: 'f1', name: '三方协议.pdf', uploadedAt: new Date() },
            startDate: '2026-09-01',
            endDate: '2028-08-31',
            endedAt: null,
            endReason: null,
            version: 2,
            workLogs: [],
            daysOnSiteTotal: 0,
            results: [],
            evaluations: [],
            mySide: 'researcher',
          },
        };
      }
      if (path === 'vp.secondments.saveWorkLog')
        return { data: { id: 'l1', ...(input as object) } };
      return notFound;
    });
    const page = await sim.openPage('packages/vp/secondment/index', { id: 's1' });
    expect(page.text('#secondment-status')).toBe('履职中');

    page.query('#worklog-month-picker')?.dispatchEvent('change', { detail: { value: '2026-11' } });
    await settle();
    await page.input('#worklog-daysOnSite', '40');
    await page.blur('#worklog-daysOnSite');
    expect(page.text('#worklog-daysOnSite-error')).toContain('每月天数不超过31天');

    await page.input('#worklog-daysOnSite', '12');
    await page.input('#worklog-activities', '指导膜电极涂布产线调试，开展两次技术培训。');
    await page.tap('#worklog-submit');
    const save = seen.find((r) => r.paths.includes('vp.secondments.saveWorkLog'));
    expect(save?.inputs[0]).toEqual({
      secondmentId: 's1',
      log: {
        month: '2026-11',
        daysOnSite: 12,
        activities: '指导膜电极涂布产线调试，开展两次技术培训。',
      },
    });
    expect(sim.toasts).toContain('日志已保存');
  });
});
