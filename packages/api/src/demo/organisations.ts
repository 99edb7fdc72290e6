import type { Applicant } from './actors';
import type { Demo } from './calls';
import type { Script } from './clock';

/**
 * Two firms that joined the platform through the mini-program, as any firm does: the
 * administrator signs in with WeChat, registers the firm, uploads the licence for 机构认证, the
 * area officer approves, and the administrator registers the 收款账户. The selection stages need
 * them: only 埇桥区 and 砀山县 have an area officer in the demo, and the formal check's first step
 * is the area officer's, so every submission that goes past it comes from those two areas.
 * Names, codes and numbers are fictitious (credit codes with valid GB 32100 / GB 11714 checks).
 */

export const NEW_FIRMS = {
  /** the marker of the selection demo: seeded once, recognised by this openid */
  yongqiao: {
    openid: 'demo-openid-firm-6',
    profile: {
      type: 'firm',
      name: '宿州汴北新能源装备有限公司',
      creditCode: '91341302MA8W4H2CX9',
      areaCode: 'yongqiao',
      address: '宿州市埇桥区北部新城经七路16号',
      fieldCodes: ['low-carbon-energy', 'advanced-materials'],
      subFieldCodes: ['catalyst', 'electrochemical-storage', 'carbon-materials'],
      qualifications: ['tech-sme'],
      contactName: '韩立峰',
      contactPhone: '13855712036',
      intro: '燃料电池催化剂、储氢材料与园区储能系统的研发和制造。（演示数据）',
    },
    legalRep: '韩立峰',
    bank: {
      bankName: '中国银行',
      branchName: '宿州埇桥支行',
      accountNo: '178245678901',
    },
  },
  dangshan: {
    openid: 'demo-openid-firm-7',
    profile: {
      type: 'firm',
      name: '砀山绿源合成生物科技有限公司',
      creditCode: '91341321MA8X6K1B59',
      areaCode: 'dangshan',
      address: '砀山县经济开发区果都路66号',
      fieldCodes: ['life-health'],
      subFieldCodes: ['biosynthesis', 'metabolic-pathway', 'functional-food'],
      qualifications: [],
      contactName: '邵雅琴',
      contactPhone: '13855713047',
      intro: '以果蔬加工副产物为原料的合成生物制造与功能配料开发。（演示数据）',
    },
    legalRep: '邵雅琴',
    bank: {
      bankName: '安徽砀山农村商业银行股份有限公司',
      branchName: '开发区支行',
      accountNo: '20000345678901234',
    },
  },
} as const;

export type NewFirm = keyof typeof NEW_FIRMS;

/** The demo's organisations that act in the selection stages, by their administrators. */
export interface Firms {
  /** 宿州汴北新能源装备有限公司 (埇桥区): registered through the API */
  bianbei: Applicant;
  /** 砀山绿源合成生物科技有限公司 (砀山县): registered through the API */
  lvyuan: Applicant;
}

async function register(demo: Demo, which: NewFirm) {
  const firm = NEW_FIRMS[which];
  const admin = await demo.actors.signUp(firm.openid);
  await admin.api.profile.saveOrganisation({
    ...firm.profile,
    fieldCodes: [...firm.profile.fieldCodes],
    subFieldCodes: [...firm.profile.subFieldCodes],
    qualifications: [...firm.profile.qualifications],
  });
  demo.clock.later(12);
  const licence = await demo.actors.upload(
    admin,
    `${firm.profile.name}营业执照`,
    `business licence ${firm.profile.creditCode}`,
  );
  const submitted = await admin.api.myOrg.verification.submit({
    licenceKind: 'business-licence',
    licenceFileId: licence,
    legalRepName: firm.legalRep,
    actingRole: 'legal-representative',
  });
  if (!submitted.latest) throw new Error(`${firm.profile.name}: verification not submitted`);
  return { admin, verificationId: submitted.latest.id };
}

async function approve(demo: Demo, which: NewFirm, verificationId: string) {
  const officer = await demo.actors.areaOfficer(NEW_FIRMS[which].profile.areaCode);
  await officer.api.orgReview.verifications.decide({ id: verificationId, decision: 'approve' });
}

async function bankAccount(admin: Applicant, which: NewFirm) {
  const firm = NEW_FIRMS[which];
  await admin.api.myOrg.bankAccount.save({
    holder: firm.profile.name,
    ...firm.bank,
    accountNoConfirm: firm.bank.accountNo,
  });
}

/** Registers both firms on their dates; `firms` is filled in as they are. */
export function organisationSteps(demo: Demo, script: Script, firms: Partial<Firms>) {
  const verifications: Partial<Record<NewFirm, string>> = {};
  script.at(-262, '09:30', '汴北新能源注册并申请认证', async () => {
    const { admin, verificationId } = await register(demo, 'yongqiao');
    firms.bianbei = admin;
    verifications.yongqiao = verificationId;
  });
  script.at(-261, '10:15', '埇桥区审核通过汴北新能源的认证', () =>
    approve(demo, 'yongqiao', verifications.yongqiao ?? ''),
  );
  script.at(-261, '15:40', '汴北新能源登记收款账户', () =>
    bankAccount(firms.bianbei as Applicant, 'yongqiao'),
  );
  script.at(-78, '09:10', '绿源合成生物注册并申请认证', async () => {
    const { admin, verificationId } = await register(demo, 'dangshan');
    firms.lvyuan = admin;
    verifications.dangshan = verificationId;
  });
  script.at(-77, '14:30', '砀山县审核通过绿源合成生物的认证', () =>
    approve(demo, 'dangshan', verifications.dangshan ?? ''),
  );
  script.at(-77, '16:05', '绿源合成生物登记收款账户', () =>
    bankAccount(firms.lvyuan as Applicant, 'dangshan'),
  );
}
