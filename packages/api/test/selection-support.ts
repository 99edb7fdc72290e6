import type { ReportAttachment, TrancheCondition } from '@kc/domain';
import type { Harness } from './harness';
import { firmApplicant } from './awards-support';
import { giveBankDetails } from './disbursement-support';

/**
 * Selection calls for the tests of the later stages (issue 14): a call brought to 拟定结果 with
 * its submissions formally checked and scored. The panel is written straight into the database
 * with hand-set totals: drawing and scoring have their own test (selection-review.test.ts).
 */

export type Programme = 'scenario-case' | 'talent-team' | 'key-project';

export function formOf(programme: Programme, name: string, cityFundsFen: bigint) {
  if (programme === 'scenario-case')
    return {
      caseName: name,
      applicationDomain: 'industry',
      fieldCode: 'low-carbon-energy',
      site: '宿州高新区',
      summary: `${name}已稳定运行一年以上，年减排二氧化碳逾千吨，带动相关产业链企业集聚发展。`,
    };
  if (programme === 'talent-team')
    return {
      teamName: name,
      leaderName: '王明',
      fieldCode: 'low-carbon-energy',
      memberCount: 8,
      achievements: `${name}近五年承担国家和省级科研项目十余项，取得发明专利二十余件。`,
      plan: '在宿建设中试基地，三年内孵化科技型企业两家，培养青年骨干十名以上。',
    };
  return {
    projectName: name,
    fieldCode: 'low-carbon-energy',
    goals: `${name}：攻克关键材料制备工艺，形成中试能力，申请发明专利五件以上。`,
    cityFundsFen,
    ownFundsFen: cityFundsFen,
    months: 24,
  };
}
export const EVIDENCE: Record<Programme, string[]> = {
  'scenario-case': ['case-summary', 'site-proof', 'credit-commitment'],
  'talent-team': ['team-proposal', 'team-agreement', 'credit-commitment'],
  'key-project': [
    'project-proposal',
    'cooperation-agreement',
    'funding-commitment',
    'credit-commitment',
  ],
};

/**
 * A call of `programme` in 拟定结果中, its submissions scored by one closed panel: each
 * submission's five experts give the totals listed (trimmed mean of the middle three).
 */
