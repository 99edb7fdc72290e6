import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policySetFor } from '@kc/domain';
import type { PublicPages } from '../src/public';
import { PUBLIC_CSP, createPublicPages, escapeHtml, html } from '../src/public';
import { awardNotice, noticeSummaries, vpNotice } from '../src/public/data';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { submittedScenario, toBureauReview } from './awards-support';
import { APPLICATION_FORM, CALL_FORM, needForm, vpFirm, vpResearcher } from './vp-support';

/**
 * The public pages read what the admin reads, for anyone: only published and closed notices,
 * with organisation, programme, area and amount; researchers by name and institution; no phone,
 * ID number or internal id as text; every value escaped.
 */
let h: Harness;
let pages: PublicPages;
const deps = () => ({ db: h.db, now: () => h.clock.now });

beforeAll(async () => {
  h = await createHarness();
  pages = createPublicPages(deps());
});
afterAll(async () => {
  await h?.close();
});

const HOSTILE = '<script>alert(1)</script>';
const UUID_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function approvedScenario(caseName: string) {
  const { firm, application } = await submittedScenario(h, caseName);
  const atBureau = await toBureauReview(h, application.id);
  const reviewer = await h.officer('reviewer');
  const approved = await reviewer.review.act.mutate({
    applicationId: application.id,
    action: 'approve',
    expectedVersion: atBureau.version,
  });
  return { firm, application: approved };
}

/** Everything personal the database holds about people, as text that must never be shown. */
async function personalData() {
  const [orgs, researchers, claims] = await Promise.all([
    h.prisma.organisation.findMany({ select: { contactPhone: true } }),
    h.prisma.researcher.findMany({
      select: { mobile: true, residentIdMasked: true, residentIdHash: true },
    }),
    h.prisma.organisationClaim.findMany({ select: { claimantPhone: true } }),
  ]);
  return [
    ...orgs.map((o) => o.contactPhone),
    ...researchers.flatMap((r) => [r.mobile, r.residentIdMasked, r.residentIdHash]),
    ...claims.map((c) => c.claimantPhone),
  ].filter((v): v is string => typeof v === 'string' && v.length >= 7);
}

