/**
 * Demo data (演示数据): officer accounts from docs/CONTRACTS.md, organisations in every area,
 * field and type, researchers. All names, numbers and addresses are fictitious but well-formed:
 * credit codes carry correct GB 32100 / GB 11714 check characters, resident ID numbers correct
 * GB 11643 check digits, mobile numbers are 1[3-9]xxxxxxxxx.
 *
 * `seedDemo` is idempotent: it only creates what is missing (keyed by username, openid and
 * credit code) and never updates, so a second run changes nothing — not even password hashes.
 */
import { hashPassword } from './password';
import { seedDemoVicePresident } from './seed-vp';
import { seedDemoExperts } from './seed-experts';
import type { ScryptParams } from './password';
import { maskResidentId } from '@kc/domain';
import { hashResidentId } from './pii';
import type { OfficerRole, OrganisationType, PrismaClient } from './generated/prisma/client';

/** ¥ → fen, for the figures below. */
const wan = (tenThousandYuan: number) => BigInt(tenThousandYuan) * 10_000n * 100n;

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoOfficer {
  username: string;
  displayName: string;
  role: OfficerRole;
  areaCode: string | null;
}

export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  { username: 'admin', displayName: '系统管理员', role: 'BUREAU_ADMIN', areaCode: null },
  // The second bureau administrator: adopting a policy version takes two (issue 15, four eyes).
  { username: 'leader', displayName: '分管副局长', role: 'BUREAU_ADMIN', areaCode: null },
  { username: 'reviewer', displayName: '局审核员', role: 'BUREAU_REVIEWER', areaCode: null },
  { username: 'yongqiao', displayName: '埇桥区管理员', role: 'AREA_OFFICER', areaCode: 'yongqiao' },
  { username: 'dangshan', displayName: '砀山县管理员', role: 'AREA_OFFICER', areaCode: 'dangshan' },
  { username: 'finance', displayName: '财务人员', role: 'FINANCE_OFFICER', areaCode: null },
];

export interface DemoOrganisation {
  /** openid of the applicant who administers it (管理员) */
  adminOpenid: string;
  type: OrganisationType;
  name: string;
  creditCode: string;
  areaCode: string;
  address: string;
  fieldCodes: string[];
  subFieldCodes: string[];
  qualifications: string[];
  contactName: string;
  contactPhone: string;
  intro: string;
  /** Fictitious 收款账户 (开户名称 = the organisation's name). */
  bankName: string;
  branchName: string;
  bankAccountNo: string;
}

