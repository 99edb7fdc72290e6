import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_KIND_CODES, NEED_STATUS_CODES, vpNeedPrefill } from '@kc/domain';
import type { Harness } from './harness';
import { createHarness, failure } from './harness';
import { firmApplicant } from './awards-support';
import { CALL_FORM, needForm, vpFirm, vpResearcher } from './vp-support';

/**
 * 需求榜 (issue 14): a firm posts a technology need, the area officer returns then publishes it,
 * anyone reads it, a researcher responds (揭榜), and only the poster sees who did.
 */
describe('need boards', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const technologyNeed = {
    kind: 'technology' as const,
    title: '氢燃料电池膜电极低铂催化剂',
    fieldCode: 'low-carbon-energy' as const,
    subFieldCode: 'membrane-electrode',
    problem: '现有膜电极铂载量高、成本高，需开发低铂催化剂并实现批量涂布，寿命不低于一万小时。',
    indicators: '铂载量不高于0.2毫克每平方厘米，功率密度不低于1.2瓦每平方厘米',
    coFundFen: 300_000_000n,
    deadline: '2028-12-31',
  };

  it('the database holds to the same kinds and statuses as the domain', async () => {
    const rows = await h.prisma.$queryRaw<{ name: string; def: string }[]>`
      SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conname IN ('innovation_need_kind_valid', 'innovation_need_status_valid')`;
    const listed = (name: string) =>
      [...(rows.find((r) => r.name === name)?.def ?? '').matchAll(/'([a-z-]+)'/g)]
        .map((m) => m[1])
        .sort();
    expect(listed('innovation_need_kind_valid')).toEqual([...NEED_KIND_CODES].sort());
    expect(listed('innovation_need_status_valid')).toEqual([...NEED_STATUS_CODES].sort());
  });

  it('refuses a sub-field outside the field and a budget range upside down, in Chinese', async () => {
    const firm = await firmApplicant(h, 'yongqiao');
    const sub = await failure(() =>
      firm.client.needs.post.mutate({ ...technologyNeed, subFieldCode: 'drones' }),
    );
    expect(sub.fieldErrors?.subFieldCode).toEqual(['细分方向须属于所选的产业领域']);
    const range = await failure(() =>
      firm.client.needs.post.mutate({
        kind: 'scenario',
        title: '园区无人配送场景',
        applicationDomain: 'city-management',
        fieldCode: 'aerospace-information' as const,
        problem: '在高新区园区内开展无人机与无人车配送，需要解决空域协同和末端投递问题。',
        site: '宿州高新区',
        budgetMinFen: 50_000_000n,
        budgetMaxFen: 10_000_000n,
      }),
    );
    expect(range.fieldErrors?.budgetMaxFen).toEqual(['预算上限不能低于下限']);
  });

  it('runs from posting to a response only the poster sees', async () => {
    const firm = await firmApplicant(h, 'yongqiao');
    const posted = await firm.client.needs.post.mutate(technologyNeed);
    expect(posted).toMatchObject({
      number: expect.stringMatching(/^SZKC-XQ-2026-\d{4}$/),
      statusName: '待审核',
      kindName: '技术攻关需求',
      subFieldName: '膜电极',
      areaName: '埇桥区',
    });
    // Not on the board before an officer publishes it; another area's officer cannot see it.
    const anyone = h.client();
    expect((await anyone.needs.published.query({})).items.map((n) => n.id)).not.toContain(
      posted.id,
    );
    const dangshan = await h.officer('dangshan');
    expect(
      (
        await failure(() =>
          dangshan.needs.curate.mutate({ id: posted.id, expectedVersion: 1, action: 'publish' }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    const yongqiao = await h.officer('yongqiao');
    const noComment = await failure(() =>
      yongqiao.needs.curate.mutate({ id: posted.id, expectedVersion: 1, action: 'return' }),
    );
    expect(noComment.fieldErrors?.comment).toEqual(['请写明需要修改的内容']);
    const returned = await yongqiao.needs.curate.mutate({
      id: posted.id,
      expectedVersion: 1,
      action: 'return',
      comment: '请补充企业拟投入资金的来源',
    });
    expect(returned).toMatchObject({
      statusName: '退回修改',
      returnComment: '请补充企业拟投入资金的来源',
    });
    const corrected = await firm.client.needs.update.mutate({
      id: posted.id,
      expectedVersion: returned.version,
      need: { ...technologyNeed, problem: `${technologyNeed.problem}企业自筹资金已列入年度预算。` },
    });
    expect(corrected.statusName).toBe('待审核');
    const published = await yongqiao.needs.curate.mutate({
      id: posted.id,
      expectedVersion: corrected.version,
      action: 'publish',
    });
    expect(published.statusName).toBe('已发布');

    const board = await anyone.needs.published.query({ kind: 'technology' });
    const onBoard = board.items.find((n) => n.id === posted.id);
    expect(onBoard).toMatchObject({ organisationName: firm.org.name, fieldName: '低碳能源' });
    // The public board carries no people and no responses.
    expect(Object.keys(onBoard ?? {})).not.toContain('responses');
    expect(
      JSON.stringify(onBoard, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    ).not.toMatch(/mobile|contact|phone/i);
    expect(onBoard?.details).toMatchObject({ coFundFen: 300_000_000n });

    // A researcher responds once; the firm itself cannot.
    const { client: researcher } = await vpResearcher(h);
    await researcher.needs.respond.mutate({
      id: posted.id,
      message: '团队长期从事低铂催化剂研究，已完成中试，可联合攻关。',
    });
    expect(
      (
        await failure(() =>
          researcher.needs.respond.mutate({ id: posted.id, message: '再次揭榜的说明文字内容' }),
        )
      ).message,
    ).toBe('您已对该需求揭榜，无需重复提交');
    expect(
      (
        await failure(() =>
          firm.client.needs.respond.mutate({ id: posted.id, message: '本单位自己揭榜的说明' }),
        )
      ).message,
    ).toBe('不能对本单位发布的需求揭榜');

    const [mine] = await firm.client.needs.mine.query();
    expect(mine?.responses).toEqual([
      {
        id: expect.any(String),
        who: expect.stringMatching(/（.+）$/),
        message: '团队长期从事低铂催化剂研究，已完成中试，可联合攻关。',
        createdAt: expect.any(Date),
      },
    ]);
    // The officers' page reads every need's responses at once: each keeps its own.
    await firm.client.needs.post.mutate({ ...technologyNeed, title: '固态电池电解质界面稳定性' });
    const queue = await yongqiao.needs.list.query({ page: 1, pageSize: 50 });
    for (const n of queue.items)
      expect(n.responses.map((r) => r.message)).toEqual(
        n.id === posted.id ? ['团队长期从事低铂催化剂研究，已完成中试，可联合攻关。'] : [],
      );
    expect(queue.items.length).toBeGreaterThan(1);
    const told = await firm.client.notifications.mine.query({});
    // Both messages carry the same time here: found by title, not by position.
    expect(told.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        '需求“氢燃料电池膜电极低铂催化剂”有新的揭榜',
        '需求“氢燃料电池膜电极低铂催化剂”已发布',
      ]),
    );

    const audit = await yongqiao.audit.search.query({ objectId: posted.id });
    expect(audit.items.map((i) => i.actionLabel).reverse()).toEqual([
      '发布需求（待审核）',
      '需求：退回修改',
      '修改需求',
      '需求：发布',
      '揭榜',
    ]);
  });

  it('turns a published technology need into a 科技副总 need of an open call, once per call', async () => {
    const firm = await vpFirm(h);
    const posted = await firm.client.needs.post.mutate(technologyNeed);
    const yongqiao = await h.officer('yongqiao');
    // Not yet published: it cannot be turned.
    const admin = await h.officer('admin');
    const call = await admin.vp.calls.create.mutate({
      ...CALL_FORM,
      title: '2026年度科技副总选派（转入）',
    });
    const prefill = vpNeedPrefill(technologyNeed);
    expect(prefill).toEqual({
      title: '氢燃料电池膜电极低铂催化剂',
      fieldCode: 'low-carbon-energy',
      subFieldCode: 'membrane-electrode',
      problem: `${technologyNeed.problem}\n关键技术指标：${technologyNeed.indicators}`,
    });
    const need = needForm(prefill);
    const early = await failure(() =>
      firm.client.vp.needs.create.mutate({ callId: call.id, need, fromNeedId: posted.id }),
    );
    expect(early.message).toBe('只有本单位已发布的技术攻关需求可以转为科技副总需求');
    await yongqiao.needs.curate.mutate({ id: posted.id, expectedVersion: 1, action: 'publish' });

    // Another firm cannot turn someone else's need.
    const other = await vpFirm(h);
    expect(
      (
        await failure(() =>
          other.client.vp.needs.create.mutate({ callId: call.id, need, fromNeedId: posted.id }),
        )
      ).appCode,
    ).toBe('NOT_FOUND');

    const created = await firm.client.vp.needs.create.mutate({
      callId: call.id,
      need,
      fromNeedId: posted.id,
    });
    expect(created).toMatchObject({ title: '氢燃料电池膜电极低铂催化剂' });
    const row = await h.prisma.vpNeed.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.sourceNeedId).toBe(posted.id);
    const again = await failure(() =>
      firm.client.vp.needs.create.mutate({ callId: call.id, need, fromNeedId: posted.id }),
    );
    expect(again.message).toBe(`需求${posted.number}已转为本批次的科技副总需求，不能重复转入`);
    const [mine] = await firm.client.needs.mine.query();
    expect(mine?.vpNeeds).toEqual([
      { callId: call.id, callTitle: '2026年度科技副总选派（转入）', withdrawn: false },
    ]);
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { objectId: created.id, action: 'vp.need.create' },
    });
    expect(audit.details).toMatchObject({ fromNeed: posted.number });
  });
});
