import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceAccess } from '../src';
import type { OfficerCaller } from '../src/caller';
import {
  SCENARIO_EVIDENCE,
  firmApplicant,
  scenarioInput,
  submittedScenario,
} from './awards-support';
import type { Harness } from './harness';
import { createHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function officer(username: string): Promise<OfficerCaller> {
  const user = await h.prisma.user.findUniqueOrThrow({ where: { username } });
  return {
    kind: 'officer',
    userId: user.id,
    sessionId: 'test',
    username,
    displayName: user.displayName,
    role:
      user.role === 'AREA_OFFICER'
        ? 'area-officer'
        : user.role === 'BUREAU_REVIEWER'
          ? 'bureau-reviewer'
          : 'bureau-admin',
    areaCode: (user.areaCode as OfficerCaller['areaCode']) ?? null,
  };
}

describe('who may download an applicant’s evidence', () => {
  it('the officers of the application’s area and the bureau, once it is submitted', async () => {
    const { application } = await submittedScenario(h, '材料下载权限案例');
    const fileId = application.evidence[0]!.fileId!;
    const file = await h.prisma.storedFile.findUniqueOrThrow({ where: { id: fileId } });
    const canSee = evidenceAccess(h.db);
    expect(await canSee(await officer('yongqiao'), file)).toMatchObject({
      areaCode: 'yongqiao',
      details: { applicationId: application.id, number: application.number },
    });
    expect(await canSee(await officer('reviewer'), file)).not.toBe(false);
    expect(await canSee(await officer('dangshan'), file)).toBe(false);
  });

  it('nobody, while the application is still a draft', async () => {
    const firm = await firmApplicant(h);
    const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
    await firm.client.applications.saveDraft.mutate({
      ruleId: 'scenario-case',
      input: scenarioInput('草稿材料案例'),
      evidence,
    });
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: evidence[0]!.fileId },
    });
    expect(await evidenceAccess(h.db)(await officer('admin'), file)).toBe(false);
  });

  it('not an officer who declared a conflict of interest with the applicant', async () => {
    const { firm, application } = await submittedScenario(h, '回避下载案例');
    const reviewer = await officer('reviewer');
    await h.prisma.conflictOfInterest.create({
      data: {
        declaredAt: h.clock.now,
        officerUserId: reviewer.userId,
        organisationId: firm.org.id,
        reason: '曾在该企业兼职',
      },
    });
    const file = await h.prisma.storedFile.findUniqueOrThrow({
      where: { id: application.evidence[0]!.fileId! },
    });
    expect(await evidenceAccess(h.db)(reviewer, file)).toBe(false);
  });
});
