import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessCodesForRole } from '../src/access/codes';
import { trpc } from '../src/api/client';
import { setToken } from '../src/api/session';
import { buildMenus } from '../src/router/menu';
import { moduleRoutes } from '../src/router/routes';
import DetailView from '../src/views/official-lists/detail.vue';
import type { ImportDetail } from '../src/views/official-lists/queries';
import { uploadListFile } from '../src/views/official-lists/queries';
import { SAMPLE_LISTS } from '../src/views/official-lists/samples';
import { officers } from './helpers';
import { more, mountAs } from './mount';

vi.mock('../src/api/client', () => ({
  trpc: {
    officialLists: {
      byId: { query: vi.fn() },
      commit: { mutate: vi.fn() },
      discard: { mutate: vi.fn() },
      unmatchedXlsx: { mutate: vi.fn() },
    },
  },
}));
vi.mock('../src/utils/confirm', () => ({ confirmAction: vi.fn().mockResolvedValue(true) }));
vi.mock('../src/composables/use-file-blob', () => ({ downloadFile: vi.fn() }));

const lists = vi.mocked(trpc.officialLists, true);

function preview(over: Partial<ImportDetail> = {}): ImportDetail {
  return {
    id: 'i-1',
    kind: 'high-tech-enterprise',
    kindName: '国家高新技术企业认定名单',
    title: '2026年第一批认定高新技术企业名单',
    status: 'preview',
    statusLabel: '待确认导入',
    rowCount: 3,
    counts: { matched: 1, unmatched: 0, conflict: 1, invalid: 1, unchanged: 0 },
    file: { id: 'f-1', originalName: '高企.xlsx', sizeBytes: 7000, mimeType: 'x' },
    importedBy: '系统管理员',
    createdAt: new Date('2026-11-27T02:00:00Z'),
    committedBy: null,
    committedAt: null,
    rows: {
      items: [
        {
          rowNumber: 3,
          outcome: 'matched',
          outcomeLabel: '已匹配平台单位',
          reason:
            '记为已核验资质“高新技术企业”，并发出免申即享邀请：国家高新技术企业认定奖励（四.10）',
          creditCode: '91341300MA2N8H4QXE',
          name: '安徽宿氢新能源科技有限公司',
          organisationId: 'o-1',
          cells: [{ key: 'documentNo', title: '证书编号', value: 'GR202634000101' }],
        },
        {
          rowNumber: 4,
          outcome: 'conflict',
          outcomeLabel: '信息不一致',
          reason:
            '名单为“安徽宿马航天科技有限公司”，平台登记为“安徽宿马航天遥感科技有限公司”，请核实后处理',
          creditCode: '91341300MA8U2E6W8T',
          name: '安徽宿马航天科技有限公司',
          organisationId: 'o-2',
          cells: [],
        },
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    },
    ...over,
  } as ImportDetail;
}

beforeEach(() => {
  document.body.innerHTML = '';
  lists.byId.query.mockReset().mockResolvedValue(preview());
  lists.commit.mutate.mockReset().mockResolvedValue({
    ...preview({ status: 'committed', statusLabel: '已导入' }),
    result: {
      entries: 1,
      matched: 1,
      unmatched: 0,
      qualifications: 1,
      invitations: 1,
      alreadyImported: 0,
    },
  } as never);
});

describe('a list import’s preview', () => {
  it('shows the counts per outcome and each row’s reason', async () => {
    const { wrapper } = await mountAs(officers.admin, DetailView, {
      path: '/official-lists/imports/i-1',
    });
    expect(lists.byId.query).toHaveBeenCalledWith({ importId: 'i-1', page: 1, pageSize: 20 });
    const text = wrapper.text();
    for (const label of ['全部（3）', '已匹配（1）', '信息不一致（1）', '数据有误（1）']) {
      expect(text).toContain(label);
    }
    const rows = wrapper.get('[data-testid="list-rows"]').text();
    expect(rows).toContain('平台登记为“安徽宿马航天遥感科技有限公司”');
    expect(rows).toContain('并发出免申即享邀请');
    expect(wrapper.get('[data-testid="list-status"]').text()).toBe('待确认导入');
    wrapper.unmount();
  });

  it('lets the bureau administrator commit it', async () => {
    const { wrapper } = await mountAs(officers.admin, DetailView, {
      path: '/official-lists/imports/i-1',
    });
    await wrapper.get('[data-testid="list-commit"]').trigger('click');
    await flushPromises();
    expect(lists.commit.mutate).toHaveBeenCalledWith({ importId: 'i-1' });
    expect(document.body.textContent).toContain(
      '已导入 1 条：核验资质 1 项，发出免申即享邀请 1 项',
    );
    wrapper.unmount();
  });

  it('offers no commit or discard to a reviewer, nor on a committed import', async () => {
    const asReviewer = await mountAs(more.reviewer, DetailView, {
      path: '/official-lists/imports/i-1',
    });
    expect(asReviewer.wrapper.find('[data-testid="list-commit"]').exists()).toBe(false);
    expect(asReviewer.wrapper.find('[data-testid="list-discard"]').exists()).toBe(false);
    asReviewer.wrapper.unmount();
    lists.byId.query.mockResolvedValue(preview({ status: 'committed', statusLabel: '已导入' }));
    const done = await mountAs(officers.admin, DetailView, { path: '/official-lists/imports/i-1' });
    expect(done.wrapper.find('[data-testid="list-commit"]').exists()).toBe(false);
    done.wrapper.unmount();
  });
});

describe('uploading a list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the file with the officer’s token to /files/official-lists', async () => {
    setToken('t-admin');
    const fetch = vi.fn().mockResolvedValue(
      new Response(
        JSON.stringify({
          id: 'f-9',
          originalName: '名单.csv',
          sizeBytes: 10,
          mimeType: 'text/csv',
        }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const file = new File(['证书编号\r\n'], '名单.csv');
    expect(await uploadListFile(file)).toMatchObject({ id: 'f-9' });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/files/official-lists');
    expect(init.headers).toEqual({ authorization: 'Bearer t-admin' });
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('passes the server’s refusal on in its words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(
          JSON.stringify({
            error: { appCode: 'FORBIDDEN', message: '只有局管理员可以导入官方认定名单' },
          }),
          {
            status: 403,
          },
        ),
      ),
    );
    await expect(uploadListFile(new File(['x'], 'a.csv'))).rejects.toThrow(
      '只有局管理员可以导入官方认定名单',
    );
  });

  it('offers the demo’s sample lists for download', () => {
    expect(SAMPLE_LISTS.map((s) => s.kind)).toEqual([
      'high-tech-enterprise',
      'high-tech-enterprise',
      'tech-sme',
      'rd-platform',
      'incubator',
    ]);
    expect(SAMPLE_LISTS.every((s) => s.url && s.filename.startsWith('样表-'))).toBe(true);
  });
});

describe('the 名单导入 menu', () => {
  it('is shown to bureau officers only', () => {
    const titles = (role: string) =>
      buildMenus(moduleRoutes, accessCodesForRole(role)).map((m) => m.title);
    expect(titles('bureau-admin')).toContain('名单导入');
    expect(titles('bureau-reviewer')).toContain('名单导入');
    expect(titles('area-officer')).not.toContain('名单导入');
    expect(titles('finance-officer')).not.toContain('名单导入');
  });
});
