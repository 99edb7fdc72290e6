import type { PrismaClient } from './generated/prisma/client';

/**
 * The demo expert pool (专家库, issue 14): seven approved experts in each of three fields, enough
 * for a panel of five with two reserves, one expert waiting for review and one suspended. Names,
 * units and numbers are fictitious. Recognised by openid, so seeding twice adds nothing.
 */
const UNITS = [
  { name: '宿州创新理工学院', creditCode: '12341300MB1957066X' },
  { name: '皖北应用技术研究院', creditCode: null },
  { name: '江淮未来产业研究院', creditCode: null },
  { name: '淮海新材料研究所', creditCode: null },
  { name: '合肥前沿科学中心', creditCode: null },
  { name: '徐淮能源装备研究院', creditCode: null },
  { name: '皖东生物制造研究院', creditCode: null },
];

const FIELDS = [
  { code: 'low-carbon-energy', subFields: ['membrane-electrode'], topic: '燃料电池与氢能装备' },
  {
    code: 'advanced-materials',
    subFields: ['anti-corrosion-coating'],
    topic: '先进结构与功能材料',
  },
  { code: 'life-health', subFields: ['gene-editing'], topic: '生物制造与功能食品' },
];

const SURNAMES = '陈林黄周吴徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建国', '海燕', '志强', '晓明', '丽华', '文杰', '春生'];
const TITLES = ['professor', 'researcher', 'senior-engineer-professor', 'associate-professor'];

interface DemoExpert {
  openid: string;
  name: string;
  mobile: string;
  title: string;
  unitName: string;
  unitCreditCode: string | null;
  fieldCodes: string[];
  subFieldCodes: string[];
  expertise: string;
  status: 'active' | 'pending' | 'suspended';
  statusReason: string | null;
}

export const DEMO_EXPERTS: readonly DemoExpert[] = [
  ...FIELDS.flatMap((field, f) =>
    GIVEN.map((given, i): DemoExpert => {
      const n = f * GIVEN.length + i;
      const unit = UNITS[(i + f) % UNITS.length] as (typeof UNITS)[number];
      return {
        openid: `demo-openid-expert-${n + 1}`,
        name: `${SURNAMES[n % SURNAMES.length]}${given}`,
        mobile: `1395557${String(2000 + n).padStart(4, '0')}`,
        title: TITLES[n % TITLES.length] as string,
        unitName: unit.name,
        unitCreditCode: unit.creditCode,
        fieldCodes: [field.code],
        subFieldCodes: field.subFields,
        expertise: `${field.topic}研究与工程化`,
        status: 'active',
        statusReason: null,
      };
    }),
  ),
  {
    openid: 'demo-openid-expert-pending',
    name: '曹新宇',
    mobile: '13955573001',
    title: 'associate-researcher',
    unitName: '皖北应用技术研究院',
    unitCreditCode: null,
    fieldCodes: ['general-intelligence'],
    subFieldCodes: ['computing-power'],
    expertise: '智能算力调度与边缘计算',
    status: 'pending',
    statusReason: null,
  },
  {
    openid: 'demo-openid-expert-suspended',
    name: '邓立群',
    mobile: '13955573002',
    title: 'senior-engineer',
    unitName: '江淮未来产业研究院',
    unitCreditCode: null,
    fieldCodes: ['aerospace-information'],
    subFieldCodes: ['low-altitude-economy'],
    expertise: '低空飞行器适航与运行管理',
    status: 'suspended',
    statusReason: '连续两次无故缺席评审会议',
  },
];

export async function seedDemoExperts(prisma: PrismaClient, now: Date): Promise<number> {
  const stamps = { createdAt: now, updatedAt: now };
  let created = 0;
  for (const { openid, ...expert } of DEMO_EXPERTS) {
    const exists = await prisma.user.findUnique({ where: { openid }, select: { id: true } });
    if (exists) continue;
    await prisma.expert.create({
      data: {
        ...expert,
        conflicts: [],
        ...(expert.status === 'pending' ? {} : { decidedAt: now }),
        ...stamps,
        user: { create: { kind: 'APPLICANT', openid, displayName: expert.name, ...stamps } },
      },
    });
    created++;
  }
  return created;
}
