import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicPages } from '../src/public';
import { createPublicPages, publicPaths } from '../src/public';
import type { Harness } from './harness';
import { createHarness } from './harness';

/**
 * 政策征求意见 on the public pages (issue 15): the consultations with where each stands; one
 * consultation with its period, contact and how to comment, the draft clause by clause with the
 * comments counted; once the bureau publishes them, every comment with its answer under its
 * clause — authors as 公众 or their organisation, everything escaped; anything else a 404.
 */
let h: Harness;
let pages: PublicPages;
let id = '';

const HOSTILE = '<script>alert(1)</script>建议补助上限提高';
const FIRM = '安徽宿氢新能源科技有限公司';
const contact = { department: '宿州市科学技术局政策法规科', phone: '0557-3021234' };

beforeAll(async () => {
  // 2026-12-01 10:00 in Shanghai.
  h = await createHarness({ start: new Date('2026-12-01T02:00:00Z') });
  pages = createPublicPages({ db: h.db, now: () => h.clock.now });
  const admin = await h.officer('admin');
  const made = await admin.consultations.create.mutate({
    policySetId: 'suzhou-future-2026-draft',
    title: '《以科技创新推进未来产业创新发展实施方案（征求意见稿）》公开征求意见',
    opensOn: '2026-12-01',
    closesOn: '2026-12-30',
    contact,
    note: '欢迎社会各界<b>提出意见</b>。',
  });
  id = made.id;
  const firm = await h.applicant('demo-openid-firm-1');
  await firm.consultations.comment.mutate({
    consultationId: id,
    comment: {
      clauseId: '四.8',
      body: '建议将单项成果补助上限由50万元提高到80万元。',
      asOrganisation: true,
    },
  });
  const citizen = await h.applicant();
  await citizen.consultations.comment.mutate({
    consultationId: id,
    comment: { clauseId: '四.8', body: HOSTILE },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the list of consultations', () => {
  it('is in the public nav and linked from the index, each with where it stands', async () => {
    const index = await pages.index();
    expect(index.html).toContain('href="/public/consultations">征求意见</a>');
    expect(index.html).toContain('>查看政策征求意见</a');
    const list = await pages.consultations();
    expect(list.status).toBe(200);
    expect(list.html).toContain('<a href="/public/consultations" aria-current="page">征求意见</a>');
    expect(list.html).toContain(`href="${publicPaths.consultation(id)}"`);
    expect(list.html).toContain('<span class="tag tag-running">征求意见中</span>');
    expect(list.html).toContain('编号：SZKC-ZQ-2026-001');
    expect(list.html).toContain('征求意见时间：2026年12月1日至2026年12月30日（共30日）');
    expect(list.html).toContain('已收到意见：2条');
    expect(list.html).toContain('请在微信小程序「宿州科创」政策栏目中提出意见');
  });
});

describe('a consultation’s page', () => {
  it('shows the period, the contact, how to comment, and the draft clause by clause with counts', async () => {
    const p = await pages.consultation(id);
    expect(p.status).toBe(200);
    expect(p.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(p.html).toMatch(
      /<dt>征求意见时间<\/dt>\s*<dd>2026年12月1日至2026年12月30日（共30日）<\/dd>/,
    );
    expect(p.html).toMatch(/<dt>联系电话<\/dt>\s*<dd>0557-3021234<\/dd>/);
    expect(p.html).toContain('请在微信小程序「宿州科创」政策栏目中提出意见');
    expect(p.html).toContain('请勿填写手机号码、身份证号码、电子邮箱等个人信息');
    expect(p.html).toContain('<h3>四、重点任务</h3>');
    expect(p.html).toContain('<h5>8.推动重大创新成果加速转化</h5>');
    expect(p.html).toContain('单项成果补助金额最高50万元');
    expect(p.html).toContain('条款四.8，已收到意见2条');
    expect(p.html).toContain('条款四.1，已收到意见0条');
    // The comments stay unpublished until the bureau publishes its answers.
    expect(p.html).not.toContain('建议将单项成果补助上限');
    expect(p.html).not.toContain('意见采纳情况</h2>');
    // The bureau's own note is text, not markup.
    expect(p.html).toContain('欢迎社会各界&lt;b&gt;提出意见&lt;/b&gt;。');
  });

  it('is a 404 for an unknown or malformed id', async () => {
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'x', '四.8'])
      expect((await pages.consultation(bad)).status).toBe(404);
  });

  it('shows every comment with its answer under its clause once published, escaped', async () => {
    h.clock.now = new Date('2026-12-31T02:00:00Z');
    const admin = await h.officer('admin');
    const comments = await h.prisma.policyComment.findMany({ orderBy: { createdAt: 'asc' } });
    for (const m of comments)
      await admin.consultations.answer.mutate({
        commentId: m.id,
        expectedVersion: m.version,
        answer:
          m.organisationName === null
            ? { outcome: 'not-adopted', reason: '补助上限按财力统筹确定。' }
            : { outcome: 'adopted' },
      });
    const view = await admin.consultations.byId.query({ id });
    await admin.consultations.publishFeedback.mutate({
      id,
      expectedVersion: view.version,
      summary: '共收到意见2条，采纳1条，不予采纳1条。',
    });

    const list = await pages.consultations();
    expect(list.html).toContain('<span class="tag tag-closed">已发布采纳情况</span>');
    const p = await pages.consultation(id);
    expect(p.status).toBe(200);
    expect(p.html).toContain('意见采纳情况</h2>');
    expect(p.html).toContain('共收到意见2条，采纳1条，不予采纳1条。');
    expect(p.html).toContain('发布日期：2026年12月31日');
    expect(p.html).toContain(`<td data-label="提出者">${FIRM}</td>`);
    expect(p.html).toContain('<td data-label="处理结果">采纳</td>');
    expect(p.html).toContain('<td data-label="提出者">公众</td>');
    expect(p.html).toContain('<td data-label="理由">补助上限按财力统筹确定。</td>');
    expect(p.html).not.toContain('<script>');
    expect(p.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;建议补助上限提高');
    expect(p.html).not.toContain('政策栏目中提出意见：打开');
  });
});
