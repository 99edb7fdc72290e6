import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SELECTION_CALL_STATUS_CODES,
  SELECTION_PROGRAMME_CODES,
  SUBMISSION_STATUS_CODES,
} from '@kc/domain';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmApplicant } from './awards-support';

/**
 * Selection calls (申报指南) and submissions up to the formal check (issue 14): the bureau writes
 * and publishes a call, a firm submits, the area officer then the bureau check it; returns before
 * the deadline, reasoned rejections after it.
 */
describe('selection calls', () => {
  let h: Harness;
  beforeAll(async () => {
    // 2027-03-01 10:00 in Shanghai.
    h = await createHarness({ start: new Date('2027-03-01T02:00:00Z') });
  });
  afterAll(() => h.close());

  const GUIDE = '面向未来产业五大方向，征集已落地运行、成效明显的应用场景典型案例。';
  const scenarioCall = (over: Record<string, unknown> = {}) => ({
    programme: 'scenario-case' as const,
    year: 2027,
    title: '2027年度市级重大应用场景典型案例评选',
    guide: GUIDE,
    applyFrom: '2027-03-01',
    applyUntil: '2027-03-31',
    ...over,
  });
  const scenarioForm = {
    caseName: '宿州智慧农业无人机植保应用场景',
    applicationDomain: 'industry',
    fieldCode: 'aerospace-information',
    site: '埇桥区现代农业示范园',
    summary: '在埇桥区两万亩小麦田开展无人机植保作业，作业效率提升五倍，农药用量下降三成。',
  };

  async function uploads(firm: Awaited<ReturnType<typeof firmApplicant>>, kinds: string[]) {
    return Promise.all(
      kinds.map(async (k) => ({ kind: k, fileId: (await firm.upload(k)).fileId })),
    );
  }

  it('the database holds to the same statuses and programmes as the domain', async () => {
    const rows = await h.prisma.$queryRaw<{ name: string; def: string }[]>`
      SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conname IN ('selection_call_status_valid', 'selection_call_programme_valid',
                        'selection_submission_status_valid')`;
    const listed = (name: string) =>
      [...(rows.find((r) => r.name === name)?.def ?? '').matchAll(/'([a-z-]+)'/g)]
        .map((m) => m[1])
        .sort();
    expect(listed('selection_call_status_valid')).toEqual([...SELECTION_CALL_STATUS_CODES].sort());
    expect(listed('selection_call_programme_valid')).toEqual([...SELECTION_PROGRAMME_CODES].sort());
    expect(listed('selection_submission_status_valid')).toEqual(
      [...SUBMISSION_STATUS_CODES].sort(),
    );
  });

  it('the bureau writes a call within the plan: at most 10 scenario cases, 10 when unset', async () => {
    const admin = await h.officer('admin');
    const tooMany = await failure(() =>
      admin.selection.calls.create.mutate(scenarioCall({ quota: 12 })),
    );
    expect(tooMany.fieldErrors?.quota).toEqual(['四.1规定每年不超过10项，拟支持数量不能超过10']);
    const call = await admin.selection.calls.create.mutate(scenarioCall());
    expect(call).toMatchObject({
      number: 'SZKC-ZN-2027-01',
      quota: 10,
      status: 'draft',
      statusName: '草拟中',
      programmeName: '市级重大应用场景典型案例评选',
      actions: [{ code: 'publish', name: '发布申报指南' }],
    });
    expect(
      (await failure(() => h.client().selection.calls.publishedById.query({ id: call.id })))
        .appCode,
    ).toBe('NOT_FOUND');
    const yongqiao = await h.officer('yongqiao');
    expect(
      (await failure(() => yongqiao.selection.calls.create.mutate(scenarioCall()))).appCode,
    ).toBe('FORBIDDEN');
    const dates = await failure(() =>
      admin.selection.calls.create.mutate(scenarioCall({ applyUntil: '2027-02-01' })),
    );
    expect(dates.fieldErrors?.applyUntil).toEqual(['申报截止日期不能早于开始日期']);
  });

  it('runs a scenario call from publication through both formal checks', async () => {
    const admin = await h.officer('admin');
    const created = await admin.selection.calls.create.mutate(scenarioCall({ quota: 8 }));
    const call = await admin.selection.calls.advance.mutate({
      id: created.id,
      expectedVersion: created.version,
      action: 'publish',
    });
    expect(call.statusName).toBe('申报中');
    const listed = await h.client().selection.calls.published.query();
    expect(listed.find((c) => c.id === call.id)).toMatchObject({ quota: 8, clause: '四.1' });

    // A firm of 埇桥区 prepares its submission; an incomplete one is refused field by field.
    const firm = await firmApplicant(h, 'yongqiao');
    const draft = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      title: scenarioForm.caseName,
      form: { caseName: scenarioForm.caseName, fieldCode: 'aerospace-information' },
      evidence: await uploads(firm, ['case-summary']),
    });
    expect(draft).toMatchObject({ status: 'draft', statusName: '草稿', areaName: '埇桥区' });
    const incomplete = await failure(() =>
      firm.client.selection.submissions.submit.mutate({
        id: draft.id,
        expectedVersion: draft.version,
      }),
    );
    expect(incomplete.appCode).toBe('INVALID_INPUT');
    expect(incomplete.fieldErrors?.['form.site']).toEqual(['请填写应用场所']);
    expect(incomplete.fieldErrors?.evidence).toEqual([
      '请上传场景落地证明（合同、验收或用户证明）',
      '请上传信用承诺书',
    ]);

    // Another organisation cannot see or touch it.
    const other = await firmApplicant(h, 'dangshan');
    expect(
      (
        await failure(() =>
          other.client.selection.submissions.submit.mutate({
            id: draft.id,
            expectedVersion: draft.version,
          }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    const complete = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      expectedVersion: draft.version,
      title: scenarioForm.caseName,
      form: scenarioForm,
      evidence: await uploads(firm, ['case-summary', 'site-proof', 'credit-commitment']),
    });
    const submitted = await firm.client.selection.submissions.submit.mutate({
      id: complete.id,
      expectedVersion: complete.version,
    });
    expect(submitted.statusName).toBe('待县区形式审查');

    // Another area's officer does not see it.
    const reviewer = await h.officer('reviewer');
    const dangshan = await h.officer('dangshan');
    expect(await dangshan.selection.calls.submissions.query({ id: call.id })).toEqual([]);

    // The area officer returns it before the deadline, with a comment the firm is told.
    const yongqiao = await h.officer('yongqiao');
    const noComment = await failure(() =>
      yongqiao.selection.submissions.formalCheck.mutate({
        id: submitted.id,
        expectedVersion: submitted.version,
        action: 'return',
      }),
    );
    expect(noComment.fieldErrors?.comment).toEqual(['退回修改须写明需要补正的内容']);
    const returned = await yongqiao.selection.submissions.formalCheck.mutate({
      id: submitted.id,
      expectedVersion: submitted.version,
      action: 'return',
      comment: '场景落地证明须有用户单位盖章',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      checkComment: '场景落地证明须有用户单位盖章',
    });
    const told = await firm.client.notifications.mine.query({});
    expect(told.items[0]?.title).toBe('2027年度市级重大应用场景典型案例评选：申报被退回修改');

    const again = await firm.client.selection.submissions.submit.mutate({
      id: returned.id,
      expectedVersion: returned.version,
    });
    const areaPassed = await yongqiao.selection.submissions.formalCheck.mutate({
      id: again.id,
      expectedVersion: again.version,
      action: 'pass',
    });
    expect(areaPassed.statusName).toBe('待市局形式审查');

    // Before the deadline the bureau returns rather than rejects.
    const early = await failure(() =>
      reviewer.selection.submissions.formalCheck.mutate({
        id: areaPassed.id,
        expectedVersion: areaPassed.version,
        action: 'reject',
        comment: '材料不全',
      }),
    );
    expect(early.message).toBe('申报尚未截止，材料不全的请“退回修改”，申报单位可补正后重新提交');
    // Closing early is refused too.
    const current = await admin.selection.calls.byId.query({ id: call.id });
    expect(
      (
        await failure(() =>
          admin.selection.calls.advance.mutate({
            id: call.id,
            expectedVersion: current.version,
            action: 'close-applications',
          }),
        )
      ).message,
    ).toBe('申报截止日期为2027-03-31，截止后才能开始形式审查');

    // After the deadline (2027-04-01 in Shanghai): no more edits; the call closes; the bureau decides.
    h.clock.now = new Date('2027-03-31T16:00:00Z');
    const { openid } = await h.prisma.user.findUniqueOrThrow({ where: { id: firm.userId } });
    const firmAgain = await h.applicant(openid ?? '');
    const late = await failure(() =>
      firmAgain.selection.submissions.save.mutate({
        callId: call.id,
        title: scenarioForm.caseName,
        form: scenarioForm,
      }),
    );
    expect(late.message).toBe('申报已于2027-03-31截止，不能再提交或修改');
    const admin2 = await h.officer('admin');
    const closed = await admin2.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: current.version,
      action: 'close-applications',
    });
    expect(closed.statusName).toBe('形式审查中');
    const reviewer2 = await h.officer('reviewer');
    const passed = await reviewer2.selection.submissions.formalCheck.mutate({
      id: areaPassed.id,
      expectedVersion: areaPassed.version,
      action: 'pass',
    });
    expect(passed.statusName).toBe('通过形式审查');
    const review = await admin2.selection.calls.advance.mutate({
      id: call.id,
      expectedVersion: closed.version,
      action: 'start-expert-review',
    });
    expect(review).toMatchObject({ statusName: '专家评审中', submissionCounts: { passed: 1 } });

    const audit = await admin2.audit.search.query({ objectId: passed.id });
    expect(audit.items.map((i) => i.actionLabel).reverse()).toEqual([
      '新建申报',
      '提交申报',
      '形式审查退回修改',
      '修改后重新提交申报',
      '形式审查通过',
      '形式审查通过',
    ]);
    expect(audit.items[0]?.objectLabel).toBe(`${passed.number} ${scenarioForm.caseName}`);
    h.clock.now = new Date('2027-03-01T02:00:00Z');
  });

  it('the bureau takes the area step where no area officer does, then its own; both on record', async () => {
    const admin = await h.officer('admin');
    const created = await admin.selection.calls.create.mutate(
      scenarioCall({ title: '2027年度场景案例评选（高新区）' }),
    );
    const call = await admin.selection.calls.advance.mutate({
      id: created.id,
      expectedVersion: created.version,
      action: 'publish',
    });
    // 宿州高新技术产业开发区 has no area officer: only the bureau can move its submissions on.
    const firm = await firmApplicant(h, 'sz-hitech');
    const draft = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      title: scenarioForm.caseName,
      form: { ...scenarioForm, site: '宿州高新区智能制造产业园' },
      evidence: await uploads(firm, ['case-summary', 'site-proof', 'credit-commitment']),
    });
    const submitted = await firm.client.selection.submissions.submit.mutate({
      id: draft.id,
      expectedVersion: draft.version,
    });
    expect(submitted.statusName).toBe('待县区形式审查');
    const yongqiao = await h.officer('yongqiao');
    expect(
      (
        await failure(() =>
          yongqiao.selection.submissions.formalCheck.mutate({
            id: submitted.id,
            expectedVersion: submitted.version,
            action: 'pass',
          }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    const reviewer = await h.officer('reviewer');
    const areaPassed = await reviewer.selection.submissions.formalCheck.mutate({
      id: submitted.id,
      expectedVersion: submitted.version,
      action: 'pass',
    });
    expect(areaPassed.statusName).toBe('待市局形式审查');
    // The area step does not count as the bureau's: a second, explicit step.
    const passed = await reviewer.selection.submissions.formalCheck.mutate({
      id: areaPassed.id,
      expectedVersion: areaPassed.version,
      action: 'pass',
    });
    expect(passed.statusName).toBe('通过形式审查');
    // Nothing more to check, and the refusal says so.
    expect(
      await failure(() =>
        reviewer.selection.submissions.formalCheck.mutate({
          id: passed.id,
          expectedVersion: passed.version,
          action: 'pass',
        }),
      ),
    ).toMatchObject({ message: '该申报当前为“通过形式审查”，市局不能进行形式审查' });

    const audit = await admin.audit.search.query({ objectId: passed.id });
    const checks = audit.items.filter((i) => i.actionLabel === '形式审查通过').reverse();
    expect(checks.map((i) => i.details)).toEqual([
      expect.objectContaining({ stepName: '县区形式审查' }),
      expect.objectContaining({ stepName: '市局形式审查' }),
    ]);
    expect(checks.map((i) => i.actorRoleName)).toEqual(['局审核员', '局审核员']);
  });

  it('a key project needs its partner units, named in the refusal', async () => {
    const admin = await h.officer('admin');
    const created = await admin.selection.calls.create.mutate({
      programme: 'key-project',
      year: 2027,
      title: '2027年度未来产业重点科技项目（揭榜挂帅）',
      guide: GUIDE,
      applyFrom: '2027-03-01',
      applyUntil: '2027-04-30',
      budgetFen: 5_000_000_00n,
    });
    const call = await admin.selection.calls.advance.mutate({
      id: created.id,
      expectedVersion: created.version,
      action: 'publish',
    });
    const firm = await firmApplicant(h, 'yongqiao');
    const draft = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      title: '氢燃料电池膜电极国产化',
      form: {
        projectName: '氢燃料电池膜电极国产化',
        fieldCode: 'low-carbon-energy',
        goals: '建成年产十万片膜电极中试线，铂载量降至每平方厘米零点二毫克以下，寿命超过一万小时。',
        cityFundsFen: 100_000_000n,
        ownFundsFen: 200_000_000n,
        months: 24,
      },
      evidence: await uploads(firm, [
        'project-proposal',
        'cooperation-agreement',
        'funding-commitment',
        'credit-commitment',
      ]),
    });
    const refused = await failure(() =>
      firm.client.selection.submissions.submit.mutate({
        id: draft.id,
        expectedVersion: draft.version,
      }),
    );
    expect(refused.fieldErrors?.team).toEqual([
      '本类申报须有合作成员单位（企业与高校、科研院所联合申报）',
    ]);
    const withTeam = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      expectedVersion: draft.version,
      title: draft.title,
      form: draft.form,
      evidence: draft.evidence,
      team: [{ unitName: '宿州创新理工学院', personName: '张明远', part: '膜电极催化剂研制' }],
    });
    const submitted = await firm.client.selection.submissions.submit.mutate({
      id: withTeam.id,
      expectedVersion: withTeam.version,
    });
    expect(submitted.team).toEqual([
      {
        unitName: '宿州创新理工学院',
        unitCreditCode: null,
        personName: '张明远',
        part: '膜电极催化剂研制',
        confirmed: false,
        // The demo's 宿州创新理工学院 is on the platform: it is asked to confirm online.
        onPlatform: true,
        declineReason: null,
      },
    ]);
  });
});
