import { TRPCClientError } from '@trpc/client';
import { flushPromises } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Download from '../src/utils/download';
import { XLSX_MIME, saveBlob } from '../src/utils/download';
import PolicyVersionDetail from '../src/views/policy-versions/detail.vue';
import {
  programmeMoneyOption,
  projectionOption,
} from '../src/views/policy-versions/sandbox/chart-options';
import { defaultPeriod, periodShortcuts } from '../src/views/policy-versions/sandbox/period';
import { choose, click, inBody, settle } from './dom';
import { apiError } from './helpers';
import { more, mountAs } from './mount';
import {
  ADOPTION_ID,
  FAILED_ID,
  RUN_ID,
  doneRun,
  projectionTarget,
  queued,
  report,
  runHead,
} from './policy-sandbox-fixtures';
import { NEW_ID, version } from './policy-versions-fixtures';

const api = vi.hoisted(() => ({
  byId: vi.fn(),
  sandboxRuns: vi.fn(),
  sandboxRun: vi.fn(),
  sandboxStart: vi.fn(),
  sandboxExport: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    policyVersions: {
      byId: { query: api.byId },
      sandboxRuns: { query: api.sandboxRuns },
      sandboxRun: { query: api.sandboxRun },
      sandboxStart: { mutate: api.sandboxStart },
      sandboxExport: { mutate: api.sandboxExport },
    },
  },
}));
vi.mock('../src/utils/download', async (importOriginal) => ({
  ...(await importOriginal<typeof Download>()),
  saveBlob: vi.fn(),
}));
// happy-dom has no canvas: the options are checked below, the panels only by their titles.
vi.mock('../src/views/targets/charts/chart-panel.vue', () => ({
  default: defineComponent({
    props: { title: { type: String, required: true } },
    setup: (props) => () => h('div', { 'data-testid': 'target-chart' }, props.title),
  }),
}));

const silent = { context: { silent: true } };
// 2026-12-01 10:00 in Suzhou.
const NOW = new Date('2026-12-01T02:00:00Z');

