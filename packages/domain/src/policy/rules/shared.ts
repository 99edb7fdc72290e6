import type { OrganisationType } from '../../reference/organisation-types';
import type { EvidenceRequirement } from '../types';

/** The plan's section headings (四.(一)–(六)), used to group rules in lists. */
export const PROGRAMMES = {
  coreTech: '（一）加强未来产业关键核心技术攻关',
  platforms: '（二）打造未来产业创新培育平台',
  talent: '（三）引育未来产业科技创新人才',
  transfer: '（四）推进未来产业科技成果转化',
  firms: '（五）壮大未来产业科技企业队伍',
  ecosystem: '（六）优化未来产业创新发展生态',
} as const;

/** Universities, institutes and firms: the hosts the plan names for platforms and talent (四.3, 四.5). */
export const HOST_ORGANISATIONS: readonly OrganisationType[] = ['firm', 'university', 'institute'];

/** Every award application carries the applicant's signed credit commitment (信用承诺书). */
export const CREDIT_COMMITMENT: EvidenceRequirement = {
  kind: 'credit-commitment',
  name: '申报单位信用承诺书',
  required: true,
  note: '加盖单位公章，承诺所报材料真实、未重复申报',
};

export const BANK_ACCOUNT: EvidenceRequirement = {
  kind: 'bank-account',
  name: '收款账户信息',
  required: true,
  note: '单位申请的提供基本存款账户信息，资金只拨付至对公账户；团队申请的提供负责人本人银行账户',
};
