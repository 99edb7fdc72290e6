import type { OrganisationProfileInput, ResearcherProfileInput } from '@kc/domain';
import { creditCodeCheckChar, residentIdCheckChar } from '@kc/domain';

/** A valid credit code registered in 埇桥区 (341302), distinct per serial. */
export function creditCode(serial: number): string {
  const first17 = `91341302MA${String(serial).padStart(6, '0')}0`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

export function residentId(birth = '19800615', seq = '123'): string {
  const first17 = `341302${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

export function firmInput(
  overrides: Partial<OrganisationProfileInput> = {},
): OrganisationProfileInput {
  return {
    type: 'firm',
    name: '宿州云启智能科技有限公司',
    creditCode: creditCode(901),
    areaCode: 'yongqiao',
    fieldCodes: ['general-intelligence'],
    subFieldCodes: ['ai-manufacturing'],
    qualifications: ['tech-sme'],
    contactName: '陈晓东',
    contactPhone: '13955710001',
    ...overrides,
  };
}

export function researcherInput(
  overrides: Partial<ResearcherProfileInput> = {},
): ResearcherProfileInput {
  return {
    name: '周文博',
    residentId: residentId(),
    mobile: '13855720002',
    institutionName: '宿州学院',
    title: 'associate-professor',
    fieldCodes: ['advanced-materials'],
    subFieldCodes: ['carbon-fibre-composites'],
    expertise: '碳纤维复合材料界面改性与成型工艺',
    preferredAreaCodes: ['sz-hitech'],
    ...overrides,
  };
}
