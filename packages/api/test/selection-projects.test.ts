import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectContract } from '@kc/domain';
import { addCalendarDays, todayInShanghai } from '@kc/domain';
import { firmApplicant } from './awards-support';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { giveBankDetails } from './disbursement-support';
import { colleague } from './library-support';
import {
  concludedProject as concludedProjectOf,
  publishedNeed as publishedNeedOf,
} from './selection-support';

/**
 * 揭榜挂帅 to 项目 (issue 14, 四.2): a firm answers a published technology need with a key-project
 * submission; when the call concludes, each selected submission becomes a project whose 任务书 the
 * bureau drafts from it. The bureau adjusts the draft within the submission's terms and the
 * settings; the lead unit's administrator signs it, and the project starts.
 */
describe('selection projects', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-30T02:00:00Z') });
  });
  afterAll(() => h.close());

  const publishedNeed = (kind: 'technology' | 'scenario' = 'technology') =>
    publishedNeedOf(h, kind);
  const concludedProject = () => concludedProjectOf(h);

  it('answers a published technology need (揭榜挂帅), and only such a need', async () => {
    const { call, client, need } = await concludedProject();
    const submission = await client.selection.submissions.mine.query({ callId: call.id });
    expect(submission?.need).toEqual({ id: need.id, number: need.number, title: need.title });
    // On an open call: a scenario need, or a need not on the board, is refused under the field.
    const admin = await h.officer('admin');
    const today = todayInShanghai(h.clock.now);
    async function openCall(programme: 'key-project' | 'scenario-case') {
      const draft = await admin.selection.calls.create.mutate({
        programme,
        year: 2027,
        title: `2027年度第二批${programme === 'key-project' ? '揭榜挂帅项目' : '场景案例'}`,
        guide: '面向已发布的技术攻关需求征集揭榜单位，经形式审查和专家评审后择优立项。',
        applyFrom: today,
        applyUntil: addCalendarDays(today, 30),
      });
      return admin.selection.calls.advance.mutate({
        id: draft.id,
        expectedVersion: draft.version,
        action: 'publish',
      });
    }
    const keyProjects = await openCall('key-project');
    const scenarioCall = await openCall('scenario-case');
    const other = await firmApplicant(h, 'yongqiao');
    const save = (callId: string, needId: string) =>
      failure(() =>
        other.client.selection.submissions.save.mutate({
          callId,
          title: '低铂催化剂中试',
          form: {},
          needId,
        }),
      );
    const scenario = await publishedNeed('scenario');
    expect((await save(keyProjects.id, scenario.id)).fieldErrors).toEqual({
      needId: ['该攻关需求不存在或未在需求榜发布，不能揭榜'],
    });
    const unpublished = await other.client.needs.post.mutate({
      kind: 'technology',
      title: '氢气循环泵国产化',
      fieldCode: 'low-carbon-energy',
      subFieldCode: 'hydrogen-circulation-pump',
      problem: '氢气循环泵依赖进口，需开发国产化产品，满足车用燃料电池系统的寿命和噪声要求。',
      indicators: '寿命不低于一万小时，噪声不高于65分贝',
      coFundFen: 100_000_000n,
      deadline: '2029-12-31',
    });
    expect((await save(keyProjects.id, unpublished.id)).fieldErrors).toEqual({
      needId: ['该攻关需求不存在或未在需求榜发布，不能揭榜'],
    });
    expect((await save(scenarioCall.id, need.id)).fieldErrors).toEqual({
      needId: ['本类申报不对应攻关需求'],
    });
    // Nothing was saved by the refusals.
    expect(
      await h.prisma.selectionSubmission.count({ where: { organisationId: other.org.id } }),
    ).toBe(0);
  });

  it('makes a project of the selected submission, its 任务书 drafted from the submission', async () => {
    const { concluded, firm, client } = await concludedProject();
    const { items, mayAct } = await client.selection.projects.mine.query();
    expect(mayAct).toBe(true);
    expect(items).toHaveLength(1);
    const project = items[0]!;
    expect(project).toMatchObject({
      number: expect.stringMatching(/^SZKC-XM-2027-\d{4}$/),
      title: '低铂催化剂公斤级中试',
      status: 'contracting',
      statusName: '待签订任务书',
      organisationId: firm.org.id,
      resultDocNo: '宿科〔2027〕21号',
      call: { id: concluded.id },
      problems: {},
      contract: {
        startOn: '2027-05-10',
        endOn: '2029-05-09',
        cityFundsFen: 200_000_000n,
        ownFundsFen: 200_000_000n,
        tranches: [
          { condition: 'signing', amountFen: 120_000_000n, conditionName: '任务书签订后' },
          { condition: 'acceptance', amountFen: 80_000_000n, conditionName: '验收通过后' },
        ],
      },
      schedule: { midTermDueOn: '2028-05-09', finalDueOn: '2029-06-08' },
    });
    // The lead unit was told, with a link to the project.
    const told = await h.prisma.notification.findFirstOrThrow({
      where: { userId: firm.userId, kind: 'project.created' },
    });
    expect(told).toMatchObject({ linkPage: 'project', linkId: project.id });
  });

  it('lets the bureau adjust the draft within the settings, and tells it why not under the field', async () => {
    const { client } = await concludedProject();
    const project = (await client.selection.projects.mine.query()).items[0]!;
    const admin = await h.officer('admin');
    const contract: ProjectContract = {
      startOn: project.contract.startOn,
      endOn: project.contract.endOn,
      cityFundsFen: project.contract.cityFundsFen,
      ownFundsFen: project.contract.ownFundsFen,
      milestones: [
        { title: '中试线建成', dueOn: '2028-05-09', indicators: '建成公斤级催化剂中试线' },
        { title: '项目完成', dueOn: '2029-05-09', indicators: '催化剂公斤级制备，申请发明专利5件' },
      ],
      tranches: [
        { condition: 'signing', amountFen: 120_000_001n },
        { condition: 'acceptance', amountFen: 79_999_999n },
      ],
    };
    const over = await failure(() =>
      admin.selection.projects.saveContract.mutate({
        id: project.id,
        expectedVersion: project.version,
        contract,
      }),
    );
    expect(over).toMatchObject({
      appCode: 'INVALID_INPUT',
      fieldErrors: {
        'contract.tranches.0.amountFen': ['首期拨付不超过市级资金的60%（¥1,200,000.00）'],
      },
    });
    const saved = await admin.selection.projects.saveContract.mutate({
      id: project.id,
      expectedVersion: project.version,
      contract: {
        ...contract,
        tranches: [
          { condition: 'signing', amountFen: 100_000_000n },
          { condition: 'mid-term', amountFen: 50_000_000n },
          { condition: 'acceptance', amountFen: 50_000_000n },
        ],
      },
    });
    expect(saved.contract.tranches.map((t) => t.conditionName)).toEqual([
      '任务书签订后',
      '中期检查通过后',
      '验收通过后',
    ]);
    // The version shown is the version changed: a second save on the old one is refused.
    const stale = await failure(() =>
      admin.selection.projects.saveContract.mutate({
        id: project.id,
        expectedVersion: project.version,
        contract,
      }),
    );
    expect(stale.appCode).toBe('STALE_VERSION');
    // An area officer reads it but does not write it.
    const yongqiao = await h.officer('yongqiao');
    expect((await yongqiao.selection.projects.byId.query({ id: project.id })).number).toBe(
      project.number,
    );
    expect(
      (
        await failure(() =>
          yongqiao.selection.projects.saveContract.mutate({
            id: project.id,
            expectedVersion: saved.version,
            contract,
          }),
        )
      ).appCode,
    ).toBe('FORBIDDEN');
    const dangshan = await h.officer('dangshan');
    expect(
      (await failure(() => dangshan.selection.projects.byId.query({ id: project.id }))).appCode,
    ).toBe('NOT_FOUND');
    expect((await dangshan.selection.projects.list.query({})).items.map((p) => p.id)).not.toContain(
      project.id,
    );
  });

  it('is signed by the lead unit’s administrator only, once, and then starts', async () => {
    const { firm, client } = await concludedProject();
    const project = (await client.selection.projects.mine.query()).items[0]!;
    // A 经办人 of the firm reads it but may not sign.
    const agent = await colleague(h, firm.org.id, 'agent');
    const agentView = await agent.client.selection.projects.mineById.query({ id: project.id });
    expect(agentView.mayAct).toBe(false);
    expect(
      (
        await failure(() =>
          agent.client.selection.projects.sign.mutate({
            id: project.id,
            expectedVersion: project.version,
          }),
        )
      ).appCode,
    ).toBe('NOT_ORG_ADMIN');
    // Another firm sees nothing of it.
    const stranger = await firmApplicant(h, 'yongqiao');
    expect(
      (await failure(() => stranger.client.selection.projects.mineById.query({ id: project.id })))
        .appCode,
    ).toBe('NOT_FOUND');

    // The first tranche is paid to the unit's registered account: none, no signature.
    const unbanked = await failure(() =>
      client.selection.projects.sign.mutate({ id: project.id, expectedVersion: project.version }),
    );
    expect(unbanked).toMatchObject({
      appCode: 'BANK_DETAILS_MISSING',
      message: '单位尚未登记收款账户，请先在“我的—收款账户”登记后再签订任务书',
    });
    await giveBankDetails(h, firm.org.id);
    const signed = await client.selection.projects.sign.mutate({
      id: project.id,
      expectedVersion: project.version,
    });
    expect(signed).toMatchObject({ status: 'in-progress', statusName: '实施中' });
    expect(signed.signedAt).toEqual(h.clock.now);
    const again = await failure(() =>
      client.selection.projects.sign.mutate({ id: project.id, expectedVersion: signed.version }),
    );
    expect(again.message).toBe('项目当前为“实施中”，不能签订任务书');
    // The bureau can no longer change what was signed.
    const admin = await h.officer('admin');
    const { contract } = signed;
    const locked = await failure(() =>
      admin.selection.projects.saveContract.mutate({
        id: project.id,
        expectedVersion: signed.version,
        contract: {
          ...contract,
          tranches: contract.tranches.map(({ condition, amountFen }) => ({ condition, amountFen })),
        },
      }),
    );
    expect(locked.message).toBe('任务书已签订，不能再修改');
    const audit = await h.prisma.auditLog.findMany({
      where: { objectType: 'project', objectId: project.id },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(['project.contract.sign']);
  });
});
