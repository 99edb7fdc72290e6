// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SUBMISSION_EVIDENCE, SUBMISSION_FORMS } from '@kc/domain';
import { fromInput, pathErrors, toInput } from '../src/forms/form-values';
import { describeFields } from '../src/forms/schema-fields';
import type { MySubmission, PublishedCall } from '../src/packages/selection/data';
import { type FakeOutcome, fakeApi, sent } from './support/fake-api';
import { createScreen } from './support/screen';
import { taroStub } from './stubs/taro';

/** Taro's components as plain tags (as in expert-form.test.ts), so the form runs in jsdom. */
vi.mock('@tarojs/components', () => import('./stubs/taro-components'));

const { SubmissionForm } = await import('../src/packages/selection/submission/SubmissionForm');
const { SubmissionView } = await import('../src/packages/selection/submission/SubmissionView');
const form = await import('../src/packages/selection/submission/form');
const data = await import('../src/packages/selection/data');
const { WITHDRAW_QUESTION } = await import('../src/packages/selection/submission/withdraw');

const CALL_ID = '0b6f3a52-8c1e-4d7a-9f3b-2a4c6e8d0f11';
const TODAY = '2027-03-10';

const call = (over: Partial<PublishedCall> = {}) =>
  ({
    id: CALL_ID,
    number: 'SZKC-ZN-2027-02',
    programme: 'key-project',
    programmeName: '未来产业重点科技项目（揭榜挂帅）',
    clause: '四.2',
    year: 2027,
    title: '2027年度未来产业重点科技项目（揭榜挂帅）',
    guide: '面向未来产业五大方向，支持企业联合高校、科研院所攻关关键核心技术。',
    fieldCodes: [],
    fieldNames: [],
    applyFrom: '2027-03-01',
    applyUntil: '2027-04-30',
    quota: null,
    rubric: null,
    status: 'open',
    statusName: '申报中',
    publishedAt: new Date('2027-02-28T02:00:00Z'),
    ...over,
  }) as PublishedCall;

const SCENARIO_FORM = {
  caseName: '宿州智慧农业无人机植保应用场景',
  applicationDomain: 'industry',
  fieldCode: 'aerospace-information',
  site: '埇桥区现代农业示范园',
  summary: '在埇桥区两万亩小麦田开展无人机植保作业，作业效率提升五倍，农药用量下降三成。',
};

const submission = (over: Partial<MySubmission> = {}) =>
  ({
    id: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    number: 'SZKC-SB-2027-0001',
    callId: CALL_ID,
    callNumber: 'SZKC-ZN-2027-01',
    callTitle: '2027年度市级重大应用场景典型案例评选',
    programme: 'scenario-case',
    title: SCENARIO_FORM.caseName,
    fieldCode: 'aerospace-information',
    fieldName: '空天信息',
    areaCode: 'yongqiao',
    areaName: '埇桥区',
    form: SCENARIO_FORM,
    evidence: [
      { kind: 'case-summary', fileId: 'f0000000-0000-4000-8000-000000000001' },
      { kind: 'site-proof', fileId: 'f0000000-0000-4000-8000-000000000002' },
      { kind: 'credit-commitment', fileId: 'f0000000-0000-4000-8000-000000000003' },
    ],
    evidenceRequired: SUBMISSION_EVIDENCE['scenario-case'],
    team: [],
    status: 'returned',
    statusName: '退回修改',
    checkComment: '场景落地证明须有用户单位盖章',
    version: 3,
    submittedAt: new Date('2027-03-05T02:00:00Z'),
    updatedAt: new Date('2027-03-06T02:00:00Z'),
    ...over,
  }) as MySubmission;

const scenarioCall = () =>
  call({
    programme: 'scenario-case',
    programmeName: '市级重大应用场景典型案例评选',
    clause: '四.1',
    title: '2027年度市级重大应用场景典型案例评选',
    quota: 10,
  });