/**
 * Credit codes: 9 1 = 市场监管 / 企业, 1 2 = 机构编制 / 事业单位, 5 2 = 民政 / 民办非企业单位;
 * division code 3413xx (宿州市 341300 for the city-run parks, which have no code of their own).
 */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    adminOpenid: 'demo-openid-firm-1',
    type: 'FIRM',
    name: '安徽宿氢新能源科技有限公司',
    creditCode: '91341300MA2N8H4QXE',
    areaCode: 'sz-etdz',
    address: '宿州经济技术开发区金江三路18号',
    fieldCodes: ['low-carbon-energy'],
    subFieldCodes: ['hydrogen-circulation-pump', 'hydrogen-control-system'],
    qualifications: ['high-tech-enterprise', 'specialised-sme'],
    contactName: '赵立新',
    contactPhone: '13905571101',
    intro: '氢燃料电池系统关键部件（氢气循环泵、氢能控制系统）的研发与生产。（演示数据）',
    bankName: '中国工商银行',
    branchName: '宿州经济开发区支行',
    bankAccountNo: '1317000109200123456',
  },
  {
    adminOpenid: 'demo-openid-firm-2',
    type: 'FIRM',
    name: '宿州云智数据科技有限公司',
    creditCode: '91341302MA2P3K7D51',
    areaCode: 'yongqiao',
    address: '宿州市埇桥区汴河中路66号',
    fieldCodes: ['general-intelligence'],
    subFieldCodes: ['computing-power', 'ai-city'],
    qualifications: ['tech-sme', 'innovative-sme'],
    contactName: '孙浩',
    contactPhone: '13855771202',
    intro: '城市级算力调度平台与智慧城市数据治理。（演示数据）',
    bankName: '中国建设银行',
    branchName: '宿州埇桥支行',
    bankAccountNo: '34050176080800001234',
  },
  {
    adminOpenid: 'demo-openid-firm-3',
    type: 'FIRM',
    name: '砀山梨康生物科技有限公司',
    creditCode: '91341321MA2MXC5135',
    areaCode: 'dangshan',
    address: '砀山县经济开发区梨都大道9号',
    fieldCodes: ['life-health'],
    subFieldCodes: ['functional-food', 'tcm'],
    qualifications: ['tech-sme'],
    contactName: '刘芳',
    contactPhone: '15955791303',
    intro: '砀山酥梨功能食品与梨膏类中药制剂开发。（演示数据）',
    bankName: '中国农业银行',
    branchName: '砀山县支行',
    bankAccountNo: '12120101040012345',
  },
  {
    adminOpenid: 'demo-openid-firm-4',
    type: 'FIRM',
    name: '萧县新材陶瓷科技有限公司',
    creditCode: '91341322MA2RB6T81F',
    areaCode: 'xiaoxian',
    address: '萧县经济开发区龙城路27号',
    fieldCodes: ['advanced-materials'],
    subFieldCodes: ['anti-corrosion-coating', 'structure-function'],
    qualifications: ['high-tech-enterprise'],
    contactName: '周强',
    contactPhone: '18956781404',
    intro: '工业陶瓷防腐涂层与结构功能一体化陶瓷部件。（演示数据）',
    bankName: '中国银行',
    branchName: '萧县支行',
    bankAccountNo: '182731234567',
  },
  {
    adminOpenid: 'demo-openid-institute-1',
    type: 'INSTITUTE',
    name: '皖北北斗时空信息研究院',
    creditCode: '52341323MJB042170H',
    areaCode: 'lingbi',
    address: '灵璧县经济开发区钟灵大道100号',
    fieldCodes: ['aerospace-information', 'general-intelligence'],
    subFieldCodes: ['low-altitude-economy', 'autonomous-planning', 'ai-agriculture'],
    qualifications: [],
    contactName: '吴敏',
    contactPhone: '17756571505',
    intro: '北斗时空数据、低空航路规划与智慧农业遥感应用研究。（演示数据）',
    bankName: '安徽灵璧农村商业银行股份有限公司',
    branchName: '营业部',
    bankAccountNo: '20000123456789012',
  },
  {
    adminOpenid: 'demo-openid-incubator-1',
    type: 'INCUBATOR',
    name: '泗县众创科技企业孵化器有限公司',
    creditCode: '91341324MA2T0L936Q',
    areaCode: 'sixian',
    address: '泗县经济开发区运河路8号',
    fieldCodes: ['general-intelligence', 'life-health'],
    subFieldCodes: ['ai-manufacturing', 'feed-additives'],
    qualifications: [],
    contactName: '郑磊',
    contactPhone: '13655571606',
    intro: '面向智能制造与农牧食品企业的孵化载体，在孵企业32家。（演示数据）',
    bankName: '徽商银行',
    branchName: '宿州泗县支行',
    bankAccountNo: '520123456789000012',
  },
  {
    adminOpenid: 'demo-openid-university-1',
    type: 'UNIVERSITY',
    name: '宿州创新理工学院',
    creditCode: '12341300MB1957066X',
    areaCode: 'sz-hitech',
    address: '宿州高新技术产业开发区学苑路1号',
    fieldCodes: ['advanced-materials', 'life-health', 'low-carbon-energy'],
    subFieldCodes: ['carbon-fibre-composites', 'crop-breeding', 'electrochemical-storage'],
    qualifications: [],
    contactName: '钱文博',
    contactPhone: '15305571707',
    intro: '应用型本科高校，设材料、农学、新能源等学院。（演示数据，虚构单位）',
    bankName: '中国工商银行',
    branchName: '宿州分行营业部',
    bankAccountNo: '1317000109024567890',
  },
  {
    adminOpenid: 'demo-openid-firm-5',
    type: 'FIRM',
    name: '安徽宿马航天遥感科技有限公司',
    creditCode: '91341300MA8U2E6W8T',
    areaCode: 'sz-maanshan',
    address: '宿州马鞍山现代产业园区宁马路88号',
    fieldCodes: ['aerospace-information'],
    subFieldCodes: ['drones', 'evtol'],
    qualifications: ['specialised-sme', 'tech-sme'],
    contactName: '冯晓东',
    contactPhone: '19955771808',
    intro: '工业级无人机与电动垂直起降航空器整机研发。（演示数据）',
    bankName: '交通银行',
    branchName: '宿州分行',
    bankAccountNo: '346899991010003456789',
  },
];

export interface DemoResearcher {
  openid: string;
  name: string;
  /** Fictitious, but with a valid check digit; only its HMAC and masked form are stored. */
  residentId: string;
  birthDate: string;
  sex: 'male' | 'female';
  mobile: string;
  institutionName: string;
  institutionCreditCode: string | null;
  title: string;
  fieldCodes: string[];
  subFieldCodes: string[];
  expertise: string;
  preferredAreaCodes: string[];
}