function expectNoLeaks(page: string, secrets: string[]) {
  for (const secret of secrets) expect(page).not.toContain(secret);
  // Ids only in addresses: strip the href values, then no UUID may remain as text.
  expect(page.replace(/href="[^"]*"/g, '')).not.toMatch(UUID_TEXT);
}

describe('html', () => {
  it('escapes every interpolated value, and only ours pass as markup', () => {
    const out = html`<p title="${'"x"'}">${HOSTILE}${html`<b>${'&'}</b>`}${[1, null, false]}</p>`;
    expect(out.value).toBe(
      '<p title="&quot;x&quot;">&lt;script&gt;alert(1)&lt;/script&gt;<b>&amp;</b>1</p>',
    );
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('the one stylesheet is the one the Content-Security-Policy allows, and no script is', async () => {
    const page = (await pages.index()).html;
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    expect(PUBLIC_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(PUBLIC_CSP).not.toContain('script-src');
    expect(PUBLIC_CSP).toContain("default-src 'none'");
  });
});

describe('programmes', () => {
  it('the index lists the programmes in force; a guide shows conditions, amount, clause, materials and 咨询电话', async () => {
    const set = policySetFor('2026-11-27')!;
    const index = await pages.index();
    expect(index.status).toBe(200);
    for (const rule of set.rules) expect(index.html).toContain(`/public/programmes/${rule.id}`);
    expect(index.html).toContain('lang="zh-CN"');
    expect(index.html.match(/<h1[ >]/g)).toHaveLength(1);

    const rule = set.rules.find((r) => r.id === 'tech-transfer')!;
    const guide = await pages.programme('tech-transfer');
    expect(guide.status).toBe(200);
    expect(guide.html).toContain(escapeHtml(rule.guide.conditions[0]!));
    expect(guide.html).toContain(rule.guide.amountText);
    expect(guide.html).toContain('条款 四.8');
    expect(guide.html).toContain('¥500,000.00');
    expect(guide.html).toContain(escapeHtml(rule.guide.evidence[0]!.name));
    expect(guide.html).toContain(rule.guide.consultation.phone);

    expect((await pages.programme('no-such-programme')).status).toBe(404);
  });
});

describe('award notices', () => {
  let draftId: string;
  let publishedId: string;
  let hostileFirm: string;
  let plainFirm: string;

  it('a draft never appears; a published batch does, with names, programmes and amounts', async () => {
    const draftApp = await approvedScenario('公开页面草稿案例');
    const hostile = await approvedScenario('公开页面公示案例甲');
    const plain = await approvedScenario('公开页面公示案例乙');
    // A hostile name, as an applicant could type one before verification locks it.
    await h.prisma.organisation.update({
      where: { id: hostile.firm.org.id },
      data: { name: HOSTILE },
    });
    hostileFirm = HOSTILE;
    plainFirm = plain.firm.org.name;

    const reviewer = await h.officer('reviewer');
    const draft = await reviewer.notices.create.mutate({
      title: '公开页面草稿批次',
      applicationIds: [draftApp.application.id],
    });
    draftId = draft.id;
    const batch = await reviewer.notices.create.mutate({
      title: '2026年第一批拟奖补名单公示',
      applicationIds: [hostile.application.id, plain.application.id],
    });
    await reviewer.notices.publish.mutate({ batchId: batch.id });
    publishedId = batch.id;

    const summaries = await noticeSummaries(deps());
    expect(summaries.map((s) => s.id)).not.toContain(draftId);
    expect(summaries.find((s) => s.id === publishedId)).toMatchObject({
      kind: 'award',
      stage: 'running',
      count: 2,
      endsOn: '2026-12-04',
    });
    expect(await awardNotice(deps(), draftId)).toBeNull();
    const draftPage = await pages.notice(draftId);
    expect(draftPage.status).toBe(404);
    expect(draftPage.html).toContain('页面不存在');
    expect((await pages.notices()).html).not.toContain('公开页面草稿批次');

    const page = await pages.notice(publishedId);
    expect(page.status).toBe(200);
    expect(page.html).toContain('2026年第一批拟奖补名单公示');
    expect(page.html).toContain(plainFirm);
    expect(page.html).toContain('四.1 市级重大应用场景典型案例奖励');
    expect(page.html).toContain('埇桥区');
    expect(page.html).toContain('¥200,000.00');
    expect(page.html).toContain('¥400,000.00');
    // Whom to object to, and until when: the policy version's setting and the notice rule.
    const contact = policySetFor('2026-11-27')!.settings.noticeObjectionContact;
    expect(page.html).toContain(contact.phone);
    expect(page.html).toContain(contact.department);
    expect(page.html).toContain('2026年12月4日24时前');
    expect(page.html).toContain('@media print');
  });

  it('escapes a hostile organisation name on every page it appears', async () => {
    const page = await pages.notice(publishedId);
    expect(page.html).not.toContain(hostileFirm);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toMatch(/<script/i);
  });

  it('shows no phone, ID number or internal id', async () => {
    const secrets = await personalData();
    expect(secrets.length).toBeGreaterThan(3);
    for (const p of [await pages.index(), await pages.notices(), await pages.notice(publishedId)])
      expectNoLeaks(p.html, secrets);
  });

  it('a closed notice shows its result', async () => {
    h.clock.now = new Date('2026-12-07T02:00:00Z');
    try {
      const reviewer = await h.officer('reviewer');
      await reviewer.notices.close.mutate({ batchId: publishedId });
      const page = await pages.notice(publishedId);
      expect(page.status).toBe(200);
      expect(page.html).toContain('公示结果');
      expect(page.html).toContain('公示期满无异议');
      expect(page.html).toContain('异议受理已于');
      const summary = (await noticeSummaries(deps())).find((s) => s.id === publishedId);
      expect(summary?.stage).toBe('closed');
    } finally {
      h.clock.now = new Date('2026-11-27T02:00:00Z');
    }
  });

  it('answers 404 for unknown and malformed ids', async () => {
    expect((await pages.notice('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await pages.notice('not-a-uuid')).status).toBe(404);
    expect((await pages.vpNotice('not-a-uuid')).status).toBe(404);
    expect((await pages.vpNotice(publishedId)).status).toBe(404);
  });
});

describe('科技副总 notices', () => {
  it('lists the published pairs by name and institution only; a call still matching is not shown', async () => {
    const admin = await h.officer('admin');
    const call = await admin.vp.calls.create.mutate({
      ...CALL_FORM,
      title: '公开页面科技副总批次',
    });
    const firm = await vpFirm(h);
    await firm.client.vp.needs.create.mutate({ callId: call.id, need: needForm() });
    await admin.vp.calls.advance.mutate({ callId: call.id, action: 'open-applications' });
    const researcher = await vpResearcher(h, { name: '郑思源', mobile: '13855729876' });
    await researcher.client.vp.candidates.apply.mutate({
      callId: call.id,
      application: APPLICATION_FORM,
    });
    await admin.vp.calls.advance.mutate({ callId: call.id, action: 'start-matching' });
    expect(await vpNotice(deps(), call.id)).toBeNull();
    expect((await pages.vpNotice(call.id)).status).toBe(404);

    const run = await admin.vp.matching.run.mutate({ callId: call.id });
    await admin.vp.calls.advance.mutate({
      callId: call.id,
      action: 'confirm-matches',
      runId: run!.id,
    });
    const page = await pages.vpNotice(call.id);
    expect(page.status).toBe(200);
    expect(page.html).toContain('公开页面科技副总批次');
    expect(page.html).toContain(firm.org.name);
    expect(page.html).toContain('郑思源');
    expect(page.html).toContain('宿州学院');
    expect(page.html).toContain('24时前');
    expect(page.html).not.toContain('副教授');
    expectNoLeaks(page.html, [...(await personalData()), '13855729876']);
    const summary = (await noticeSummaries(deps())).find((s) => s.id === call.id);
    expect(summary).toMatchObject({ kind: 'vp', stage: 'running', count: 1 });
  });
});