export async function decidingCall(
  h: Harness,
  programme: Programme,
  /** needId: 揭榜挂帅, the published technology need a key-project submission answers */
  entries: { name: string; totals: number[]; cityFundsFen?: bigint; needId?: string }[],
  terms: { quota?: number; budgetFen?: bigint } = {},
) {
  h.clock.now = new Date('2027-03-30T02:00:00Z');
  const admin = await h.officer('admin');
  const draft = await admin.selection.calls.create.mutate({
    programme,
    year: 2027,
    title: `2027年度${programme}评选${Math.random().toString(36).slice(2, 6)}`,
    guide: '征集低碳能源领域的申报，经形式审查和专家评审后择优确定，名单向社会公示。',
    applyFrom: '2027-03-01',
    applyUntil: '2027-03-31',
    ...terms,
  });
  let call = await admin.selection.calls.advance.mutate({
    id: draft.id,
    expectedVersion: draft.version,
    action: 'publish',
  });
  const yongqiao = await h.officer('yongqiao');
  const ids: string[] = [];
  const firms: Awaited<ReturnType<typeof firmApplicant>>[] = [];
  for (const e of entries) {
    const firm = await firmApplicant(h, 'yongqiao');
    firms.push(firm);
    const evidence = await Promise.all(
      EVIDENCE[programme].map(async (kind) => ({
        kind,
        fileId: (await firm.upload(kind)).fileId,
      })),
    );
    const saved = await firm.client.selection.submissions.save.mutate({
      callId: call.id,
      title: e.name,
      form: formOf(programme, e.name, e.cityFundsFen ?? 10_000_000n),
      evidence,
      team:
        programme === 'scenario-case'
          ? []
          : [{ unitName: '宿州学院', part: '关键技术研究与人才培养' }],
      ...(e.needId ? { needId: e.needId } : {}),
    });
    // Confirmed straight in the database: confirmations have their own test (selection-team).
    await h.prisma.selectionTeamMember.updateMany({
      where: { submissionId: saved.id },
      data: { confirmedAt: h.clock.now, confirmedBy: firm.userId },
    });
    const submitted = await firm.client.selection.submissions.submit.mutate({
      id: saved.id,
      expectedVersion: saved.version,
    });
    await yongqiao.selection.submissions.formalCheck.mutate({
      id: submitted.id,
      expectedVersion: submitted.version,
      action: 'pass',
    });
    ids.push(submitted.id);
  }
  h.clock.now = new Date('2027-04-01T02:00:00Z');
  const officer = await h.officer('admin');
  call = await officer.selection.calls.advance.mutate({
    id: call.id,
    expectedVersion: call.version,
    action: 'close-applications',
  });
  for (const id of ids) {
    const s = await h.prisma.selectionSubmission.findUniqueOrThrow({ where: { id } });
    await officer.selection.submissions.formalCheck.mutate({
      id,
      expectedVersion: s.version,
      action: 'pass',
    });
  }
  call = await officer.selection.calls.advance.mutate({
    id: call.id,
    expectedVersion: call.version,
    action: 'start-expert-review',
  });
  const experts = await h.prisma.expert.findMany({
    where: { status: 'active', fieldCodes: { has: 'low-carbon-energy' } },
    take: 5,
    orderBy: { name: 'asc' },
  });
  const admin2 = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
  const panel = await h.prisma.reviewPanel.create({
    data: {
      callId: call.id,
      name: '低碳能源组',
      fieldCode: 'low-carbon-energy',
      seeds: ['0'],
      settingsVersion: 'selection-2026-01',
      pool: experts.map((x) => x.id),
      status: 'closed',
      createdBy: admin2.id,
      closedAt: h.clock.now,
      createdAt: h.clock.now,
      updatedAt: h.clock.now,
      assignments: {
        create: experts.map((x, position) => ({
          expertId: x.id,
          position,
          status: 'accepted',
          createdAt: h.clock.now,
        })),
      },
    },
    include: { assignments: { orderBy: { position: 'asc' } } },
  });
  await h.prisma.selectionSubmission.updateMany({
    where: { id: { in: ids } },
    data: { panelId: panel.id },
  });
  for (const [i, e] of entries.entries())
    for (const [j, total] of e.totals.entries())
      await h.prisma.reviewScore.create({
        data: {
          assignmentId: panel.assignments[j]!.id,
          submissionId: ids[i]!,
          conflict: false,
          scores: { json: {} },
          total,
          submittedAt: h.clock.now,
        },
      });
  call = await officer.selection.calls.advance.mutate({
    id: call.id,
    expectedVersion: call.version,
    action: 'close-review',
  });
  return { call, ids, officer, firms };
}

export type DecidingCallArgs =
  Parameters<typeof decidingCall> extends [Harness, ...infer R] ? R : never;

/** Decides as proposed (the categories of the score bands), goes to notice and closes it. */
export async function closedNotice(h: Harness, ...args: DecidingCallArgs) {
  const deciding = await decidingCall(h, ...args);
  const { call, officer } = deciding;
  const proposal = await officer.selection.decision.get.query({ callId: call.id });
  await officer.selection.decision.save.mutate({
    callId: call.id,
    expectedVersion: proposal.version,
    choices: proposal.rows.map((r) => ({
      id: r.submissionId,
      selected: r.selected,
      ...(r.category ? { category: r.category } : {}),
    })),
  });
  let current = await officer.selection.calls.byId.query({ id: call.id });
  current = await officer.selection.calls.advance.mutate({
    id: call.id,
    expectedVersion: current.version,
    action: 'propose',
  });
  const endsOn = current.notice!.endsOn;
  h.clock.now = new Date(`${endsOn}T16:00:01Z`); // the next day in Shanghai
  const admin = await h.officer('admin');
  await admin.notices.close.mutate({ batchId: current.notice!.id });
  return { ...deciding, officer: admin, endsOn };
}

/** Five experts giving the same total. */
export const five = (t: number) => [t, t, t, t, t];

