import type { AllianceInput } from '@kc/domain';
import type { Harness } from './harness';
import { firmApplicant } from './awards-support';

/** Seeded, verified member units (packages/db/src/seed.ts). */
export const UNIVERSITY = '宿州创新理工学院';
export const INSTITUTE = '皖北北斗时空信息研究院';

export type Firm = Awaited<ReturnType<typeof firmApplicant>>;

/** A registration as a lead firm would send it: two named units and the charter it uploaded. */
export async function allianceForm(
  firm: Firm,
  over: Partial<AllianceInput> = {},
): Promise<AllianceInput> {
  const charter = await firm.upload('alliance-charter');
  return {
    name: '宿州低碳能源产业技术创新联盟',
    fieldCode: 'low-carbon-energy',
    purpose: '联合开展氢能与储能关键技术攻关，共建中试平台，推动成果在宿州转化和产业化应用。',
    members: [
      { name: '合肥工业大学', unitType: 'university' },
      { name: '安徽省能源研究所', unitType: 'institute' },
    ],
    charterFileId: charter.fileId,
    ...over,
  };
}

/** A verified firm of `areaCode` and an alliance it registered (待审核). */
export async function submittedAlliance(
  h: Harness,
  areaCode: 'yongqiao' | 'dangshan' = 'yongqiao',
  over: Partial<AllianceInput> = {},
) {
  const firm = await firmApplicant(h, areaCode);
  const alliance = await firm.client.alliances.submit.mutate(await allianceForm(firm, over));
  return { firm, alliance };
}
