import { codesOf, nameLookup } from '../reference/lookup';

/** Where a candidate works: the programme is for university and institute staff. */
export const INSTITUTION_KINDS = [
  { code: 'university', name: '高校' },
  { code: 'institute', name: '科研院所' },
  { code: 'other', name: '其他单位' },
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number]['code'];
export const INSTITUTION_KIND_CODES = codesOf(INSTITUTION_KINDS);
export const institutionKindName = nameLookup(INSTITUTION_KINDS);

export const EMPLOYMENT_KINDS = [
  { code: 'staff', name: '在编人员' },
  { code: 'contract', name: '合同聘用' },
] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number]['code'];
export const EMPLOYMENT_KIND_CODES = codesOf(EMPLOYMENT_KINDS);
export const employmentKindName = nameLookup(EMPLOYMENT_KINDS);

/** Priority groups the provincial rules name. `national-talent` also raises the age limit. */
export const PRIORITY_FLAGS = [
  { code: 'national-talent', name: '国家级人才' },
  { code: 'provincial-talent', name: '省级人才' },
  { code: 'young-doctor', name: '青年博士' },
  { code: 'industry-experience', name: '有企业工作经历' },
] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number]['code'];
export const PRIORITY_FLAG_CODES = codesOf(PRIORITY_FLAGS);
export const priorityFlagName = nameLookup(PRIORITY_FLAGS);

/** Results a secondment reports. */
export const VP_RESULT_KINDS = [
  { code: 'joint-project', name: '联合攻关项目', hasAmount: true },
  { code: 'patent', name: '专利', hasAmount: false },
  { code: 'platform', name: '共建研发平台', hasAmount: false },
  { code: 'talent-training', name: '培养人才', hasAmount: false },
  { code: 'tech-transfer', name: '技术转移转化', hasAmount: true },
] as const;
export type VpResultKind = (typeof VP_RESULT_KINDS)[number]['code'];
export const VP_RESULT_KIND_CODES = codesOf(VP_RESULT_KINDS);
export const vpResultKindName = nameLookup(VP_RESULT_KINDS);

/** Annual evaluation grades; 不合格 ends the secondment. */
export const VP_GRADES = [
  { code: 'excellent', name: '优秀' },
  { code: 'qualified', name: '合格' },
  { code: 'unqualified', name: '不合格' },
] as const;
export type VpGrade = (typeof VP_GRADES)[number]['code'];
export const VP_GRADE_CODES = codesOf(VP_GRADES);
export const vpGradeName = nameLookup(VP_GRADES);