describe('the submission form, generated from the programme’s domain schema', () => {
  it('asks for each programme’s own fields in its words, with the member units where it has them', () => {
    const fields = (p: Parameters<typeof form.submissionSchema>[0]) =>
      describeFields(form.submissionSchema(p), form.submissionOverrides(p, call())).map((f) => [
        f.name,
        f.kind,
        f.title,
      ]);
    expect(fields('scenario-case')).toEqual([
      ['title', 'text', '申报名称'],
      ['caseName', 'text', '案例名称'],
      ['applicationDomain', 'choice', '应用领域'],
      ['fieldCode', 'choice', '未来产业方向'],
      ['site', 'text', '应用场所'],
      ['summary', 'textarea', '场景内容与应用成效'],
    ]);
    expect(fields('key-project')).toEqual([
      ['title', 'text', '申报名称'],
      ['projectName', 'text', '项目名称'],
      ['fieldCode', 'choice', '未来产业方向'],
      ['goals', 'textarea', '研究目标与考核指标'],
      ['cityFundsFen', 'money', '申请市级资金'],
      ['ownFundsFen', 'money', '单位自筹资金'],
      ['months', 'integer', '实施期限（月）'],
      ['team', 'group-list', '合作成员单位'],
    ]);
    expect(fields('talent-team').map(([name]) => name)).toEqual([
      'title',
      ...Object.keys(SUBMISSION_FORMS['talent-team'].shape),
      'team',
    ]);
    // Every field is on screen, in a card.
    for (const p of ['scenario-case', 'key-project', 'talent-team'] as const) {
      expect(
        form
          .submissionSections(p)
          .flatMap((s) => s.fields)
          .sort(),
      ).toEqual(
        fields(p)
          .map(([name]) => name as string)
          .sort(),
      );
    }
  });

  it('refuses missing fields with the schema’s Chinese messages (the API’s own words)', () => {
    const schema = form.submissionSchema('scenario-case');
    const fields = describeFields(schema);
    const { input, problems } = toInput(fields, {
      ...fromInput(fields, { caseName: SCENARIO_FORM.caseName }),
      applicationDomain: '',
    });
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = pathErrors(parsed.success ? [] : parsed.error.issues, problems);
    expect(errors).toMatchObject({
      title: '请填写申报名称',
      site: '请填写应用场所',
      summary: '请填写场景内容与应用成效',
    });
    expect(errors.applicationDomain).toMatch(/^请选择应用领域/);
    expect(errors.caseName).toBeUndefined();
    // The same schema as the API's submit check for the programme's part of the form.
    const apiSide = SUBMISSION_FORMS['scenario-case'].safeParse({
      caseName: SCENARIO_FORM.caseName,
    });
    expect(
      apiSide.success ? [] : apiSide.error.issues.find((i) => i.path[0] === 'site')?.message,
    ).toBe(errors.site);
  });

  it('needs member units for a key project, in the domain’s words; not for a disruptive technology', () => {
    const complete = {
      title: '氢燃料电池膜电极国产化',
      projectName: '氢燃料电池膜电极国产化',
      fieldCode: 'low-carbon-energy',
      goals: '建成年产十万片膜电极中试线，铂载量降至每平方厘米零点二毫克以下，寿命超过一万小时。',
      cityFundsFen: 100_000_000n,
      ownFundsFen: 200_000_000n,
      months: 24,
      team: [],
    };
    const key = form.submissionSchema('key-project').safeParse(complete);
    expect(key.success ? {} : pathErrors(key.error.issues, {})).toEqual({
      team: '本类申报须有合作成员单位（企业与高校、科研院所联合申报）',
    });
    expect(form.submissionSchema('disruptive-tech').safeParse(complete).success).toBe(true);
    const twice = { unitName: '宿州学院', part: '膜电极催化剂研发' };
    const dup = form
      .submissionSchema('key-project')
      .safeParse({ ...complete, team: [twice, twice] });
    expect(dup.success ? {} : pathErrors(dup.error.issues, {})).toEqual({
      team: '成员单位不能重复',
    });
  });

  it('converts money typed in yuan to fen exactly, and back for editing', () => {
    const fields = describeFields(form.submissionSchema('key-project'));
    const { input, problems } = toInput(fields, {
      ...fromInput(fields, {}),
      cityFundsFen: '1,000,000.00',
      ownFundsFen: '2000000.01',
    });
    expect(problems).toEqual({});
    expect(input.cityFundsFen).toBe(100_000_000n);
    expect(input.ownFundsFen).toBe(200_000_001n);
    expect(fromInput(fields, { cityFundsFen: 100_000_000n }).cityFundsFen).toBe('1000000');
    const wrong = toInput(fields, { ...fromInput(fields, {}), cityFundsFen: '一百万' });
    expect(wrong.problems.cityFundsFen).toBe('申请市级资金请填写以元为单位的金额，最多两位小数');
  });

  it('offers only the directions the call supports', () => {
    const overrides = form.submissionOverrides(
      'key-project',
      call({ fieldCodes: ['low-carbon-energy'], fieldNames: ['低碳能源'] }),
    );
    expect(overrides.fieldCode?.options?.map((o) => o.code)).toEqual(['low-carbon-energy']);
    expect(overrides.fieldCode?.hint).toBe('本指南支持的方向：低碳能源');
    expect(form.submissionOverrides('key-project', call()).fieldCode).toBeUndefined();
  });

  it('sends the form apart from its name and team, leaving blank member rows out', () => {
    const content = form.saveContent(
      'key-project',
      {
        title: '膜电极',
        projectName: '膜电极',
        cityFundsFen: 1n,
        team: [{ unitName: '宿州学院', part: '催化剂' }, {}],
      },
      [
        {
          kind: 'project-proposal',
          source: 'upload',
          ref: { kind: 'project-proposal', fileId: 'f1' },
          fileId: 'f1',
          name: '申报书.pdf',
          sizeBytes: 1000,
        },
      ],
      null,
    );
    expect(content).toEqual({
      title: '膜电极',
      form: { projectName: '膜电极', cityFundsFen: 1n },
      team: [{ unitName: '宿州学院', part: '催化剂' }],
      evidence: [{ kind: 'project-proposal', fileId: 'f1' }],
    });
  });

  it('places the API’s field errors under the page’s fields', async () => {
    const { TRPCClientError } = await import('@trpc/client');
    const error = new TRPCClientError('申报内容不完整，请按提示补充', {
      result: {
        error: {
          message: '申报内容不完整，请按提示补充',
          code: -32600,
          data: {
            appCode: 'INVALID_INPUT',
            fieldErrors: {
              'form.site': ['请填写应用场所'],
              'team.1.part': ['请填写承担任务'],
              evidence: ['请上传场景落地证明（合同、验收或用户证明）', '请上传信用承诺书'],
            },
          },
        },
      },
    } as never);
    expect(form.serverErrors(error)).toEqual({
      site: '请填写应用场所',
      'team.1.part': '请填写承担任务',
      evidence: '请上传场景落地证明（合同、验收或用户证明）；请上传信用承诺书',
    });
  });
});

