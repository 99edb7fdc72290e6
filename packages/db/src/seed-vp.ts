import { candidateSnapshot } from '@kc/domain';
import type { PrismaClient } from './generated/prisma/client';
import { nextNumber } from './numbers';

/** The demo call is recognised by its title, so seeding twice adds nothing. */
export const DEMO_VP_CALL_TITLE = '2026年度科技副总选派（演示批次）';

/** Needs of demo firms (by credit code). One declares its investor, to show the hard exclusion. */
const DEMO_NEEDS = [
  {
    creditCode: '91341300MA2N8H4QXE',
    title: '氢燃料电池电堆膜电极国产化攻关',
    fieldCode: 'low-carbon-energy',
    subFieldCode: 'membrane-electrode',
    problem: '电堆膜电极依赖进口，铂载量高、一致性差，需建立膜电极涂布工艺并降低催化剂成本。',
    expertiseWanted: '膜电极制备、低铂催化剂、燃料电池',
    daysPerYear: 60,
  },
  {
    creditCode: '91341321MA2MXC5135',
    title: '砀山酥梨功能食品深加工技术',
    fieldCode: 'life-health',
    subFieldCode: 'functional-food',
    problem: '酥梨深加工产品附加值低，需开发梨膏、梨多酚等功能食品并建立质量标准。',
    expertiseWanted: '功能食品、酥梨深加工、品种改良',
    daysPerYear: 40,
  },
  {
    creditCode: '91341322MA2RB6T81F',
    title: '陶瓷基复合材料轻量化结构设计',
    fieldCode: 'advanced-materials',
    subFieldCode: 'structure-function',
    problem: '陶瓷部件重量大、韧性不足，需引入纤维增强与轻量化结构设计，满足装备减重要求。',
    expertiseWanted: '复合材料成型、轻量化结构设计',
    daysPerYear: 50,
  },
  {
    creditCode: '91341300MA8U2E6W8T',
    title: '无人机集群智能飞控系统研发',
    fieldCode: 'aerospace-information',
    subFieldCode: 'flight-control',
    problem: '遥感无人机集群作业时航线冲突多，需研发集群协同飞控与航线规划算法。',
    expertiseWanted: '无人机集群、智能飞控、航线规划',
    daysPerYear: 60,
    investorInstitutions: ['皖北北斗时空信息研究院'],
  },
] as const;

/** Applications of demo researchers (by openid). */
const DEMO_CANDIDATES = [
  {
    openid: 'demo-openid-researcher-1',
    institutionKind: 'university',
    flags: ['provincial-talent'],
  },
  { openid: 'demo-openid-researcher-2', institutionKind: 'university', flags: [] },
  { openid: 'demo-openid-researcher-3', institutionKind: 'institute', flags: ['young-doctor'] },
  { openid: 'demo-openid-researcher-4', institutionKind: 'university', flags: [] },
] as const;

/**
 * A 科技副总 call at the matching stage: needs posted, researchers applied, matcher not yet run.
 * Demo organisations and researchers must exist (seedDemo makes them first).
 */
export async function seedDemoVicePresident(prisma: PrismaClient, now: Date): Promise<number> {
  const stamps = { createdAt: now, updatedAt: now };
  const exists = await prisma.vpCall.findFirst({ where: { title: DEMO_VP_CALL_TITLE } });
  if (exists) return 0;
  const admin = await prisma.user.findUnique({ where: { username: 'admin' } });
  if (!admin) return 0;
  return prisma.$transaction(async (tx) => {
    const call = await tx.vpCall.create({
      data: {
        number: await nextNumber(tx, 'vpCall', 2026),
        year: 2026,
        title: DEMO_VP_CALL_TITLE,
        status: 'matching',
        settingsVersion: 'vp-2026-01',
        needsDeadline: new Date('2026-11-20T00:00:00Z'),
        applicationsDeadline: new Date('2026-11-25T00:00:00Z'),
        referenceDate: new Date('2026-11-25T00:00:00Z'),
        createdBy: admin.id,
        ...stamps,
      },
    });
    for (const { creditCode, ...need } of DEMO_NEEDS) {
      const org = await tx.organisation.findUnique({ where: { creditCode } });
      if (!org) continue;
      await tx.vpNeed.create({
        data: {
          ...need,
          investorInstitutions:
            'investorInstitutions' in need ? [...need.investorInstitutions] : [],
          priorPartners: [],
          positions: 1,
          callId: call.id,
          organisationId: org.id,
          areaCode: org.areaCode,
          ...stamps,
        },
      });
    }
    for (const c of DEMO_CANDIDATES) {
      const researcher = await tx.researcher.findFirst({ where: { user: { openid: c.openid } } });
      if (!researcher) continue;
      await tx.vpCandidate.create({
        data: {
          callId: call.id,
          researcherId: researcher.id,
          institutionKind: c.institutionKind,
          employment: 'staff',
          priorityFlags: [...c.flags],
          achievements: `${researcher.expertise}方向主持省部级项目多项，授权发明专利若干。（演示数据）`,
          capacity: 1,
          relatedFirmCreditCodes: [],
          ...candidateSnapshot(researcher),
          ...stamps,
        },
      });
    }
    return 1;
  });
}
