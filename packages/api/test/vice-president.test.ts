import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficerCaller } from '../src/caller';
import { officerFileAccess } from '../src';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import {
  APPLICATION_FORM,
  CALL_FORM,
  needForm,
  storedFile,
  vpFirm,
  vpResearcher,
} from './vp-support';

/**
 * The 科技副总 lifecycle through the API, in order: one call from its opening to the annual
 * evaluation that ends a secondment, with the refusals a user meets on the way.
 */
describe('科技副总 call lifecycle', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['officer']>>;
  let callId: string;
  let firmA: Awaited<ReturnType<typeof vpFirm>>;
  let firmB: Awaited<ReturnType<typeof vpFirm>>;
  let zhou: Awaited<ReturnType<typeof vpResearcher>>;
  let li: Awaited<ReturnType<typeof vpResearcher>>;
  let needA: string;
  let zhouCandidate: string;
  let liCandidate: string;

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-12-01T02:00:00Z');
    admin = await h.officer('admin');
    firmA = await vpFirm(h, { name: '宿州氢源动力科技有限公司' });
    firmB = await vpFirm(h, { name: '宿州储能装备有限公司', areaCode: 'dangshan' });
    zhou = await vpResearcher(h, { name: '周文博', institutionName: '合肥工业大学' });
    li = await vpResearcher(h, {
      name: '李安然',
      institutionName: '安徽理工大学',
      expertise: '电化学储能材料与膜电极催化剂',
      preferredAreaCodes: ['dangshan'],
      birth: '19850302',
    });
  });
  afterAll(() => h.close());

  /** Sessions expire when the clock jumps by days: log everyone in again. */
  async function moveClock(iso: string) {
    h.clock.now = new Date(iso);
    admin = await h.officer('admin');
    for (const who of [firmA, zhou, li]) who.client = await h.applicant(who.openid);
  }

  it('a bureau officer opens a call; other roles may not', async () => {
    const call = await admin.vp.calls.create.mutate(CALL_FORM);
    callId = call.id;
    expect(call).toMatchObject({
      status: 'open',
      statusLabel: '需求征集中',
      settingsVersion: 'vp-2026-01',
    });
    expect(call.number).toMatch(/^SZKC-FZ-2026-\d{2}$/);
    const finance = await h.officer('finance');
    expect((await failure(() => finance.vp.calls.create.mutate(CALL_FORM))).appCode).toBe(
      'FORBIDDEN',
    );
    const bad = await failure(() =>
      admin.vp.calls.create.mutate({ ...CALL_FORM, applicationsDeadline: '2026-12-01' }),
    );
    expect(bad.fieldErrors?.applicationsDeadline?.[0]).toContain('不能早于');
  });

  it('firms post needs while the call is open; a firm without a qualification may not', async () => {
    needA = (
      await firmA.client.vp.needs.create.mutate({
        callId,
        need: needForm({ investorInstitutions: ['安徽理工大学'] }),
      })
    ).id;
    await firmB.client.vp.needs.create.mutate({
      callId,
      need: needForm({
        title: '储能系统膜电极催化剂国产化',
        expertiseWanted: '电化学储能、催化剂、膜电极',
      }),
    });

    const plain = await vpFirm(h, { qualifications: [] });
    const refused = await failure(() =>
      plain.client.vp.needs.create.mutate({ callId, need: needForm() }),
    );
    expect(refused.appCode).toBe('VP_FIRM_NOT_ELIGIBLE');
    expect(refused.message).toContain('高新技术企业');

    // Registered but not yet verified (机构认证): no need may be posted, whatever it declares.
    const unverified = await vpFirm(h, {}, { verified: false });
    const notVerified = await failure(() =>
      unverified.client.vp.needs.create.mutate({ callId, need: needForm() }),
    );
    expect(notVerified.appCode).toBe('ORGANISATION_NOT_VERIFIED');
    expect(notVerified.message).toMatch(/^单位尚未通过机构认证，请先在“我的—机构认证”提交/);

    const invalid = await failure(() =>
      firmA.client.vp.needs.create.mutate({
        callId,
        need: needForm({ subFieldCode: 'drones' }),
      }),
    );
    expect(invalid.appCode).toBe('INVALID_INPUT');
    expect(invalid.fieldErrors?.['need.subFieldCode']).toEqual(['细分方向须属于所选的产业领域']);

    // Researchers cannot apply yet, nor read the needs.
    const early = await failure(() =>
      zhou.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM }),
    );
    expect(early.appCode).toBe('VP_CALL_NOT_OPEN');
    expect(await zhou.client.vp.needs.published.query({ callId })).toEqual([]);
  });

  it('researchers apply once the call collects; the conditions are checked with reasons', async () => {
    await admin.vp.calls.advance.mutate({ callId, action: 'open-applications' });
    const late = await failure(() =>
      firmA.client.vp.needs.create.mutate({ callId, need: needForm() }),
    );
    expect(late.appCode).toBe('VP_CALL_NOT_OPEN');
    expect(late.message).toContain('人才报名中');

    const published = await zhou.client.vp.needs.published.query({ callId });
    expect(published.map((n) => n.organisationName).sort()).toEqual([
      '宿州储能装备有限公司',
      '宿州氢源动力科技有限公司',
    ]);
    expect(published[0]).not.toHaveProperty('investorInstitutions');

    zhouCandidate = (
      await zhou.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM })
    ).id;
    liCandidate = (
      await li.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM })
    ).id;
    const twice = await failure(() =>
      zhou.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM }),
    );
    expect(twice.appCode).toBe('VP_ALREADY_APPLIED');

    const old = await vpResearcher(h, {
      name: '王建国',
      birth: '19690101',
      fieldCodes: ['advanced-materials'],
      subFieldCodes: [],
      expertise: '碳纤维复合材料成型工艺',
    });
    const tooOld = await failure(() =>
      old.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM }),
    );
    expect(tooOld.appCode).toBe('VP_NOT_ELIGIBLE');
    expect(tooOld.message).toContain('超过55周岁');
    // A national-level talent may serve up to 60.
    await old.client.vp.candidates.apply.mutate({
      callId,
      application: { ...APPLICATION_FORM, priorityFlags: ['national-talent'] },
    });

    const contract = await vpResearcher(h, { name: '赵敏' });
    const short = await failure(() =>
      contract.client.vp.candidates.apply.mutate({
        callId,
        application: { ...APPLICATION_FORM, employment: 'contract', contractYears: 2 },
      }),
    );
    expect(short.appCode).toBe('VP_NOT_ELIGIBLE');
    expect(short.message).toContain('3年及以上');
    const noYears = await failure(() =>
      contract.client.vp.candidates.apply.mutate({
        callId,
        application: { ...APPLICATION_FORM, employment: 'contract' },
      }),
    );
    expect(noYears.fieldErrors?.['application.contractYears']).toEqual(['请填写聘用合同年限']);

    // A firm is not a researcher.
    const firmTries = await failure(() =>
      firmA.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM }),
    );
    expect(firmTries.appCode).toBe('PROFILE_REQUIRED');
  });

  it('only bureau roles list candidates; an area officer sees the needs of their own area only', async () => {
    const yongqiao = await h.officer('yongqiao');
    const needs = await yongqiao.vp.needs.ofCall.query({ callId });
    expect(needs.map((n) => n.id)).toEqual([needA]);
    expect(
      (await failure(() => yongqiao.vp.needs.ofCall.query({ callId, areaCode: 'dangshan' })))
        .appCode,
    ).toBe('FORBIDDEN');
    expect((await failure(() => yongqiao.vp.candidates.ofCall.query({ callId }))).appCode).toBe(
      'FORBIDDEN',
    );
    const candidates = await admin.vp.candidates.ofCall.query({ callId });
    expect(candidates).toHaveLength(3);
    const listed = candidates.find((c) => c.id === zhouCandidate)!;
    expect(listed.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(candidates)).not.toContain('13855720002');
    expect(listed).not.toHaveProperty('residentId');
  });

  it('matching: runs, explains each score, honours the hard exclusion and officer rules', async () => {
    await admin.vp.calls.advance.mutate({ callId, action: 'start-matching' });
    expect(
      (await failure(() => admin.vp.calls.advance.mutate({ callId, action: 'confirm-matches' })))
        .appCode,
    ).toBe('VP_NO_MATCH_RUN');
    const yongqiao = await h.officer('yongqiao');
    expect((await failure(() => yongqiao.vp.matching.run.mutate({ callId }))).appCode).toBe(
      'FORBIDDEN',
    );

    const run = (await admin.vp.matching.run.mutate({ callId }))!;
    expect(run.runNo).toBe(1);
    for (const p of run.proposals) {
      expect(p.score.parts.reduce((sum, part) => sum + part.points, 0)).toBe(p.score.total);
    }
    const pairs = run.proposals.map((p) => `${p.need.id}|${p.candidate.id}`);
    // 安徽理工大学 invested in firm A: 李安然 is never proposed there.
    expect(pairs).not.toContain(`${needA}|${liCandidate}`);
    expect(run.summary.stats.excluded.investment).toBeGreaterThanOrEqual(1);
    expect(pairs).toContain(`${needA}|${zhouCandidate}`);
    expect(run.totalScore).toBe(run.proposals.reduce((sum, p) => sum + p.score.total, 0));

    const explained = await admin.vp.matching.explain.query({
      callId,
      needId: needA,
      candidateId: liCandidate,
    });
    expect(explained.exclusion).toBe('investment');
    expect(explained.exclusionMessage).toContain('回避');

    const pin = await failure(() =>
      admin.vp.matching.setRule.mutate({
        callId,
        rule: { needId: needA, candidateId: liCandidate, kind: 'pin', reason: '企业点名' },
      }),
    );
    expect(pin.appCode).toBe('VP_PAIR_EXCLUDED');

    await admin.vp.matching.setRule.mutate({
      callId,
      rule: { needId: needA, candidateId: zhouCandidate, kind: 'forbid', reason: '本人另有安排' },
    });
    expect(await admin.vp.matching.rules.query({ callId })).toEqual([
      expect.objectContaining({ kind: 'forbid', researcherName: '周文博', reason: '本人另有安排' }),
    ]);
    const stale = (await admin.vp.matching.latest.query({ callId }))!;
    expect(stale.stale).toBe(true);
    expect(
      (
        await failure(() =>
          admin.vp.calls.advance.mutate({ callId, action: 'confirm-matches', runId: run.id }),
        )
      ).appCode,
    ).toBe('VP_MATCH_STALE');

    const rerun = (await admin.vp.matching.run.mutate({ callId }))!;
    expect(rerun.runNo).toBe(2);
    expect(rerun.proposals.map((p) => `${p.need.id}|${p.candidate.id}`)).not.toContain(
      `${needA}|${zhouCandidate}`,
    );

    await admin.vp.matching.clearRule.mutate({ callId, needId: needA, candidateId: zhouCandidate });
    const third = (await admin.vp.matching.run.mutate({ callId }))!;
    // Same inputs as the first run: the same proposal (the matcher is deterministic).
    expect(third.proposals.map((p) => `${p.need.id}|${p.candidate.id}`)).toEqual(pairs);
    expect(third.totalScore).toBe(run.totalScore);
  });

  it('confirms the reviewed run once, into the notice', async () => {
    const latest = (await admin.vp.matching.latest.query({ callId }))!;
    const call = await admin.vp.calls.advance.mutate({
      callId,
      action: 'confirm-matches',
      runId: latest.id,
    });
    expect(call.status).toBe('notice');
    expect(call.noticeStartsOn).toBe('2026-12-01');
    expect(call.noticeEndsOn).toBe('2026-12-08');
    const again = await failure(() =>
      admin.vp.calls.advance.mutate({ callId, action: 'confirm-matches', runId: latest.id }),
    );
    expect(again.appCode).toBe('VP_ALREADY_CONFIRMED');
    expect(
      (await failure(() => admin.vp.calls.advance.mutate({ callId, action: 'confirm-call' })))
        .appCode,
    ).toBe('NOTICE_NOT_OVER');
    const secondments = await admin.vp.secondments.list.query({ callId });
    expect(secondments).toHaveLength(latest.proposals.length);
    expect(secondments.every((s) => s.status === 'pending')).toBe(true);
  });

  it('each side sees its own secondment; the three-party agreement starts the term', async () => {
    const [mine] = await zhou.client.vp.secondments.mine.query();
    expect(mine).toMatchObject({ status: 'pending', mySide: 'researcher' });
    const [told] = (await zhou.client.notifications.mine.query({})).items;
    expect(told).toMatchObject({ kind: 'vp.matched', link: { page: 'secondment', id: mine!.id } });
    expect(told!.body).toContain('宿州氢源动力科技有限公司');
    expect(mine!.need.organisationName).toBe('宿州氢源动力科技有限公司');
    const [firmView] = await firmA.client.vp.secondments.mine.query();
    expect(firmView).toMatchObject({ id: mine!.id, mySide: 'firm' });
    expect(firmView!.researcher).toEqual(
      expect.objectContaining({ name: '周文博', institutionName: '合肥工业大学' }),
    );
    expect(JSON.stringify(firmView)).not.toContain('1385572');

    const stranger = await vpResearcher(h, { name: '陌生人' });
    expect(
      (
        await failure(() =>
          stranger.client.vp.secondments.myDetail.query({ secondmentId: mine!.id }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');
    const strangerFile = await storedFile(h, stranger.userId);
    expect(
      (
        await failure(() =>
          stranger.client.vp.secondments.uploadAgreement.mutate({
            secondmentId: mine!.id,
            fileId: strangerFile,
          }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    const text = await storedFile(h, zhou.userId, 'text/plain');
    const wrongType = await failure(() =>
      zhou.client.vp.secondments.uploadAgreement.mutate({ secondmentId: mine!.id, fileId: text }),
    );
    expect(wrongType.fieldErrors?.fileId).toEqual(['三方协议须为PDF文件或图片']);
    const notMine = await failure(() =>
      zhou.client.vp.secondments.uploadAgreement.mutate({
        secondmentId: mine!.id,
        fileId: strangerFile,
      }),
    );
    expect(notMine.fieldErrors?.fileId).toEqual(['协议文件不存在或不是您上传的']);

    const pdf = await storedFile(h, zhou.userId);
    const uploaded = await zhou.client.vp.secondments.uploadAgreement.mutate({
      secondmentId: mine!.id,
      fileId: pdf,
    });
    expect(uploaded.status).toBe('pending');
    expect(uploaded.agreement?.name).toBe('三方协议.pdf');

    await moveClock('2026-12-09T02:00:00Z');
    const confirmed = await admin.vp.calls.advance.mutate({ callId, action: 'confirm-call' });
    expect(confirmed.status).toBe('confirmed');
    const started = await zhou.client.vp.secondments.myDetail.query({ secondmentId: mine!.id });
    expect(started).toMatchObject({
      status: 'active',
      startDate: '2026-12-09',
      endDate: '2028-12-08',
    });

    // A pair whose agreement comes after confirmation starts on the day it is uploaded.
    const [liSecondment] = await li.client.vp.secondments.mine.query();
    expect(liSecondment).toMatchObject({ status: 'pending', startDate: null });
    await moveClock('2026-12-11T02:00:00Z');
    const late = await li.client.vp.secondments.uploadAgreement.mutate({
      secondmentId: liSecondment!.id,
      fileId: await storedFile(h, li.userId),
    });
    expect(late).toMatchObject({
      status: 'active',
      startDate: '2026-12-11',
      endDate: '2028-12-10',
    });
    const replace = await failure(() =>
      li.client.vp.secondments.uploadAgreement.mutate({
        secondmentId: liSecondment!.id,
        fileId: pdf,
      }),
    );
    expect(replace.appCode).toBe('INVALID_TRANSITION');
  });

  it('the researcher keeps work logs; either side records results', async () => {
    const [mine] = await zhou.client.vp.secondments.mine.query();
    const secondmentId = mine!.id;
    await zhou.client.vp.secondments.saveWorkLog.mutate({
      secondmentId,
      log: {
        month: '2026-12',
        daysOnSite: 6,
        activities: '驻企调研膜电极产线，制定涂布工艺改进方案。',
      },
    });
    await zhou.client.vp.secondments.saveWorkLog.mutate({
      secondmentId,
      log: {
        month: '2026-12',
        daysOnSite: 8,
        activities: '驻企调研膜电极产线，完成首轮涂布工艺试验。',
      },
    });
    // Each save is a change by the researcher, and audited (issue 11).
    expect(
      await h.prisma.auditLog.count({
        where: { action: 'vp.secondment.work-log', objectId: secondmentId, actorRole: 'applicant' },
      }),
    ).toBe(2);
    const future = await failure(() =>
      zhou.client.vp.secondments.saveWorkLog.mutate({
        secondmentId,
        log: { month: '2027-01', daysOnSite: 3, activities: '计划中的工作不能提前填写日志。' },
      }),
    );
    expect(future.fieldErrors?.['log.month']?.[0]).toContain('任职期内');
    expect(
      (
        await failure(() =>
          firmA.client.vp.secondments.saveWorkLog.mutate({
            secondmentId,
            log: { month: '2026-12', daysOnSite: 3, activities: '企业不能代替科技副总填写日志。' },
          }),
        )
      ).appCode,
    ).toBe('FORBIDDEN');

    await firmA.client.vp.secondments.addResult.mutate({
      secondmentId,
      result: {
        kind: 'joint-project',
        title: '低铂膜电极联合攻关项目',
        occurredOn: '2026-12-09',
        contractAmount: 50_000_000n,
      },
    });
    const patentWithAmount = await failure(() =>
      zhou.client.vp.secondments.addResult.mutate({
        secondmentId,
        result: {
          kind: 'patent',
          title: '一种膜电极涂布装置',
          occurredOn: '2026-12-09',
          contractAmount: 100n,
        },
      }),
    );
    expect(patentWithAmount.fieldErrors?.['result.contractAmount']).toEqual([
      '该成果类型无需填写合同金额',
    ]);

    const detail = await zhou.client.vp.secondments.myDetail.query({ secondmentId });
    expect(detail.workLogs).toHaveLength(1);
    expect(detail.daysOnSiteTotal).toBe(8);
    expect(detail.results[0]).toMatchObject({
      kindName: '联合攻关项目',
      contractAmountFen: 50_000_000n,
    });
  });

  it('annual evaluation: by the right officer only, once a year; 不合格 ends the secondment', async () => {
    const [mine] = await zhou.client.vp.secondments.mine.query();
    const secondmentId = mine!.id;
    const evaluation = { year: 2026, grade: 'qualified' as const };
    const finance = await h.officer('finance');
    expect(
      (await failure(() => finance.vp.secondments.evaluate.mutate({ secondmentId, evaluation })))
        .appCode,
    ).toBe('FORBIDDEN');
    const dangshan = await h.officer('dangshan');
    expect(
      (await failure(() => dangshan.vp.secondments.evaluate.mutate({ secondmentId, evaluation })))
        .appCode,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(() =>
          zhou.client.vp.secondments.evaluate.mutate({ secondmentId, evaluation } as never),
        )
      ).appCode,
    ).toBe('FORBIDDEN');

    const yongqiao = await h.officer('yongqiao');
    const done = await yongqiao.vp.secondments.evaluate.mutate({ secondmentId, evaluation });
    expect(done.gradeName).toBe('合格');
    expect(
      (await failure(() => yongqiao.vp.secondments.evaluate.mutate({ secondmentId, evaluation })))
        .appCode,
    ).toBe('VP_ALREADY_EVALUATED');

    await moveClock('2027-12-20T02:00:00Z');
    const noComment = await failure(() =>
      admin.vp.secondments.evaluate.mutate({
        secondmentId,
        evaluation: { year: 2027, grade: 'unqualified' },
      }),
    );
    expect(noComment.fieldErrors?.['evaluation.comment']).toEqual(['考核不合格须填写考核意见']);
    await admin.vp.secondments.evaluate.mutate({
      secondmentId,
      evaluation: { year: 2027, grade: 'unqualified', comment: '全年到岗不足10天，未完成约定任务' },
    });
    const ended = await admin.vp.secondments.detail.query({ secondmentId });
    expect(ended.status).toBe('terminated');
    expect(ended.endReason).toContain('2027年度考核不合格');
    expect(ended.evaluations.map((e) => e.grade)).toEqual(['unqualified', 'qualified']);
    const after = await failure(() =>
      zhou.client.vp.secondments.saveWorkLog.mutate({
        secondmentId,
        log: { month: '2027-12', daysOnSite: 3, activities: '考核不合格后不能再填写工作日志。' },
      }),
    );
    expect(after.appCode).toBe('VP_NOT_ACTIVE');
  });

  it('officers of the firm’s area and the bureau may download the agreement; others may not', async () => {
    const [mine] = await zhou.client.vp.secondments.mine.query();
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: mine!.agreement!.fileId },
    });
    const canSee = officerFileAccess(h.db);
    const caller = async (username: string): Promise<OfficerCaller> => {
      const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
      const role = user.role === 'AREA_OFFICER' ? 'area-officer' : 'bureau-reviewer';
      return {
        kind: 'officer',
        userId: user.id,
        sessionId: 'test',
        username,
        displayName: username,
        role,
        areaCode: (user.areaCode as OfficerCaller['areaCode']) ?? null,
      };
    };
    expect(await canSee(await caller('yongqiao'), file)).toMatchObject({
      areaCode: 'yongqiao',
      details: { secondmentId: mine!.id },
    });
    expect(await canSee(await caller('reviewer'), file)).not.toBe(false);
    expect(await canSee(await caller('dangshan'), file)).toBe(false);
  });

  it('a call with terms running cannot be closed', async () => {
    const refused = await failure(() => admin.vp.calls.advance.mutate({ callId, action: 'close' }));
    expect(refused.appCode).toBe('VP_TERMS_RUNNING');
  });

  it('every officer step is in the audit log', async () => {
    const actions = (
      await h.prisma.auditLog.findMany({
        where: { action: { startsWith: 'vp.' }, actorRole: { not: 'applicant' } },
        select: { action: true },
      })
    ).map((a) => a.action);
    for (const action of [
      'vp.call.create',
      'vp.call.open-applications',
      'vp.call.start-matching',
      'vp.match.run',
      'vp.pair.forbid',
      'vp.pair.clear',
      'vp.call.confirm-matches',
      'vp.call.confirm-call',
      'vp.secondment.evaluate',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
