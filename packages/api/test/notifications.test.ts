import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { firmApplicant, submittedScenario } from './awards-support';

describe('message centre (notifications.*) and the workbench', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('the applicant is told of every officer step, with the comment, and gets a receipt for their submission', async () => {
    const { firm, application } = await submittedScenario(h, '消息中心测试场景');
    // The receipt of the submission (issue 11); withdrawing is not echoed back.
    expect((await firm.client.notifications.unreadCount.query()).count).toBe(1);

    // Each officer step a few minutes after the last: messages are listed newest first.
    const later = (minutes: number) => {
      h.clock.now = new Date(h.clock.now.getTime() + minutes * 60_000);
    };
    const area = await h.officer('yongqiao');
    const seen = await area.review.byId.query({ id: application.id });
    later(5);
    const accepted = await area.review.act.mutate({
      applicationId: application.id,
      action: 'accept-area',
      expectedVersion: seen.version,
    });
    later(5);
    const atBureau = await area.review.act.mutate({
      applicationId: application.id,
      action: 'forward',
      expectedVersion: accepted.version,
    });
    later(5);
    const reviewer = await h.officer('reviewer');
    await reviewer.review.act.mutate({
      applicationId: application.id,
      action: 'return',
      comment: '请补充场景运行数据',
      expectedVersion: atBureau.version,
    });
    const { items, nextCursor } = await firm.client.notifications.mine.query({});
    expect(items.map((n) => n.title)).toEqual([
      '申请被退回修改',
      '已报送市局',
      '申请已受理',
      '申请已提交',
    ]);
    expect(items[0]!.body).toContain('请补充场景运行数据');
    expect(items[0]!.body).toContain(application.number);
    expect(items[0]!.link).toEqual({ page: 'application', id: application.id });
    expect(nextCursor).toBeNull();
    await firm.client.notifications.markRead.mutate({ ids: [items[3]!.id] });

    const firstPage = await firm.client.notifications.mine.query({ limit: 2 });
    expect(firstPage.items).toHaveLength(2);
    const rest = await firm.client.notifications.mine.query({
      limit: 2,
      cursor: firstPage.nextCursor!,
    });
    expect(rest.items.map((n) => n.title)).toEqual(['申请已受理', '申请已提交']);

    expect((await firm.client.notifications.unreadCount.query()).count).toBe(3);
    await firm.client.notifications.markRead.mutate({ ids: [items[0]!.id] });
    expect((await firm.client.notifications.unreadCount.query()).count).toBe(2);
    await firm.client.notifications.markRead.mutate({});
    expect((await firm.client.notifications.unreadCount.query()).count).toBe(0);
  });

  it('nobody reads or marks another applicant’s messages', async () => {
    const other = await firmApplicant(h);
    expect((await other.client.notifications.mine.query({})).items).toEqual([]);
    const all = await h.prisma.notification.findMany({ select: { id: true } });
    expect(await other.client.notifications.markRead.mutate({ ids: all.map((n) => n.id) })).toEqual(
      { updated: 0 },
    );
    // An officer has a message centre of their own (the admin's bell), not the applicants'.
    const officer = await h.officer('admin');
    expect((await officer.notifications.mine.query({})).items).toEqual([]);
    expect(await officer.notifications.markRead.mutate({ ids: all.map((n) => n.id) })).toEqual({
      updated: 0,
    });
  });

  it('each officer, finance included, reads and marks their own messages only', async () => {
    const users = await h.prisma.user.findMany({
      where: { username: { in: ['admin', 'reviewer', 'finance'] } },
      select: { id: true, username: true },
    });
    const idOf = (name: string) => users.find((u) => u.username === name)!.id;
    for (const name of ['admin', 'reviewer', 'finance']) {
      await h.prisma.notification.create({
        data: {
          userId: idOf(name),
          kind: 'notice.period-ended',
          title: '公示期满待结束',
          body: `给${name}的消息`,
          createdAt: h.clock.now,
          pushStatus: 'skipped',
        },
      });
    }
    const admin = await h.officer('admin');
    const finance = await h.officer('finance');
    const reviewer = await h.officer('reviewer');
    const mine = await finance.notifications.mine.query({ unreadOnly: true });
    expect(mine.items.map((n) => n.body)).toEqual(['给finance的消息']);
    expect((await finance.notifications.unreadCount.query()).count).toBe(1);
    // The admin's "mark all read" leaves the reviewer's message unread.
    const adminBefore = (await admin.notifications.unreadCount.query()).count;
    expect(adminBefore).toBeGreaterThan(0);
    await admin.notifications.markRead.mutate({});
    expect((await admin.notifications.unreadCount.query()).count).toBe(0);
    expect((await reviewer.notifications.unreadCount.query()).count).toBe(1);
    // Naming another officer's message by id marks nothing.
    const reviewersMessage = await h.prisma.notification.findFirstOrThrow({
      where: { userId: idOf('reviewer') },
    });
    expect(await finance.notifications.markRead.mutate({ ids: [reviewersMessage.id] })).toEqual({
      updated: 0,
    });
    expect((await reviewer.notifications.unreadCount.query()).count).toBe(1);
  });

  it('pages through messages written at the same moment, each once, newest id first', async () => {
    const firm = await firmApplicant(h);
    const at = new Date('2026-12-06T02:00:00Z');
    const made = await h.prisma.notification.createManyAndReturn({
      data: Array.from({ length: 7 }, (_, i) => ({
        userId: firm.userId,
        kind: 'application.returned',
        title: `同一时刻的消息${i}`,
        body: '正文',
        createdAt: i < 5 ? at : new Date(at.getTime() - 60_000),
        readAt: i % 2 === 0 ? at : null,
        pushStatus: 'skipped',
      })),
      select: { id: true, createdAt: true, readAt: true },
    });
    const newestFirst = made
      .toSorted((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((n) => n.id);
    const pages = async (unreadOnly: boolean) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await firm.client.notifications.mine.query({ limit: 2, cursor, unreadOnly });
        ids.push(...page.items.map((n) => n.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    expect(await pages(false)).toEqual(newestFirst);
    const unread = new Set(made.filter((n) => n.readAt === null).map((n) => n.id));
    expect(await pages(true)).toEqual(newestFirst.filter((id) => unread.has(id)));
  });

  it('the workbench counts each officer’s own queues, within their area', async () => {
    await submittedScenario(h, '工作台埇桥待受理', 'yongqiao');
    await submittedScenario(h, '工作台砀山待受理', 'dangshan');
    const queues = async (username: string) =>
      Object.fromEntries(
        (await (await h.officer(username)).workbench.summary.query()).queues.map((q) => [
          q.key,
          q.count,
        ]),
      );
    const yongqiao = await queues('yongqiao');
    const dangshan = await queues('dangshan');
    const admin = await queues('admin');
    const finance = await queues('finance');
    expect(yongqiao['area-review']).toBe(1);
    expect(dangshan['area-review']).toBe(1);
    expect(admin['area-review']).toBe(2);
    expect(admin['returned']).toBe(1);
    expect(yongqiao).not.toHaveProperty('bureau-review');
    expect(finance).toHaveProperty('awaiting-payment');
    expect(finance).not.toHaveProperty('area-review');
    const summary = await (await h.officer('admin')).workbench.summary.query();
    expect(summary.recent.length).toBeGreaterThan(0);
    expect(summary.recent[0]!.actionLabel).not.toMatch(/^[a-z]/);
  });

  it('programmes: a verified high-tech enterprise sees its award suggested, a self-declared one does not', async () => {
    const firm = await firmApplicant(h);
    await h.prisma.organisation.update({
      where: { id: firm.org.id },
      data: { qualifications: ['high-tech-enterprise'] },
    });
    // 自报 only: nothing is suggested on what a firm says about itself.
    const declared = await firm.client.programmes.open.query();
    expect(declared.find((p) => p.id === 'high-tech-enterprise')).toMatchObject({
      mayApply: true,
      suggested: false,
    });
    // Verified (as an official list import leaves it): now it is.
    await h.prisma.organisationQualification.create({
      data: {
        organisationId: firm.org.id,
        kind: 'high-tech-enterprise',
        source: 'officer',
        documentNo: 'GR202634009999',
        recognisedOn: new Date('2026-10-15T00:00:00Z'),
        createdAt: h.clock.now,
      },
    });
    const list = await firm.client.programmes.open.query();
    const hte = list.find((p) => p.id === 'high-tech-enterprise')!;
    expect(hte).toMatchObject({ mayApply: true, suggested: true });
    expect(hte.suggestion).toContain('高新技术企业');
    const incubator = list.find((p) => p.id === 'incubator')!;
    expect(incubator.suggested).toBe(false);
    const researcher = await h.applicant('demo-openid-researcher-1');
    const forResearcher = await researcher.programmes.open.query();
    const scenario = forResearcher.find((p) => p.id === 'scenario-case')!;
    expect(scenario.mayApply).toBe(false);
    expect(scenario.whyNot).toContain('个人不能申请');
    // Without a profile the list is still shown, without fit.
    const newcomer = await h.applicant();
    expect((await newcomer.programmes.open.query())[0]).toMatchObject({
      mayApply: null,
      suggested: false,
    });
  });
});