describe('calls: stage and days left', () => {
  const c = call();
  it('counts the days left while a call takes submissions, the deadline day included', () => {
    expect(data.callTiming(c, '2027-03-10')).toMatchObject({
      stage: '申报中',
      days: '剩余 51 天',
      urgent: false,
      taking: true,
    });
    expect(data.callTiming(c, '2027-04-28')).toMatchObject({ days: '剩余 2 天', urgent: true });
    expect(data.callTiming(c, '2027-04-30')).toMatchObject({ days: '今天截止', taking: true });
    expect(data.callTiming(c, '2027-05-01')).toMatchObject({
      stage: '已截止',
      days: null,
      taking: false,
    });
    expect(data.callTiming(c, '2027-02-26')).toMatchObject({
      stage: '即将开始',
      days: '3 天后开始受理',
      taking: false,
    });
  });

  it('shows a later stage by its name', () => {
    expect(
      data.callTiming(call({ status: 'formal-review', statusName: '形式审查中' }), TODAY),
    ).toMatchObject({
      stage: '形式审查中',
      tone: 'formal-review',
      taking: false,
    });
  });

  it('offers 开始申报, 继续申报 or 查看申报 by the organisation’s submission', () => {
    const open = data.callTiming(c, TODAY);
    const closed = data.callTiming(c, '2027-05-01');
    expect(data.callAction(open, null)).toEqual({ label: '开始申报', enabled: true });
    expect(data.callAction(open, submission({ status: 'draft' }))).toEqual({
      label: '继续申报',
      enabled: true,
    });
    expect(data.callAction(open, submission())).toEqual({ label: '继续申报', enabled: true });
    expect(data.callAction(open, submission({ status: 'submitted' })).label).toBe('查看申报');
    expect(data.callAction(closed, submission({ status: 'draft' })).label).toBe('查看申报');
    expect(data.callAction(closed, null)).toEqual({ label: '申报已截止', enabled: false });
  });
});

