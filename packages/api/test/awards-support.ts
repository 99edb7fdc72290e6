import { randomBytes } from 'node:crypto';
import type { Harness } from './harness';
import { creditCode, firmInput } from './fixtures';
import { verifiedInDb } from './org-support';

let serial = 500;

/** A verified firm applicant in `areaCode`, and helpers to upload evidence as them. */
export async function firmApplicant(
  h: Harness,
  areaCode: 'yongqiao' | 'dangshan' | 'sz-hitech' = 'yongqiao',
) {
  const openid = `test-firm-${randomBytes(6).toString('hex')}`;
  const client = await h.applicant(openid);
  const org = await client.profile.saveOrganisation.mutate(
    firmInput({
      creditCode: creditCode(serial++),
      name: `宿州测试科技有限公司${serial}`,
      areaCode,
    }),
  );
  await verifiedInDb(h, org.id);
  const me = await client.auth.me.query();
  const userId = me.id;
  async function upload(kind: string) {
    // Stands in for POST /files (tested in apps/server): a stored file owned by this applicant.
    const file = await h.prisma.storedFile.create({
      data: {
        createdAt: h.clock.now,
        sha256: randomBytes(32).toString('hex'),
        sizeBytes: 1024,
        mimeType: 'application/pdf',
        originalName: `${kind}.pdf`,
        ownerUserId: userId,
      },
    });
    return { fileId: file.id, kind };
  }
  /** A new session of the same person (after the clock moved past the first one's end). */
  const signInAgain = () => h.applicant(openid);
  return { client, org, userId, upload, signInAgain };
}

export const SCENARIO_EVIDENCE = [
  'selection-notice',
  'case-summary',
  'credit-commitment',
  'bank-account',
];

export function scenarioInput(caseName = '宿州智慧农业无人机植保应用场景') {
  return {
    caseName,
    applicationDomain: 'industry',
    selectedOn: '2026-10-15',
    selectionDocNo: '宿科〔2026〕88号',
  };
}

/** A scenario-case application submitted by a fresh firm, with all the evidence. */
export async function submittedScenario(
  h: Harness,
  caseName?: string,
  areaCode?: 'yongqiao' | 'dangshan',
) {
  const firm = await firmApplicant(h, areaCode);
  const evidence = await Promise.all(SCENARIO_EVIDENCE.map((k) => firm.upload(k)));
  const draft = await firm.client.applications.saveDraft.mutate({
    ruleId: 'scenario-case',
    input: scenarioInput(caseName),
    evidence,
  });
  const submitted = await firm.client.applications.submit.mutate({
    applicationId: draft.id,
    expectedVersion: draft.version,
  });
  return { firm, application: submitted };
}

/** Moves a submitted application through the area step to bureau review. */
export async function toBureauReview(h: Harness, applicationId: string, areaOfficer = 'yongqiao') {
  const officer = await h.officer(areaOfficer);
  const seen = await officer.review.byId.query({ id: applicationId });
  const accepted = await officer.review.act.mutate({
    applicationId,
    action: 'accept-area',
    expectedVersion: seen.version,
  });
  return officer.review.act.mutate({
    applicationId,
    action: 'forward',
    expectedVersion: accepted.version,
  });
}
