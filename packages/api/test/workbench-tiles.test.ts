import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '@kc/domain';
import { firmApplicant, submittedScenario } from './awards-support';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { legalRepSubmission, registeredOrg, storedFile } from './verification-support';

type Officer = Awaited<ReturnType<Harness['officer']>>;

/**
 * Opens the list a workbench tile links to, as the admin's page for that path does: the path's
 * query parameters go to the page's list procedure unchanged. Returns how many rows it lists.
 * A path no admin list answers to fails the test.
 */
async function listCountAt(officer: Officer, path: string): Promise<number> {
  const url = new URL(path, 'http://admin.test');
  const q = Object.fromEntries(url.searchParams);
  switch (url.pathname) {
    case '/applications':
      return (await officer.review.queue.query({ ...q, page: 1, pageSize: 100 } as never)).total;
    case '/verifications': {
      const tab = (q.tab ?? 'verifications') as 'verifications' | 'changes' | 'claims';
      return (await officer.orgReview[tab].list.query({ status: q.status } as never)).total;
    }
    case '/notices':
      return (await officer.notices.list.query({})).length;
    case '/disbursements':
    case '/finance/disbursements':
      return q.tab === 'candidates'
        ? (await officer.disbursements.candidates.query({})).length
        : (await officer.disbursements.list.query({ page: 1, pageSize: 100 })).total;
    case '/vice-president':
    case '/vice-president/calls':
      return (await officer.vp.calls.list.query({})).length;
    case '/vice-president/secondments':
      return (await officer.vp.secondments.list.query(q as never)).length;
    case '/experts':
      return (await officer.experts.list.query({ ...q, page: 1, pageSize: 100 } as never)).total;
    case '/selection/calls':
      return (await officer.selection.calls.list.query(q as never)).length;
    default:
      throw new Error(`no admin list at ${path}`);
  }
}

/**
 * Defect 1 of issue 11: yongqiao's 待县区受理/审核 tile said 1 and opened an empty list (the
 * application was 已提交, which the list's filter left out). For every demo role, every tile
 * must open a list whose count is the tile's.
 */