describe('the submission form on screen', () => {
  const screen = createScreen();
  const { $, text, valueOf, render, click, type } = screen;

  async function show(c: PublishedCall, existing: MySubmission | null) {
    const done: MySubmission[] = [];
    await render(
      createElement(SubmissionForm, {
        call: c,
        timing: data.callTiming(c, TODAY),
        existing,
        onDone: (s: MySubmission) => done.push(s),
      }),
    );
    return done;
  }

  it('refuses an empty submission under each field in the schema’s words, and sends nothing', async () => {
    const seen = fakeApi(() => ({ data: null }));
    await show(call(), null);
    await click('submission-submit');
    expect(text('submission-title-error')).toBe('请填写申报名称');
    expect(text('submission-projectName-error')).toBe('请填写项目名称');
    expect(text('submission-cityFundsFen-error')).toBe('请填写申请市级资金');
    expect(text('submission-months-error')).toBe('请填写实施期限（月）');
    expect(text('submission-team-0-unitName-error')).toBe('请填写成员单位');
    expect(text('evidence-error')).toBe(
      '请上传项目申报书；请上传产学研合作协议；请上传自筹资金承诺；请上传信用承诺书',
    );
    expect(taroStub.toasts).toContain('请按提示修改标红的内容');
    expect(seen).toEqual([]);
  });

  it('adds and removes member units', async () => {
    fakeApi(() => ({ data: null }));
    await show(call(), null);
    // A key project starts with one unit, which cannot be removed while it is the only one.
    expect($('submission-team-0')).not.toBeNull();
    expect($('submission-team-0-remove')).toBeNull();
    expect(text('submission-team-add')).toBe('+ 添加成员单位');

    await click('submission-team-add');
    await click('submission-team-add');
    await type('submission-team-0-unitName', '宿州学院');
    await type('submission-team-1-unitName', '安徽宿氢新能源科技有限公司');
    await type('submission-team-2-unitName', '宿州市氢能研究院');
    expect($('submission-team-1-remove')?.getAttribute('aria-label')).toBe('删除第 2 项');

    await click('submission-team-1-remove');
    expect(valueOf('submission-team-0-unitName')).toBe('宿州学院');
    expect(valueOf('submission-team-1-unitName')).toBe('宿州市氢能研究院');
    expect($('submission-team-2')).toBeNull();
    await click('submission-team-1-remove');
    expect($('submission-team-1')).toBeNull();
    expect($('submission-team-0-remove')).toBeNull();
  });

  it('stops offering another unit at the schema’s maximum', async () => {
    fakeApi(() => ({ data: null }));
    await show(call(), null);
    for (let i = 1; i < form.MAX_TEAM; i++) await click('submission-team-add');
    expect($(`submission-team-${form.MAX_TEAM - 1}`)).not.toBeNull();
    expect($('submission-team-add')).toBeNull();
    expect(text('submission-team-full')).toBe(`最多填写 ${form.MAX_TEAM} 项`);
  });

  it('a programme without member units has no team section and may start with none', async () => {
    fakeApi(() => ({ data: null }));
    await show(scenarioCall(), null);
    expect($('submission-caseName')).not.toBeNull();
    expect($('submission-team')).toBeNull();
    await show(call({ programme: 'disruptive-tech', programmeName: '颠覆性技术创新专项' }), null);
    expect($('submission-team')).not.toBeNull();
    expect($('submission-team-0')).toBeNull();
  });

  it('saves a draft with the money typed in yuan sent exactly as fen', async () => {
    const seen = fakeApi((path, input) =>
      path === 'selection.submissions.save'
        ? {
            data: submission({
              programme: 'key-project',
              status: 'draft',
              version: 1,
              ...(input as object),
            }),
          }
        : { data: null },
    );
    await show(call(), null);
    await type('submission-title', '氢燃料电池膜电极国产化');
    await type('submission-projectName', '氢燃料电池膜电极国产化');
    await click('submission-fieldCode-low-carbon-energy');
    await type('submission-cityFundsFen', '1,000,000.00');
    await type('submission-ownFundsFen', '2,500,000.5');
    await type('submission-months', '24');
    await click('submission-team-add');
    await type('submission-team-0-unitName', '宿州学院');
    await type('submission-team-0-part', '膜电极催化剂研发');
    expect(taroStub.leaveAlert).toContain('尚未保存');

    await click('submission-save');
    expect(sent(seen, 'selection.submissions.save')).toEqual([
      {
        callId: CALL_ID,
        title: '氢燃料电池膜电极国产化',
        form: {
          projectName: '氢燃料电池膜电极国产化',
          fieldCode: 'low-carbon-energy',
          cityFundsFen: 100_000_000n,
          ownFundsFen: 250_000_050n,
          months: 24,
        },
        // The second row was left blank: a draft goes without it.
        team: [{ unitName: '宿州学院', part: '膜电极催化剂研发' }],
        evidence: [],
        // A key project always says which need it answers (揭榜挂帅): none here.
        needId: null,
      },
    ]);
    expect(taroStub.toasts).toContain('草稿已保存');
    expect(taroStub.leaveAlert).toBeNull();

    // The next save names the version it changes.
    await type('submission-months', '30');
    await click('submission-save');
    expect(sent(seen, 'selection.submissions.save')[1]).toMatchObject({
      expectedVersion: 1,
      form: { months: 30 },
    });
  });

  it('shows the formal check’s comment first on a returned submission, and resubmits it', async () => {
    const returned = submission();
    const seen = fakeApi((path) => {
      if (path === 'selection.submissions.save') return { data: submission({ version: 4 }) };
      if (path === 'selection.submissions.submit')
        return {
          data: submission({
            version: 5,
            status: 'submitted',
            statusName: '待县区形式审查',
            checkComment: null,
          }),
        };
      return { data: null };
    });
    const done = await show(scenarioCall(), returned);
    expect(text('submission-returned-comment')).toBe('场景落地证明须有用户单位盖章');
    expect(text('submission-returned')).toContain('请在 2027-04-30 前修改后重新提交');
    expect(valueOf('submission-site')).toBe('埇桥区现代农业示范园');
    expect(text('submission-submit')).toBe('重新提交');
    // Saved uploads are listed by their document (the API gives no file names).
    expect(screen.container.textContent).toContain('已上传的信用承诺书');

    await click('submission-submit');
    expect(sent(seen, 'selection.submissions.save')[0]).toMatchObject({
      expectedVersion: 3,
      form: SCENARIO_FORM,
      evidence: returned.evidence,
      team: [],
    });
    expect(sent(seen, 'selection.submissions.submit')).toEqual([
      { id: returned.id, expectedVersion: 4 },
    ]);
    expect(taroStub.toasts).toContain('已重新提交');
    expect(done.map((s) => s.status)).toEqual(['submitted']);
  });

  it('shows the API’s refusal beside the matching fields', async () => {
    const failure = (error: Extract<FakeOutcome, { error: unknown }>['error']) =>
      fakeApi((path) =>
        path === 'selection.submissions.save' ? { data: submission({ version: 4 }) } : { error },
      );
    failure({
      message: '申报内容不完整，请按提示补充',
      code: 'BAD_REQUEST',
      httpStatus: 400,
      appCode: 'INVALID_INPUT',
      fieldErrors: {
        'form.summary': ['场景内容与应用成效至少20个字'],
        evidence: ['请上传信用承诺书'],
      },
    });
    await show(scenarioCall(), submission());
    await click('submission-submit');
    expect(text('submission-summary-error')).toBe('场景内容与应用成效至少20个字');
    expect(text('evidence-error')).toBe('请上传信用承诺书');
    expect($('submission-form-error')).toBeNull();
    expect(taroStub.toasts).toContain('申报内容不完整，请按提示补充');

    // Changing the field clears the server's verdict about it.
    await type('submission-summary', `${SCENARIO_FORM.summary}已推广至三个县区。`);
    expect($('submission-summary-error')).toBeNull();
  });

  it('says an unverified organisation cannot submit, with the way to 机构认证', async () => {
    fakeApi((path) =>
      path === 'selection.submissions.save'
        ? { data: submission({ version: 4 }) }
        : {
            error: {
              message:
                '单位尚未通过机构认证，请先在“我的—机构认证”提交营业执照等材料，认证通过后才能提交',
              code: 'FORBIDDEN',
              httpStatus: 403,
              appCode: 'ORGANISATION_NOT_VERIFIED',
            },
          },
    );
    await show(scenarioCall(), submission());
    await click('submission-submit');
    expect(text('submission-form-error')).toContain('单位尚未通过机构认证');
    expect($('submission-verify')).not.toBeNull();
  });

  it('withdraws only after the confirmation', async () => {
    const seen = fakeApi((path) =>
      path === 'selection.submissions.withdraw'
        ? { data: submission({ status: 'withdrawn', statusName: '已撤回', version: 4 }) }
        : { data: null },
    );
    const done = await show(scenarioCall(), submission());
    taroStub.modalConfirm = false;
    await click('submission-withdraw');
    expect(taroStub.modals).toEqual([WITHDRAW_QUESTION]);
    expect(seen).toEqual([]);

    taroStub.modalConfirm = true;
    await click('submission-withdraw');
    expect(sent(seen, 'selection.submissions.withdraw')).toEqual([
      { id: submission().id, expectedVersion: 3 },
    ]);
    expect(done.map((s) => s.status)).toEqual(['withdrawn']);
  });
});

