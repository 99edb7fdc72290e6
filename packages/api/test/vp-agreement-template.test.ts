import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantCaller, OfficerCaller } from '../src/caller';
import { applicantFileAccess, officerFileAccess } from '../src';
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
 * Issue 11: officers upload a three-party agreement template to a call; the parties of its
 * secondments see it with their secondment and may download it, nobody else may.
 */
describe('科技副总: the agreement template of a call', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['officer']>>;
  let firm: Awaited<ReturnType<typeof vpFirm>>;
  let zhou: Awaited<ReturnType<typeof vpResearcher>>;
  let stranger: Awaited<ReturnType<typeof vpResearcher>>;
  let callId: string;
  let templateId: string;

  beforeAll(async () => {
    h = await createHarness();
    h.clock.now = new Date('2026-12-01T02:00:00Z');
    admin = await h.officer('admin');
    firm = await vpFirm(h);
    zhou = await vpResearcher(h, { name: '周文博' });
    stranger = await vpResearcher(h, { name: '陌生人' });
  });
  afterAll(() => h.close());

  const userIdOf = async (username: string) =>
    (await h.prisma.user.findUniqueOrThrow({ where: { username } })).id;

  it('a bureau officer attaches a template they uploaded; others may not', async () => {
    callId = (await admin.vp.calls.create.mutate(CALL_FORM)).id;
    templateId = await storedFile(h, await userIdOf('admin'));
    const yongqiao = await h.officer('yongqiao');
    const forbidden = await failure(() =>
      yongqiao.vp.calls.setAgreementTemplate.mutate({ callId, fileId: templateId }),
    );
    expect(forbidden.appCode).toBe('FORBIDDEN');
    const researchersFile = await storedFile(h, zhou.userId);
    const notOfficers = await failure(() =>
      admin.vp.calls.setAgreementTemplate.mutate({ callId, fileId: researchersFile }),
    );
    expect(notOfficers.fieldErrors?.fileId).toEqual(['模板文件不存在或不是您上传的']);

    const call = await admin.vp.calls.setAgreementTemplate.mutate({ callId, fileId: templateId });
    expect(call.agreementTemplate).toEqual({ fileId: templateId, name: '三方协议.pdf' });
    const audit = await h.prisma.auditLog.findFirst({
      where: { action: 'vp.call.agreement-template', objectId: callId },
    });
    expect(audit?.details).toMatchObject({ fileId: templateId });
    expect((await firm.client.vp.calls.get.query({ callId })).agreementTemplate?.fileId).toBe(
      templateId,
    );
  });

  it('the parties of a secondment see it and may download it; others may not', async () => {
    await firm.client.vp.needs.create.mutate({ callId, need: needForm() });
    await admin.vp.calls.advance.mutate({ callId, action: 'open-applications' });
    await zhou.client.vp.candidates.apply.mutate({ callId, application: APPLICATION_FORM });
    await admin.vp.calls.advance.mutate({ callId, action: 'start-matching' });
    const run = (await admin.vp.matching.run.mutate({ callId }))!;
    await admin.vp.calls.advance.mutate({ callId, action: 'confirm-matches', runId: run.id });

    const [mine] = await zhou.client.vp.secondments.mine.query();
    const detail = await zhou.client.vp.secondments.myDetail.query({ secondmentId: mine!.id });
    expect(detail.agreementTemplate).toEqual({ fileId: templateId, name: '三方协议.pdf' });

    const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: templateId } });
    const canSee = applicantFileAccess(h.db);
    const applicant = (userId: string): ApplicantCaller =>
      ({ kind: 'applicant', userId, sessionId: 'test' }) as ApplicantCaller;
    expect(await canSee(applicant(zhou.userId), file)).toBe(true);
    expect(await canSee(applicant(firm.userId), file)).toBe(true);
    expect(await canSee(applicant(stranger.userId), file)).toBe(false);

    const officer = {
      kind: 'officer',
      userId: await userIdOf('dangshan'),
      sessionId: 'test',
      username: 'dangshan',
      displayName: 'dangshan',
      role: 'area-officer',
      areaCode: 'dangshan',
    } as OfficerCaller;
    expect(await officerFileAccess(h.db)(officer, file)).toMatchObject({
      details: { callId },
    });
  });
});
