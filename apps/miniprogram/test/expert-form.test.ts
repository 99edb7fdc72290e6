// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPERT_TITLES, MAX_DECLARED_CONFLICTS, expertProfileSchema } from '@kc/domain';
import { pathErrors, toInput } from '../src/forms/form-values';
import { describeFields } from '../src/forms/schema-fields';
import type { MyExpert, MyProfile } from '../src/packages/expert/data';
import { saveSession } from '../src/services/session-store';
import { type FakeOutcome, fakeApi } from './support/fake-api';
import { taroStub } from './stubs/taro';

/**
 * Taro's components as plain tags, so the 专家库 form renders and is driven in jsdom: an Input
 * reports typing as Taro does (`detail.value`), clicks reach onClick.
 */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { ExpertForm, EXPERT_OVERRIDES, EXPERT_SECTIONS } =
  await import('../src/packages/expert/profile/ExpertForm');
const { StatusCard } = await import('../src/packages/expert/profile/StatusCard');
const data = await import('../src/packages/expert/data');

const VALID = {
  name: '周明远',
  mobile: '13912345678',
  title: 'professor',
  unitName: '宿州学院',
  fieldCodes: ['general-intelligence'],
  subFieldCodes: ['computing-power'],
  expertise: '智能算力调度与边缘计算',
  conflicts: [] as string[],
};

const EXPERT: MyExpert = {
  id: 'e1',
  ...VALID,
  title: 'professor',
  unitCreditCode: undefined,
  fieldCodes: ['general-intelligence'],
  subFieldCodes: ['computing-power'],
  status: 'pending',
  statusName: '待审核',
  statusReason: null,
  version: 1,
  updatedAt: new Date('2026-12-01T02:00:00Z'),
} as MyExpert;

const JUNIOR_MESSAGE = '入库专家须具有副高级及以上职称，请选择职称';

describe('the 专家库 form, generated from the domain schema', () => {
  const fields = describeFields(expertProfileSchema, EXPERT_OVERRIDES);
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));

  it('asks for the schema’s fields in its words, and every one of them is on screen', () => {
    expect(fields.map((f) => [f.name, f.kind, f.title, f.optional])).toEqual([
      ['name', 'text', '姓名', false],
      ['mobile', 'text', '手机号码', false],
      ['title', 'choice', '职称', false],
      ['unitName', 'text', '工作单位', false],
      ['unitCreditCode', 'text', '单位统一社会信用代码', true],
      ['fieldCodes', 'multi-choice', '产业领域', false],
      ['subFieldCodes', 'multi-choice', '细分方向', true],
      ['expertise', 'textarea', '研究专长', false],
      ['conflicts', 'text-rows', '需要回避的单位或人员', true],
    ]);
    // Each declared conflict is a box of its own, as long as the schema lets an item be.
    expect(byName.conflicts?.maxLength).toBe(60);
    expect(EXPERT_SECTIONS.flatMap((s) => s.fields).sort()).toEqual(
      fields.map((f) => f.name).sort(),
    );
  });

  it('offers only the titles the pool takes (副高级及以上)', () => {
    expect(byName.title?.options).toEqual(EXPERT_TITLES.map(({ code, name }) => ({ code, name })));
    expect(byName.title?.options.map((o) => o.name)).not.toContain('讲师');
  });

  it('refuses a junior title with the schema’s own Chinese message', () => {
    for (const title of ['lecturer', 'engineer', '']) {
      const { input, problems } = toInput(fields, { ...VALID, unitCreditCode: '', title });
      const parsed = expertProfileSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      expect(pathErrors(parsed.success ? [] : parsed.error.issues, problems).title).toBe(
        JUNIOR_MESSAGE,
      );
    }
    const { input } = toInput(fields, { ...VALID, unitCreditCode: '' });
    expect(expertProfileSchema.safeParse(input).success).toBe(true);
  });

  it('keeps every declared conflict row, so the schema’s word about row 2 lands under row 2', () => {
    const { input } = toInput(fields, { ...VALID, conflicts: ['宿州创新理工学院', ' '] });
    expect(input.conflicts).toEqual(['宿州创新理工学院', ' ']);
    const parsed = expertProfileSchema.safeParse(input);
    expect(pathErrors(parsed.success ? [] : parsed.error.issues, {})).toEqual({
      'conflicts.1': '请填写回避单位或人员',
    });
  });
});