describe('a submission that can no longer be changed', () => {
  const render = (s: Partial<MySubmission>) =>
    renderToStaticMarkup(
      createElement(SubmissionView, {
        call: scenarioCall(),
        submission: submission(s),
        onChanged: () => undefined,
      }),
    );

  it('shows a rejection with its reason, and no withdraw', () => {
    const html = render({
      status: 'rejected',
      statusName: '形式审查未通过',
      checkComment: '缺少场景落地证明',
    });
    expect(html).toMatch(/id="submission-comment"[^>]*>理由：缺少场景落地证明</);
    expect(html).toContain('形式审查未通过');
    expect(html).not.toContain('submission-withdraw');
  });

  it('shows what was sent, money and choices by name, and offers to withdraw while waiting', () => {
    const html = render({ status: 'submitted', statusName: '待县区形式审查', checkComment: null });
    expect(html).toContain('等待所在县区形式审查');
    expect(html).toContain('埇桥区现代农业示范园');
    expect(html).toContain('空天信息');
    expect(html).toContain('已上传 1 份');
    expect(html).toContain('submission-withdraw');
    expect(html).not.toContain('submission-comment');
  });

  it('shows a key project’s funds in yuan and its units', () => {
    const html = renderToStaticMarkup(
      createElement(SubmissionView, {
        call: call(),
        submission: submission({
          programme: 'key-project',
          status: 'passed',
          statusName: '通过形式审查',
          checkComment: null,
          form: { projectName: '膜电极', cityFundsFen: 100_000_000n },
          evidenceRequired: SUBMISSION_EVIDENCE['key-project'],
          team: [
            {
              unitName: '宿州学院',
              unitCreditCode: null,
              personName: '王五',
              part: '催化剂研发',
              confirmed: false,
              onPlatform: true,
              declineReason: null,
            },
          ],
        }),
        onChanged: () => undefined,
      }),
    );
    expect(html).toContain('¥1,000,000.00');
    expect(html).toContain('宿州学院');
    expect(html).toContain('负责人：王五');
  });
});
