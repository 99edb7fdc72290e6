import { randomBytes } from 'node:crypto';
import type {
  OrganisationProfileInput,
  ResearcherProfileInput,
  VpCandidateInput,
  VpNeedInput,
} from '@kc/domain';
import type { Harness } from './harness';
import { creditCode, firmInput, researcherInput, residentId } from './fixtures';
import { verifiedInDb } from './org-support';

let serial = 700;
let idSeq = 100;

/** A verified firm applicant in the 低碳能源 field unless told otherwise. */
export async function vpFirm(
  h: Harness,
  overrides: Partial<OrganisationProfileInput> = {},
  { verified = true }: { verified?: boolean } = {},
) {
  // Kept apart from the client: the tRPC client is a proxy that answers every property itself.
  const openid = `vp-firm-${randomBytes(6).toString('hex')}`;
  const client = await h.applicant(openid);
  const org = await client.profile.saveOrganisation.mutate(
    firmInput({
      creditCode: creditCode(serial++),
      name: `宿州氢能科技有限公司${serial}`,
      areaCode: 'yongqiao',
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: ['membrane-electrode'],
      qualifications: ['high-tech-enterprise'],
      ...overrides,
    }),
  );
  if (verified) await verifiedInDb(h, org.id);
  const me = await client.auth.me.query();
  return { client, openid, org, userId: me.id };
}

/** A researcher applicant (a 宿州学院 associate professor born 1980 unless told otherwise). */
export async function vpResearcher(
  h: Harness,
  overrides: Partial<ResearcherProfileInput> & { birth?: string } = {},
) {
  const { birth = '19800615', ...profile } = overrides;
  const openid = `vp-researcher-${randomBytes(6).toString('hex')}`;
  const client = await h.applicant(openid);
  const saved = await client.profile.saveResearcher.mutate(
    researcherInput({
      residentId: residentId(birth, String(idSeq++).padStart(3, '0')),
      fieldCodes: ['low-carbon-energy'],
      subFieldCodes: ['membrane-electrode'],
      expertise: '质子交换膜燃料电池膜电极制备与催化剂研究',
      preferredAreaCodes: ['yongqiao'],
      ...profile,
    }),
  );
  const me = await client.auth.me.query();
  return { client, openid, researcher: saved, userId: me.id };
}

/** Stands in for POST /files (tested in apps/server): a stored file owned by `userId`. */
export async function storedFile(h: Harness, userId: string, mimeType = 'application/pdf') {
  const file = await h.prisma.storedFile.create({
    data: {
      createdAt: h.clock.now,
      sha256: randomBytes(32).toString('hex'),
      sizeBytes: 2048,
      mimeType,
      originalName: mimeType === 'application/pdf' ? '三方协议.pdf' : '说明.txt',
      ownerUserId: userId,
    },
  });
  return file.id;
}

export const CALL_FORM = {
  year: 2026,
  title: '2026年度科技副总选派',
  needsDeadline: '2026-12-10',
  applicationsDeadline: '2026-12-20',
  referenceDate: '2026-12-20',
};

export function needForm(overrides: Partial<VpNeedInput> = {}): VpNeedInput {
  return {
    title: '燃料电池膜电极量产工艺攻关',
    fieldCode: 'low-carbon-energy',
    subFieldCode: 'membrane-electrode',
    problem: '膜电极批量制备一致性差，铂载量偏高，需要优化涂布工艺与催化剂配方，提高良品率。',
    expertiseWanted: '膜电极制备、质子交换膜、催化剂',
    daysPerYear: 60,
    positions: 1,
    ...overrides,
  };
}

export const APPLICATION_FORM: VpCandidateInput = {
  institutionKind: 'university',
  employment: 'staff',
  achievements: '主持国家自然科学基金项目2项，发表膜电极相关论文20余篇，授权发明专利5项。',
};