/** A technology need posted by a firm and published by its area officer. */
export async function publishedNeed(h: Harness, kind: 'technology' | 'scenario' = 'technology') {
  const poster = await firmApplicant(h, 'yongqiao');
  const posted = await poster.client.needs.post.mutate(
    kind === 'technology'
      ? {
          kind: 'technology',
          title: '燃料电池低铂催化剂批量制备',
          fieldCode: 'low-carbon-energy',
          subFieldCode: 'catalyst',
          problem: '燃料电池催化剂铂载量高、批次一致性差，需开发低铂催化剂并实现公斤级稳定制备。',
          indicators: '铂载量降低30%以上，批次间活性偏差不超过5%',
          coFundFen: 200_000_000n,
          deadline: '2029-12-31',
        }
      : {
          kind: 'scenario',
          title: '光伏园区智能运维场景',
          applicationDomain: 'industry',
          fieldCode: 'low-carbon-energy',
          problem: '在光伏园区开展无人机巡检与智能清洗，需要解决多机协同和缺陷识别问题。',
          site: '宿州高新区',
          budgetMinFen: 10_000_000n,
          budgetMaxFen: 50_000_000n,
        },
  );
  const officer = await h.officer('yongqiao');
  return officer.needs.curate.mutate({
    id: posted.id,
    expectedVersion: posted.version,
    action: 'publish',
  });
}

/**
 * A 揭榜挂帅 call concluded on 2027-05-10 (宿科〔2027〕21号) with one selected submission that
 * answered a published need, ¥2,000,000 of city funds: its project is drafted, not yet signed.
 * `client` is the lead firm's administrator, signed in again (the organisation now has a project).
 */
export async function concludedProject(h: Harness) {
  const need = await publishedNeed(h);
  const closed = await closedNotice(h, 'key-project', [
    {
      name: '低铂催化剂公斤级中试',
      totals: five(90),
      cityFundsFen: 200_000_000n,
      needId: need.id,
    },
  ]);
  // The result is issued a few weeks after the notice closed.
  h.clock.now = new Date('2027-05-10T02:00:00Z');
  const officer = await h.officer('admin');
  const concluded = await officer.selection.calls.advance.mutate({
    id: closed.call.id,
    expectedVersion: (await officer.selection.calls.byId.query({ id: closed.call.id })).version,
    action: 'conclude',
    document: { documentNo: '宿科〔2027〕21号', issuedOn: '2027-05-10' },
  });
  const firm = closed.firms[0]!;
  return { ...closed, concluded, need, firm, client: await firm.signInAgain() };
}

/**
 * A concluded project whose 任务书 the bureau set to `tranches`, signed by the lead unit's
 * administrator (a receiving account registered first).
 */
export async function signedProject(
  h: Harness,
  tranches: { condition: TrancheCondition; amountFen: bigint }[],
) {
  const concluded = await concludedProject(h);
  const { client, firm } = concluded;
  const admin = await h.officer('admin');
  const draft = (await client.selection.projects.mine.query()).items[0]!;
  const { contract } = await admin.selection.projects.byId.query({ id: draft.id });
  const saved = await admin.selection.projects.saveContract.mutate({
    id: draft.id,
    expectedVersion: draft.version,
    contract: {
      startOn: contract.startOn,
      endOn: contract.endOn,
      cityFundsFen: contract.cityFundsFen,
      ownFundsFen: contract.ownFundsFen,
      milestones: contract.milestones,
      tranches,
    },
  });
  await giveBankDetails(h, firm.org.id);
  const signed = await client.selection.projects.sign.mutate({
    id: draft.id,
    expectedVersion: saved.version,
  });
  return { ...concluded, admin, signed };
}

/** The files every report needs (报告正文, 专项资金使用情况), uploaded by `firm`'s administrator. */
export async function reportFiles(firm: {
  upload: (kind: string) => Promise<{ fileId: string; kind: string }>;
}): Promise<ReportAttachment[]> {
  return [
    { kind: 'report-document', fileId: (await firm.upload('report-document')).fileId },
    { kind: 'financial-statement', fileId: (await firm.upload('financial-statement')).fileId },
  ];
}