describe('workbench tiles open lists with their counts', () => {
  let h: Harness;

  /** One application per status, most of them in 埇桥区; one more 已提交 in 砀山县. */
  const STATUSES: ApplicationStatus[] = [
    'submitted',
    'area-review',
    'bureau-review',
    'returned',
    'approved',
    'in-notice',
    'notice-passed',
    'in-disbursement',
  ];

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-12-01T02:00:00Z');
    for (const [i, status] of STATUSES.entries()) {
      const { application } = await submittedScenario(h, `工作台计数场景${i}`, 'yongqiao');
      if (status === 'submitted') continue;
      const row = await h.prisma.application.findUniqueOrThrow({ where: { id: application.id } });
      await h.prisma.application.update({
        where: { id: application.id },
        data: { status, approvedAmountFen: row.computedAmountFen, decidedAt: h.clock.now },
      });
    }
    await submittedScenario(h, '工作台计数场景砀山', 'dangshan');

    // A published call with two submissions of 埇桥区: one waiting for the area's check, one
    // passed by it and waiting for the bureau's.
    const admin = await h.officer('admin');
    const draft = await admin.selection.calls.create.mutate({
      programme: 'scenario-case',
      year: 2026,
      title: '2026年度应用场景典型案例评选（工作台计数）',
      guide: '征集已落地运行、成效明显的应用场景典型案例，经形式审查和专家评审择优确定。',
      applyFrom: '2026-11-01',
      applyUntil: '2026-12-31',
    });
    const call = await admin.selection.calls.advance.mutate({
      id: draft.id,
      expectedVersion: draft.version,
      action: 'publish',
    });
    for (const [i, name] of ['工作台形式审查甲', '工作台形式审查乙'].entries()) {
      const firm = await firmApplicant(h, 'yongqiao');
      const evidence = await Promise.all(
        ['case-summary', 'site-proof', 'credit-commitment'].map(async (kind) => ({
          kind,
          fileId: (await firm.upload(kind)).fileId,
        })),
      );
      const saved = await firm.client.selection.submissions.save.mutate({
        callId: call.id,
        title: name,
        form: {
          caseName: name,
          applicationDomain: 'industry',
          fieldCode: 'low-carbon-energy',
          site: '宿州高新区',
          summary: `${name}已稳定运行一年以上，年减排二氧化碳逾千吨，带动相关产业链企业集聚发展。`,
        },
        evidence,
      });
      const submitted = await firm.client.selection.submissions.submit.mutate({
        id: saved.id,
        expectedVersion: saved.version,
      });
      if (i === 1)
        await (
          await h.officer('yongqiao')
        ).selection.submissions.formalCheck.mutate({
          id: submitted.id,
          expectedVersion: submitted.version,
          action: 'pass',
        });
    }

    // A pending verification in 埇桥区.
    const org = await registeredOrg(h);
    await org.client.myOrg.verification.submit.mutate(await legalRepSubmission(org));

    // Two secondments of the demo call: one waiting for its agreement, one serving and not
    // yet evaluated this year.
    const vpCall = await h.prisma.vpCall.findFirstOrThrow({ include: { needs: true } });
    const candidates = await h.prisma.vpCandidate.findMany({ where: { callId: vpCall.id } });
    const owner = await h.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const agreement = await storedFile(h, owner.id, '三方协议.pdf', 'application/pdf');
    for (const [i, status] of (['pending', 'active'] as const).entries()) {
      const need = vpCall.needs[i]!;
      const candidate = candidates[i]!;
      await h.prisma.vpSecondment.create({
        data: {
          callId: vpCall.id,
          needId: need.id,
          candidateId: candidate.id,
          organisationId: need.organisationId,
          researcherId: candidate.researcherId,
          areaCode: need.areaCode,
          score: 80,
          status,
          ...(status === 'active'
            ? {
                agreementFileId: agreement.id,
                startDate: new Date('2026-11-01'),
                endDate: new Date('2028-10-31'),
              }
            : {}),
          createdAt: h.clock.now,
          updatedAt: h.clock.now,
        },
      });
    }
    // Sets up a dozen records through the API: more than the default minute on a busy machine.
  }, 180_000);
  afterAll(() => h.close());

  it.each(['admin', 'reviewer', 'yongqiao', 'dangshan', 'finance'])(
    'for %s, every tile’s list shows its count',
    async (username) => {
      const officer = await h.officer(username);
      const { queues } = await officer.workbench.summary.query();
      expect(queues.length).toBeGreaterThan(0);
      const seen = [];
      for (const tile of queues) {
        const listed = await listCountAt(officer, tile.path).catch((e: unknown) => {
          throw new Error(`${tile.label} → ${tile.path}: ${String(e)}`);
        });
        seen.push({ tile: tile.label, path: tile.path, count: tile.count, listed });
      }
      expect(seen).toEqual(seen.map((s) => ({ ...s, listed: s.count })));
    },
  );

  it('counts what is there: the 埇桥区 已提交 application is in yongqiao’s tile and list', async () => {
    const yongqiao = await h.officer('yongqiao');
    const { queues } = await yongqiao.workbench.summary.query();
    const tile = queues.find((q) => q.label === '待县区受理/审核')!;
    expect(tile.count).toBe(2);
    expect(await listCountAt(yongqiao, tile.path)).toBe(2);
    const admin = await h.officer('admin');
    const all = (await admin.workbench.summary.query()).queues;
    expect(all.find((q) => q.label === '待县区受理/审核')!.count).toBe(3);
    expect(all.every((q) => q.count > 0 || q.key.startsWith('org-'))).toBe(true);
  });

  it('最近动态 links each row to its record where the officer has a page for it', async () => {
    const { application } = await submittedScenario(h, '工作台动态链接场景', 'yongqiao');
    const yongqiao = await h.officer('yongqiao');
    const seen = await yongqiao.review.byId.query({ id: application.id });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await yongqiao.review.act.mutate({
      applicationId: application.id,
      action: 'accept-area',
      expectedVersion: seen.version,
    });
    for (const username of ['yongqiao', 'reviewer']) {
      const officer = await h.officer(username);
      const { recent } = await officer.workbench.summary.query();
      const row = recent.find((r) => r.objectId === application.id)!;
      expect(row.path).toBe(`/applications/${application.id}`);
      // The record the link opens is the one acted on.
      const opened = await officer.review.byId.query({ id: row.path!.split('/').pop()! });
      expect(opened.number).toBe(application.number);
    }
    // Finance has no application pages: the row is shown without a link.
    const finance = await h.officer('finance');
    const rows = (await finance.workbench.summary.query()).recent;
    expect(rows.filter((r) => r.objectType === 'application').every((r) => r.path === null)).toBe(
      true,
    );
  });
});