export const DEMO_RESEARCHERS: readonly DemoResearcher[] = [
  {
    openid: 'demo-openid-researcher-1',
    name: '张明远',
    residentId: '341302197804120316',
    birthDate: '1978-04-12',
    sex: 'male',
    mobile: '13965571901',
    institutionName: '宿州创新理工学院',
    institutionCreditCode: '12341300MB1957066X',
    title: 'professor',
    fieldCodes: ['advanced-materials'],
    subFieldCodes: ['carbon-fibre-composites', 'lightweight-aerospace'],
    expertise: '碳纤维复合材料成型工艺与轻量化结构设计',
    preferredAreaCodes: ['sz-hitech', 'xiaoxian'],
  },
  {
    openid: 'demo-openid-researcher-2',
    name: '李婉清',
    residentId: '341321198509230428',
    birthDate: '1985-09-23',
    sex: 'female',
    mobile: '18155572902',
    institutionName: '宿州创新理工学院',
    institutionCreditCode: '12341300MB1957066X',
    title: 'associate-professor',
    fieldCodes: ['life-health'],
    subFieldCodes: ['crop-breeding', 'functional-food'],
    expertise: '砀山酥梨品种改良与功能食品深加工',
    preferredAreaCodes: ['dangshan', 'yongqiao'],
  },
  {
    openid: 'demo-openid-researcher-3',
    name: '王建华',
    residentId: '34010419900117015X',
    birthDate: '1990-01-17',
    sex: 'male',
    mobile: '13505573903',
    institutionName: '皖北北斗时空信息研究院',
    institutionCreditCode: '52341323MJB042170H',
    title: 'senior-engineer',
    fieldCodes: ['aerospace-information'],
    subFieldCodes: ['drones', 'flight-control'],
    expertise: '无人机集群智能飞控与低空物流航线规划',
    preferredAreaCodes: ['sz-maanshan', 'lingbi'],
  },
  {
    openid: 'demo-openid-researcher-4',
    name: '陈思雨',
    residentId: '341322198206300288',
    birthDate: '1982-06-30',
    sex: 'female',
    mobile: '15055574904',
    institutionName: '宿州创新理工学院',
    institutionCreditCode: '12341300MB1957066X',
    title: 'researcher',
    fieldCodes: ['low-carbon-energy'],
    subFieldCodes: ['membrane-electrode', 'catalyst'],
    expertise: '燃料电池膜电极与低铂催化剂',
    preferredAreaCodes: ['sz-etdz', 'sixian'],
  },
];

/**
 * Yearly budgets (年度预算) per money rule (the rule ids suggested in the policy RULES.md; the
 * policy registry must use the same ids), sized to the plan's amounts
 * and targets. Illustrative figures for the demo, not the bureau's.
 */
export const DEMO_BUDGET_YEAR = 2026;
export const DEMO_BUDGETS: readonly { ruleId: string; budgetFen: bigint; note: string }[] = [
  { ruleId: 'scenario-case', budgetFen: wan(200), note: '10 × 20万元 (quota 10 a year)' },
  {
    ruleId: 'key-project',
    budgetFen: wan(1000),
    note: 'project tranches: two projects at the 500万 cap',
  },
  { ruleId: 'rd-platform', budgetFen: wan(400), note: '1 national 200万 + 5 provincial 40万' },
  { ruleId: 'talent-team', budgetFen: wan(600), note: 'A 300万 + B 200万 + C 100万' },
  { ruleId: 'academician-workstation-provincial', budgetFen: wan(100), note: '2 × 50万元' },
  { ruleId: 'academician-centre-city', budgetFen: wan(100), note: '2 × 50万元' },
  { ruleId: 'academician-workstation-city', budgetFen: wan(100), note: '5 × 20万元' },
  { ruleId: 'tech-transfer', budgetFen: wan(300), note: '6 results at the 50万 cap' },
  { ruleId: 'incubator', budgetFen: wan(100), note: 'national 50万 + provincial 25万 + city 15万' },
  { ruleId: 'high-tech-enterprise', budgetFen: wan(400), note: '10 first × 20万 + 20 re × 10万' },
  {
    ruleId: 'innovation-contest',
    budgetFen: wan(30),
    note: 'prizes 5万 / 3万 / 1万, several groups',
  },
];

export interface SeedOptions {
  /** The time every seeded row is stamped with: the caller's clock (the server's, a test's). */
  now: Date;
  /** HMAC key for resident ID hashes (default: PII_HASH_KEY, or the development key). */
  piiHashKey?: string;
  /** scrypt parameters for new officer passwords (default: production strength). */
  passwordParams?: ScryptParams;
}