describe('the 专家库 form on screen', () => {
  let container: HTMLElement;
  let root: ReturnType<typeof createRoot>;

  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    taroStub.storage.clear();
    taroStub.toasts.length = 0;
    saveSession('tok-1', new Date(Date.now() + 3_600_000));
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  async function show(props: Partial<Parameters<typeof ExpertForm>[0]> = {}) {
    const saved: MyExpert[] = [];
    await act(async () =>
      root.render(
        createElement(ExpertForm, {
          initial: VALID,
          submitLabel: '提交申请',
          onSaved: (s: MyExpert) => saved.push(s),
          ...props,
        }),
      ),
    );
    return saved;
  }
  const $ = (id: string) => container.querySelector<HTMLElement>(`#${id}`);
  const text = (id: string) => $(id)?.textContent ?? null;
  async function click(id: string) {
    const el = $(id);
    if (!el) throw new Error(`no #${id}`);
    await act(async () => {
      el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
  }
  async function type(id: string, value: string) {
    const el = $(id) as HTMLInputElement | null;
    if (!el) throw new Error(`no #${id}`);
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  /** Submits and lets the request (if any) and its answer play out. */
  async function submit() {
    await click('expert-submit');
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  }
  function serve(answer: (path: string, input: unknown) => FakeOutcome) {
    return fakeApi(answer);
  }

  it('refuses a junior title under the field with the schema’s message, and sends nothing', async () => {
    const seen = serve(() => ({ data: EXPERT }));
    const saved = await show({ initial: { ...VALID, title: 'lecturer' } });
    // The chips are the senior titles only; the junior one cannot even be tapped.
    expect($('expert-title-professor')).not.toBeNull();
    expect($('expert-title-lecturer')).toBeNull();
    await submit();
    expect(text('expert-title-error')).toBe(JUNIOR_MESSAGE);
    expect(taroStub.toasts).toContain('请按提示修改标红的内容');
    expect(seen).toEqual([]);
    expect(saved).toEqual([]);

    await click('expert-title-associate-professor');
    expect($('expert-title-error')).toBeNull();
    await submit();
    expect(seen.flatMap((r) => r.paths)).toEqual(['experts.saveMine']);
    expect(seen[0]?.inputs[0]).toMatchObject({ title: 'associate-professor' });
    expect(saved).toEqual([EXPERT]);
  });

  it('adds and removes declared conflicts, and saves the ones left', async () => {
    const seen = serve(() => ({ data: EXPERT }));
    await show();
    expect($('expert-conflicts-0')).toBeNull();
    expect(text('expert-conflicts-add')).toBe('+ 添加需要回避的单位或人员');

    await click('expert-conflicts-add');
    await click('expert-conflicts-add');
    await click('expert-conflicts-add');
    await type('expert-conflicts-0', '宿州创新理工学院');
    await type('expert-conflicts-1', '安徽宿氢新能源科技有限公司');
    await type('expert-conflicts-2', '李四');
    expect(text('expert-conflicts-1-label')).toBe('第 2 项');
    expect($('expert-conflicts-1-remove')?.getAttribute('aria-label')).toBe(
      '删除第 2 项：安徽宿氢新能源科技有限公司',
    );

    await click('expert-conflicts-1-remove');
    expect(($('expert-conflicts-0') as HTMLInputElement).value).toBe('宿州创新理工学院');
    expect(($('expert-conflicts-1') as HTMLInputElement).value).toBe('李四');
    expect($('expert-conflicts-2')).toBeNull();

    // A row added and left blank is refused under that row, in the schema's words.
    await click('expert-conflicts-add');
    await submit();
    expect(text('expert-conflicts-2-error')).toBe('请填写回避单位或人员');
    expect(seen).toEqual([]);

    await click('expert-conflicts-2-remove');
    await submit();
    expect(seen[0]?.inputs[0]).toMatchObject({ conflicts: ['宿州创新理工学院', '李四'] });
  });

  it('stops offering another conflict at the schema’s maximum', async () => {
    const full = Array.from({ length: MAX_DECLARED_CONFLICTS }, (_, i) => `回避单位${i + 1}`);
    await show({ initial: { ...VALID, conflicts: full } });
    expect($(`expert-conflicts-${MAX_DECLARED_CONFLICTS - 1}`)).not.toBeNull();
    expect($('expert-conflicts-add')).toBeNull();
    expect(text('expert-conflicts-full')).toBe(`最多填写 ${MAX_DECLARED_CONFLICTS} 项`);
    await click('expert-conflicts-0-remove');
    expect($('expert-conflicts-add')).not.toBeNull();
  });

  it('shows the API’s fieldErrors beside their fields', async () => {
    serve(() => ({
      error: {
        message: '提交的信息有误',
        code: 'BAD_REQUEST',
        httpStatus: 400,
        appCode: 'INVALID_INPUT',
        fieldErrors: {
          unitName: ['工作单位与单位统一社会信用代码不一致'],
          'conflicts.0': ['回避单位或人员至少2个字'],
        },
      },
    }));
    const failures: string[] = [];
    await show({
      initial: { ...VALID, conflicts: ['宿州学院'] },
      onFailed: (e) => failures.push(e.appCode ?? ''),
    });
    await submit();
    expect(text('expert-unitName-error')).toBe('工作单位与单位统一社会信用代码不一致');
    expect(text('expert-conflicts-error')).toBe('回避单位或人员至少2个字');
    expect(failures).toEqual(['INVALID_INPUT']);

    // Changing the field clears the server's verdict about it.
    await type('expert-unitName', '宿州学院（东校区）');
    expect($('expert-unitName-error')).toBeNull();
  });

  it('says a suspended expert cannot edit, in the server’s words, and tells the page', async () => {
    serve(() => ({
      error: {
        message: '您的专家资格已暂停，暂不能修改资料，请联系市科技局',
        code: 'FORBIDDEN',
        httpStatus: 403,
        appCode: 'EXPERT_SUSPENDED',
      },
    }));
    const failures: string[] = [];
    await show({ onFailed: (e) => failures.push(e.appCode ?? '') });
    await submit();
    expect(taroStub.toasts).toContain('您的专家资格已暂停，暂不能修改资料，请联系市科技局');
    expect(failures).toEqual(['EXPERT_SUSPENDED']);
  });

  it('does not save when the expert declines the warning', async () => {
    const seen = serve(() => ({ data: EXPERT }));
    const asked: string[] = [];
    const saved = await show({
      confirm: async (profile) => {
        asked.push(profile.name);
        return false;
      },
    });
    await submit();
    expect(asked).toEqual(['周明远']);
    expect(seen).toEqual([]);
    expect(saved).toEqual([]);
  });
});

describe('starting from the researcher profile', () => {
  const researcher = (title: string) =>
    ({
      type: 'researcher',
      researcher: {
        name: '王五',
        mobile: '13812345678',
        institutionName: '宿州学院',
        institutionCreditCode: null,
        title,
        fieldCodes: ['general-intelligence'],
        subFieldCodes: [],
        expertise: '机器视觉',
      },
    }) as unknown as MyProfile;

  it('takes name, mobile, unit, title, fields and expertise from it', () => {
    expect(data.prefill(researcher('associate-professor'))).toEqual({
      name: '王五',
      mobile: '13812345678',
      title: 'associate-professor',
      unitName: '宿州学院',
      unitCreditCode: '',
      fieldCodes: ['general-intelligence'],
      subFieldCodes: [],
      expertise: '机器视觉',
      conflicts: [],
    });
    expect(data.juniorTitleOf(researcher('associate-professor'))).toBeNull();
  });

  it('leaves a junior title unchosen and says why', () => {
    expect(data.prefill(researcher('lecturer')).title).toBe('');
    expect(data.juniorTitleOf(researcher('lecturer'))).toBe('讲师');
  });

  it('takes an organisation member’s unit', () => {
    const org = {
      type: 'organisation',
      organisation: { name: '宿州示范科技有限公司', creditCode: '91341302MA2N0B1C2X' },
    } as unknown as MyProfile;
    expect(data.prefill(org)).toMatchObject({
      unitName: '宿州示范科技有限公司',
      unitCreditCode: '91341302MA2N0B1C2X',
    });
    expect(data.juniorTitleOf(org)).toBeNull();
  });
});

describe('editing an expert in the pool', () => {
  const active = { ...EXPERT, status: 'active', statusName: '在库' } as MyExpert;
  const after = expertProfileSchema.parse(VALID);

  it('warns before a change that sends them back to 待审核, naming what changed', () => {
    const warning = data.reviewWarning(active, {
      ...after,
      title: 'researcher',
      unitName: '宿州大学',
    });
    expect(warning).toContain('您修改了职称、工作单位');
    expect(warning).toContain('待审核');
  });

  it('does not warn about mobile, expertise or conflicts, nor anyone not yet 在库', () => {
    expect(
      data.reviewWarning(active, {
        ...after,
        mobile: '13700000000',
        expertise: '算力网络',
        conflicts: ['宿州学院'],
      }),
    ).toBeNull();
    expect(data.reviewWarning(EXPERT, { ...after, name: '周明' })).toBeNull();
  });

  it('names the fields that need review as the form titles them', () => {
    expect(data.REVIEW_FIELD_TITLES).toEqual([
      '姓名',
      '职称',
      '工作单位',
      '单位统一社会信用代码',
      '产业领域',
    ]);
  });
});

describe('the status view', () => {
  const render = (patch: Partial<MyExpert>) =>
    renderToStaticMarkup(createElement(StatusCard, { expert: { ...EXPERT, ...patch } }));

  it('shows 未通过 with the officer’s reason, and offers to apply again', () => {
    const html = render({
      status: 'rejected',
      statusName: '未通过',
      statusReason: '职称证书未上传',
    });
    expect(html).toContain('未通过');
    expect(html).toMatch(/id="expert-status-reason"[^>]*>未通过原因：职称证书未上传</);
    expect(data.explainStatus({ status: 'rejected', statusReason: 'x' }).editLabel).toBe(
      '修改并重新申请',
    );
  });

  it('shows 已暂停 with its reason, and no way to edit', () => {
    const html = render({
      status: 'suspended',
      statusName: '已暂停',
      statusReason: '连续三次无故缺席评审',
    });
    expect(html).toMatch(/id="expert-status-reason"[^>]*>暂停原因：连续三次无故缺席评审</);
    expect(html).toContain('不能修改资料');
    expect(data.explainStatus({ status: 'suspended', statusReason: null }).editLabel).toBeNull();
  });

  it('shows 待审核 and 在库 without a reason line when there is none', () => {
    const pending = render({});
    expect(pending).toContain('待审核');
    expect(pending).toContain('正在等待市科技局审核');
    expect(pending).not.toContain('expert-status-reason');
    const active = render({ status: 'active', statusName: '在库' });
    expect(active).toContain('在库');
    expect(active).not.toContain('expert-status-reason');
  });

  it('shows what was registered, the mobile masked', () => {
    const html = render({ conflicts: ['宿州创新理工学院', '李四'] });
    expect(html).toContain('139****5678');
    expect(html).not.toContain('13912345678');
    expect(html).toContain('宿州创新理工学院、李四');
    expect(html).toContain('通用智能');
  });
});
