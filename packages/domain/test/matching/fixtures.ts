/**
 * 科技副总 test data: 氢能 firms in 埇桥区 looking for 质子交换膜/膜电极 expertise, and researchers
 * from universities around the province. Modules are imported one by one (not through
 * `src/matching/index.ts`) so these tests do not depend on the solver.
 */
import type { CandidateFacts, NeedFacts } from '../../src/matching/facts';
import type { VicePresidentSettings } from '../../src/matching/settings';
import { VP_SETTINGS_VERSIONS } from '../../src/matching/settings';
import { creditCodeCheckChar } from '../../src/validate/credit-code';

export const SETTINGS: VicePresidentSettings = VP_SETTINGS_VERSIONS[0]!;

/** A valid 统一社会信用代码 of a firm registered in 埇桥区 (341302), distinct per serial. */
export function firmCreditCode(serial: number): string {
  const first17 = `91341302MA${String(serial).padStart(6, '0')}0`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

/** A valid credit code of a public institution (事业单位, 12…) in 合肥 (340100). */
export function institutionCreditCode(serial: number): string {
  const first17 = `12340100${String(serial).padStart(8, '0')}0`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

export const USTC_CODE = institutionCreditCode(1);
export const HFUT_CODE = institutionCreditCode(2);

/** 宿州氢动力科技 wants someone for its PEM fuel-cell stack. */
export function need(overrides: Partial<NeedFacts> = {}): NeedFacts {
  return {
    id: 'need-h2-mea',
    organisationId: 'org-qingdongli',
    organisationName: '宿州氢动力科技有限公司',
    creditCode: firmCreditCode(101),
    areaCode: 'yongqiao',
    fieldCode: 'low-carbon-energy',
    subFieldCode: 'proton-exchange-membrane',
    title: '膜电极国产化',
    problem:
      '燃料电池电堆的膜电极依赖进口，功率密度和寿命不足，需要攻关质子交换膜与催化层的制备工艺。',
    expertiseWanted: '质子交换膜、膜电极制备',
    positions: 1,
    investorInstitutions: [],
    priorPartners: [],
    ...overrides,
  };
}

/** 王建华, 合肥工业大学 professor working on PEM membranes and MEAs. */
export function candidate(overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    id: 'cand-wang',
    researcherId: 'res-wang',
    name: '王建华',
    institutionName: '合肥工业大学',
    institutionCreditCode: HFUT_CODE,
    fieldCodes: ['low-carbon-energy'],
    subFieldCodes: ['proton-exchange-membrane', 'membrane-electrode'],
    expertise: '质子交换膜材料，膜电极制备工艺，PEM燃料电池',
    achievements: '主持国家重点研发计划氢能专项课题，授权发明专利12项。',
    preferredAreaCodes: ['yongqiao'],
    priorityFlags: [],
    relatedFirmCreditCodes: [],
    capacity: 1,
    ...overrides,
  };
}