/** The page of the version, as the 审核员 sees it (they may run the sandbox too). */
async function openPage() {
  api.byId.mockResolvedValue(version());
  return mountAs(more.reviewer, PolicyVersionDetail, { path: `/policy-versions/${NEW_ID}` });
}
const text = (testId: string) => inBody(testId)?.textContent?.trim() ?? '';
const all = (testId: string) => [
  ...document.body.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`),
];
/** The table row a cell's marked element sits in. */
const rowOf = (el: HTMLElement) => el.closest('tr')?.textContent ?? '';
const rowWith = (testId: string, first: string) => {
  const cell = all(testId).find((e) => e.textContent?.trim() === first);
  if (!cell) throw new Error(`no ${testId} ${first}`);
  return rowOf(cell);
};
/** Until the page shows `testId` (a poll answered, an async chunk loaded). */
const waitFor = (testId: string, timeout = 5000) =>
  vi.waitFor(
    async () => {
      await flushPromises();
      if (!inBody(testId)) throw new Error(`no ${testId} yet`);
    },
    { timeout, interval: 100 },
  );

function invalid(fieldErrors: Record<string, string[]>) {
  return TRPCClientError.from({
    error: { code: -32600, message: '输入有误', data: { appCode: 'INVALID_INPUT', fieldErrors } },
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  document.body.innerHTML = '';
  for (const fn of Object.values(api)) fn.mockReset();
  vi.mocked(saveBlob).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('政策沙盘: starting a run', () => {
  it('offers this year, the last twelve months and last year, up to today', () => {
    expect(periodShortcuts('2026-12-01')).toEqual([
      { text: '本年度', period: ['2026-01-01', '2026-12-01'] },
      { text: '近12个月', period: ['2025-12-02', '2026-12-01'] },
      { text: '上一年度', period: ['2025-01-01', '2025-12-31'] },
    ]);
    // A leap day looks back to 1 March.
    expect(defaultPeriod('2028-02-29')).toEqual(['2027-03-01', '2028-02-29']);
  });

  it('shows the server’s word on the period under the picker, and the limit of open runs', async () => {
    api.sandboxRuns.mockResolvedValue([]);
    const { wrapper } = await openPage();
    expect(text('sandbox-runs')).toContain('尚未推演');

    api.sandboxStart.mockRejectedValueOnce(invalid({ to: ['结束日期不能早于开始日期'] }));
    await choose(wrapper, 'ElDatePicker', 'sandbox-period', ['2026-12-31', '2026-01-01']);
    await click('sandbox-start');
    expect(api.sandboxStart).toHaveBeenCalledWith(
      { versionId: NEW_ID, from: '2026-12-31', to: '2026-01-01' },
      silent,
    );
    const error = document.body.querySelector('[data-testid="sandbox"] .el-form-item__error');
    expect(error?.textContent?.trim()).toBe('结束日期不能早于开始日期');
    expect(inBody('sandbox-start-error')).toBeNull();

    api.sandboxStart.mockRejectedValueOnce(
      apiError('RATE_LIMITED', '已有3个推演正在进行，请稍后再试'),
    );
    await choose(wrapper, 'ElDatePicker', 'sandbox-period', ['2026-01-01', '2026-12-01']);
    await click('sandbox-start');
    expect(text('sandbox-start-error')).toBe('已有3个推演正在进行，请稍后再试');
    // The period was fine this time: no message is left under it.
    expect(document.body.querySelector('[data-testid="sandbox"] .el-form-item__error')).toBeNull();
    wrapper.unmount();
  });

  it('follows the job while it runs, then opens its report; polling stops when all are done', async () => {
    api.sandboxRuns.mockResolvedValueOnce([]);
    const { wrapper } = await openPage();

    // The default period: the last twelve months.
    api.sandboxStart.mockResolvedValueOnce(queued());
    api.sandboxRuns
      .mockResolvedValueOnce([queued()])
      .mockResolvedValueOnce([
        queued({ status: 'running', statusName: '推演中', progress: 30, stage: '重放3件申请' }),
      ])
      .mockResolvedValue([runHead()]);
    api.sandboxRun.mockResolvedValue(doneRun());
    await click('sandbox-start');
    expect(api.sandboxStart).toHaveBeenCalledWith(
      { versionId: NEW_ID, from: '2025-12-02', to: '2026-12-01' },
      silent,
    );
    expect(text('sandbox-run-status')).toBe('排队中');
    expect(text('sandbox-progress')).toContain('等待后台处理');
    expect(inBody('sandbox-report')).toBeNull();

    await vi.waitFor(
      async () => {
        await flushPromises();
        expect(text('sandbox-progress')).toContain('重放3件申请');
      },
      { timeout: 4000, interval: 100 },
    );
    expect(text('sandbox-run-status')).toBe('推演中');
    expect(text('sandbox-progress')).toContain('30%');

    await waitFor('sandbox-total-delta', 4000);
    expect(api.sandboxRun).toHaveBeenCalledWith({ id: RUN_ID });
    expect(text('sandbox-run-status')).toBe('已完成');
    expect(inBody('sandbox-progress')).toBeNull();
    expect(text('sandbox-total-delta')).toBe('+¥450,000.00');

    // Nothing is unfinished: the list is not read again.
    const reads = api.sandboxRuns.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1800));
    expect(api.sandboxRuns.mock.calls.length).toBe(reads);
    wrapper.unmount();
  });
});

describe('政策沙盘: the runs and a report', () => {
  async function openReport(over: Parameters<typeof report>[0] = {}) {
    api.sandboxRuns.mockResolvedValue([
      runHead({
        id: FAILED_ID,
        status: 'failed',
        statusName: '失败',
        progress: 30,
        error: '推演时发生错误，请稍后重试或联系系统管理员',
        createdAt: new Date('2026-12-01T03:00:00Z'),
      }),
      runHead({
        id: ADOPTION_ID,
        purpose: 'adoption',
        purposeName: '确认施行时自动推演',
        notifiedCount: 2,
        from: '2025-12-02',
        createdAt: new Date('2026-12-01T02:30:00Z'),
      }),
      runHead(),
    ]);
    api.sandboxRun.mockResolvedValue(doneRun(over));
    const page = await openPage();
    await waitFor('sandbox-report');
    await settle();
    return page;
  }

  it('lists the runs in Chinese, and opens the newest finished one', async () => {
    const { wrapper } = await openReport();
    const rows = all('sandbox-run-row').map(rowOf);
    expect(rows[0]).toContain('失败');
    expect(rows[0]).toContain('推演时发生错误，请稍后重试或联系系统管理员');
    expect(rows[1]).toContain('2025-12-02 至 2026-12-01');
    expect(rows[1]).toContain('确认施行时自动推演');
    expect(rows[1]).toContain('已通知 2 位申请人');
    expect(rows[2]).toContain('人工发起');
    expect(rows[2]).toContain('2026-12-01 10:00');
    expect(all('sandbox-notified')).toHaveLength(1);
    // The failed run cannot be opened; the adoption's (newest done) is, and marked so.
    expect(api.sandboxRun).toHaveBeenCalledWith({ id: ADOPTION_ID });
    expect(
      all('sandbox-run-row').map((r) => r.closest('tr')?.classList.contains('selected')),
    ).toEqual([false, true, false]);
    expect(text('sandbox-report')).toContain('推演结果：2026-01-01 至 2026-12-01 提交的申请');

    // Opening the older one.
    all('sandbox-run-open')
      .find((b) => !b.hasAttribute('disabled'))
      ?.click();
    await settle();
    expect(api.sandboxRun).toHaveBeenLastCalledWith({ id: RUN_ID });
    expect(all('sandbox-run-row')[2]?.closest('tr')?.classList.contains('selected')).toBe(true);
    wrapper.unmount();
  });

  it('shows the figures by hand: 四.8 ¥1,300,000 → ¥1,750,000, 差额 +¥450,000, 四.9 over its budget', async () => {
    const { wrapper } = await openReport();
    const summary = text('sandbox-summary');
    for (const words of [
      '申请件数4 件',
      '¥1,450,000.00',
      '¥1,900,000.00',
      '新增符合条件0 件',
      '不再符合条件0 件',
      '金额变化2 件',
    ])
      expect(summary.replace(/\s+/g, '')).toContain(words.replace(/\s+/g, ''));
    expect(text('sandbox-total-delta')).toBe('+¥450,000.00');
    expect(inBody('sandbox-total-delta')?.className).toContain('more');
    expect(text('sandbox-fidelity')).toBe(
      '有核定金额的 1 件申请，按现行版本重放的金额与实际核定金额全部一致。',
    );

    const transfer = rowWith('sandbox-programme-row', '四.8');
    for (const words of [
      '购买市外先进技术成果在宿转化补助',
      '¥1,300,000.00',
      '¥1,750,000.00',
      '+¥450,000.00',
      '¥3,000,000.00',
    ])
      expect(transfer).toContain(words);
    expect(transfer).not.toContain('超出');
    const incubator = rowWith('sandbox-programme-row', '四.9');
    expect(incubator).toContain('¥100,000.00');
    expect(incubator).toContain('修订后超出 ¥50,000.00');
    expect(incubator).toContain('现行版本超出 ¥50,000.00');
    expect(inBody('sandbox-over')?.className).toContain('over');
    const footer = inBody('sandbox-programmes')?.querySelector('.el-table__footer')?.textContent;
    expect(footer).toContain('合计');
    expect(footer).toContain('+¥450,000.00');

    expect(rowWith('sandbox-area-row', '埇桥区')).toContain('+¥450,000.00');
    expect(rowWith('sandbox-area-row', '未注明县区')).toContain('¥0.00');

    // The chart comes in its own chunk.
    await vi.waitFor(() =>
      expect(all('target-chart').map((c) => c.textContent)).toContain(
        '分事项金额（现行版本 / 修订后）',
      ),
    );
    for (const raw of [
      'tech-transfer',
      'incubator',
      'yongqiao',
      'suzhou-future',
      RUN_ID,
      'd'.repeat(64),
      'officer',
      'adoption',
      'done',
    ])
      expect(inBody('sandbox')?.textContent).not.toContain(raw);
    wrapper.unmount();
  });

  it('opens a largest change to both explanations side by side', async () => {
    const { wrapper } = await openReport();
    const [first, second] = all('sandbox-largest-row');
    expect(rowOf(first!)).toContain('KC-2026-000103');
    expect(rowOf(first!)).toContain('宿州测试科技有限公司三');
    expect(rowOf(first!)).toContain('四.8 购买市外先进技术成果在宿转化补助');
    expect(rowOf(first!)).toContain('¥500,000.00');
    expect(rowOf(first!)).toContain('¥800,000.00');
    expect(rowOf(first!)).toContain('+¥300,000.00');
    expect(rowOf(second!)).toContain('+¥150,000.00');
    expect(inBody('sandbox-explanation-base')).toBeNull();

    first!.closest('tr')?.querySelector<HTMLElement>('.el-table__expand-icon')?.click();
    await settle();
    const base = text('sandbox-explanation-base');
    const proposed = text('sandbox-explanation-proposed');
    expect(base).toContain('现行版本');
    expect(base).toContain('实际支付额 ¥9,000,000.00 × 10% = ¥900,000.00');
    expect(base).toContain('封顶：单项成果补助上限 ¥500,000.00');
    expect(base).toContain('（2026.1-draft）');
    expect(proposed).toContain('修订后');
    expect(proposed).toContain('封顶：单项成果补助上限 ¥800,000.00');
    expect(proposed).toContain('符合条件，补助 ¥800,000.00');
    wrapper.unmount();
  });

  it('导出Excel saves the server’s workbook', async () => {
    const { wrapper } = await openReport();
    api.sandboxExport.mockResolvedValue({
      filename: '政策沙盘_提高技术成果转化补助上限_2026-01-01至2026-12-01.xlsx',
      mimeType: XLSX_MIME,
      sizeBytes: 3,
      base64: btoa('xls'),
    });
    await click('sandbox-export');
    expect(api.sandboxExport).toHaveBeenCalledWith({ id: ADOPTION_ID });
    const [blob, filename] = vi.mocked(saveBlob).mock.calls[0]!;
    expect(filename).toBe('政策沙盘_提高技术成果转化补助上限_2026-01-01至2026-12-01.xlsx');
    expect(blob.type).toBe(XLSX_MIME);
    expect(blob.size).toBe(3);
    wrapper.unmount();
  });

  it('labels the 2030 projection an estimate, and says so when no target moves', async () => {
    const { wrapper } = await openReport();
    expect(text('sandbox-projection')).toContain('2030年目标估算');
    expect(text('sandbox-projection-label')).toContain(
      '估算（按推演期间的年均认定数线性外推，仅供参考）',
    );
    expect(text('sandbox-projection-unchanged')).toContain('不改变任何目标');
    const target = text('sandbox-projection-table');
    expect(target).toContain('未来产业标杆示范场景案例');
    expect(target).toContain('5个');
    expect(all('target-chart').map((c) => c.textContent)).not.toContain(
      '未来产业标杆示范场景案例：2030年估算',
    );
    wrapper.unmount();
  });

  it('draws each target the revision moves', async () => {
    const moved = projectionTarget({
      eligibleProposed: 2,
      changed: true,
      series: [2026, 2027, 2028, 2029, 2030].map((year, i) => ({
        year,
        base: 1,
        proposed: 1 + 2 * i,
      })),
      proposedReached: true,
    });
    const { wrapper } = await openReport({
      projection: { ...report().projection, targets: [moved] },
    });
    expect(inBody('sandbox-projection-unchanged')).toBeNull();
    await vi.waitFor(() =>
      expect(all('target-chart').map((c) => c.textContent)).toContain(
        '未来产业标杆示范场景案例：2030年估算',
      ),
    );
    expect(text('sandbox-projection-table')).toContain('未达到 / 达到');
    wrapper.unmount();
  });
});

describe('政策沙盘: the charts’ options', () => {
  it('bars each programme’s money under both versions, read out from the fen', () => {
    const option = programmeMoneyOption(report().byProgramme) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
      tooltip: { formatter: (p: { dataIndex: number }[]) => string };
    };
    expect(option.xAxis.data).toEqual(['四.8', '四.9']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['现行版本', [1_300_000, 150_000]],
      ['修订后', [1_750_000, 150_000]],
    ]);
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toBe(
      '四.8 购买市外先进技术成果在宿转化补助<br/>现行版本：¥1,300,000.00<br/>修订后：¥1,750,000.00',
    );
  });

  it('draws the estimate both ways, the revision dashed, with the plan’s figure as a line', () => {
    const option = projectionOption(projectionTarget({ changed: true })) as {
      series: {
        name: string;
        lineStyle?: { type: string };
        markLine?: { data: { yAxis: number }[] };
      }[];
    };
    const [base, proposed] = option.series;
    expect(base?.name).toBe('现行版本（估算）');
    expect(proposed?.name).toBe('修订后（估算）');
    expect(proposed?.lineStyle?.type).toBe('dashed');
    expect(base?.markLine?.data).toEqual([{ yAxis: 5 }]);
  });
});