export interface SeedResult {
  created: {
    officers: number;
    organisations: number;
    researchers: number;
    /** ProgrammeBudget rows */
    budgets: number;
    /** the demo 科技副总 call (0 or 1) */
    vpCalls: number;
    /** the demo expert pool's experts */
    experts: number;
  };
}

export async function seedDemo(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const stamps = { createdAt: options.now, updatedAt: options.now };
  const created = {
    officers: 0,
    organisations: 0,
    researchers: 0,
    budgets: 0,
    vpCalls: 0,
    experts: 0,
  };

  const existingOfficers = new Set(
    (
      await prisma.user.findMany({
        where: { username: { in: DEMO_OFFICERS.map((o) => o.username) } },
        select: { username: true },
      })
    ).map((u) => u.username),
  );
  const missingOfficers = DEMO_OFFICERS.filter((o) => !existingOfficers.has(o.username));
  const hashes = await Promise.all(
    missingOfficers.map(() => hashPassword(DEMO_PASSWORD, options.passwordParams)),
  );
  for (const [i, officer] of missingOfficers.entries()) {
    await prisma.user.create({
      data: { kind: 'OFFICER', ...officer, passwordHash: hashes[i] ?? null, ...stamps },
    });
    created.officers++;
  }

  for (const demo of DEMO_ORGANISATIONS) {
    const exists = await prisma.organisation.findUnique({
      where: { creditCode: demo.creditCode },
      select: { id: true },
    });
    if (exists) continue;
    await seedOrganisation(prisma, demo, options.now);
    created.organisations++;
  }

  for (const { openid, residentId, birthDate, ...person } of DEMO_RESEARCHERS) {
    const user = await prisma.user.findUnique({
      where: { openid },
      select: { id: true, researcher: { select: { id: true } } },
    });
    if (user?.researcher) continue;
    // Their institution is a verified organisation of the demo: the link stands confirmed.
    const institution = person.institutionCreditCode
      ? await prisma.organisation.findUnique({
          where: { creditCode: person.institutionCreditCode },
          select: { id: true },
        })
      : null;
    await prisma.researcher.create({
      data: {
        ...person,
        residentIdHash: hashResidentId(residentId, options.piiHashKey),
        residentIdMasked: maskResidentId(residentId),
        birthDate: new Date(`${birthDate}T00:00:00Z`),
        ...(institution
          ? {
              institutionOrg: { connect: { id: institution.id } },
              institutionLinkStatus: 'confirmed',
              institutionLinkDecidedAt: options.now,
            }
          : {}),
        ...stamps,
        user: user
          ? { connect: { id: user.id } }
          : { create: { kind: 'APPLICANT', openid, displayName: person.name, ...stamps } },
      },
    });
    created.researchers++;
  }

  // Budgets: create the missing (rule, year) rows; an existing budget is never changed.
  const { count } = await prisma.programmeBudget.createMany({
    data: DEMO_BUDGETS.map(({ ruleId, budgetFen }) => ({
      ruleId,
      year: DEMO_BUDGET_YEAR,
      budgetFen,
      ...stamps,
    })),
    skipDuplicates: true,
  });
  created.budgets = count;
  created.vpCalls = await seedDemoVicePresident(prisma, options.now);
  created.experts = await seedDemoExperts(prisma, options.now);

  return { created };
}

/**
 * One demo organisation as the bureau entered it: verified, its administrator a WeChat user of the
 * demo, its 收款账户 registered (开户名称 = its name).
 */
async function seedOrganisation(prisma: PrismaClient, demo: DemoOrganisation, now: Date) {
  const { adminOpenid, bankName, branchName, bankAccountNo, ...org } = demo;
  const stamps = { createdAt: now, updatedAt: now };
  await prisma.$transaction(async (tx) => {
    const admin =
      (await tx.user.findUnique({ where: { openid: adminOpenid }, select: { id: true } })) ??
      (await tx.user.create({
        data: { kind: 'APPLICANT', openid: adminOpenid, displayName: org.contactName, ...stamps },
        select: { id: true },
      }));
    const created = await tx.organisation.create({
      data: {
        ...org,
        verificationStatus: 'verified',
        verifiedAt: now,
        legalRepresentative: org.contactName,
        ...stamps,
      },
    });
    await tx.organisationMember.create({
      data: {
        organisationId: created.id,
        userId: admin.id,
        role: 'admin',
        origin: 'registered',
        joinedAt: now,
        ...stamps,
      },
    });
    await tx.organisationBankAccount.create({
      data: {
        organisationId: created.id,
        holder: org.name,
        bankName,
        branchName,
        accountNo: bankAccountNo,
        createdBy: admin.id,
        createdAt: now,
      },
    });
  });
}
