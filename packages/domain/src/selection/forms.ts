import { z } from 'zod';
import { optionalCreditCodeSchema } from '../validate/credit-code';
import { plainString } from '../validate/safe-text';
import { FIELDS } from '../reference/fields';
import { choiceField, moneyField, textField } from '../policy/fields';
import type { EvidenceRequirement } from '../policy/types';
import { SCENARIO_DOMAINS } from '../policy/rules/4-1-scenario-case';
import type { SelectionProgramme } from './call';

/**
 * What an applicant fills in for each selection programme: the mini-program's form, the tRPC
 * input and the stored submission all parse with these. Money in fen, as everywhere.
 */
const fieldCode = choiceField('未来产业方向', FIELDS, '申报所属的未来产业方向');
const summary = (title: string, max = 2000) => textField(title, { min: 20, max });

const scenarioCaseForm = z.object(
  {
    caseName: textField('案例名称', { max: 100 }),
    applicationDomain: choiceField('应用领域', SCENARIO_DOMAINS, '方案四.1所列的应用领域'),
    fieldCode,
    site: textField('应用场所', { max: 100, description: '场景落地的地点或单位' }),
    summary: summary('场景内容与应用成效'),
  },
  { error: '请填写申报内容' },
);

const projectForm = z.object(
  {
    projectName: textField('项目名称', { max: 100 }),
    fieldCode,
    goals: summary('研究目标与考核指标'),
    cityFundsFen: moneyField('申请市级资金', { positive: true }),
    ownFundsFen: moneyField('单位自筹资金'),
    months: z
      .number({ error: '请填写实施期限（月）' })
      .int({ error: '实施期限应为整月' })
      .min(6, { error: '实施期限不少于6个月' })
      .max(36, { error: '实施期限不超过36个月' })
      .meta({ title: '实施期限（月）' }),
  },
  { error: '请填写申报内容' },
);

const talentTeamForm = z.object(
  {
    teamName: textField('团队名称', { max: 100 }),
    leaderName: textField('团队带头人', { max: 30 }),
    fieldCode,
    memberCount: z
      .number({ error: '请填写团队人数' })
      .int({ error: '团队人数应为整数' })
      .min(3, { error: '团队人数不少于3人' })
      .max(50, { error: '团队人数不超过50人' })
      .meta({ title: '团队人数' }),
    achievements: summary('团队主要成果'),
    plan: summary('在宿工作计划'),
  },
  { error: '请填写申报内容' },
);

/** The submission's name (申报名称): the mini-program form and the API's `save` input. */
export const submissionTitleSchema = plainString({ error: '请填写申报名称' })
  .trim()
  .min(1, { error: '请填写申报名称', abort: true })
  .min(2, '申报名称至少2个字')
  .max(100, '申报名称不能超过100个字')
  .meta({ title: '申报名称', description: '一般与案例、项目或团队的名称一致' });

export const SUBMISSION_FORMS = {
  'scenario-case': scenarioCaseForm,
  'key-project': projectForm,
  'disruptive-tech': projectForm,
  'talent-team': talentTeamForm,
} as const satisfies Record<SelectionProgramme, z.ZodType>;

export type SubmissionForm<P extends SelectionProgramme> = z.output<(typeof SUBMISSION_FORMS)[P]>;

const COMMITMENT: EvidenceRequirement = {
  kind: 'credit-commitment',
  name: '信用承诺书',
  required: true,
};

/** The attachments each programme asks for; the formal check goes through this list. */
export const SUBMISSION_EVIDENCE: Record<SelectionProgramme, readonly EvidenceRequirement[]> = {
  'scenario-case': [
    { kind: 'case-summary', name: '场景案例申报书', required: true },
    { kind: 'site-proof', name: '场景落地证明（合同、验收或用户证明）', required: true },
    COMMITMENT,
  ],
  'key-project': [
    { kind: 'project-proposal', name: '项目申报书', required: true },
    { kind: 'cooperation-agreement', name: '产学研合作协议', required: true },
    { kind: 'funding-commitment', name: '自筹资金承诺', required: true },
    COMMITMENT,
  ],
  'disruptive-tech': [
    { kind: 'project-proposal', name: '项目申报书', required: true },
    { kind: 'cooperation-agreement', name: '合作协议', required: false },
    { kind: 'funding-commitment', name: '自筹资金承诺', required: true },
    COMMITMENT,
  ],
  'talent-team': [
    { kind: 'team-proposal', name: '团队申报书', required: true },
    { kind: 'team-agreement', name: '团队与依托单位合作（引进）协议', required: true },
    COMMITMENT,
  ],
};

/**
 * A team member of a submission: a unit (a firm, university or institute) and, optionally, the
 * person who leads its part. Each member confirms its part before the submission counts.
 */
export const teamMemberSchema = z.object({
  unitName: textField('成员单位', { max: 100 }),
  unitCreditCode: optionalCreditCodeSchema.meta({ title: '成员单位统一社会信用代码' }),
  personName: textField('负责人', { max: 30 }).optional(),
  part: textField('承担任务', { max: 200 }),
});
export type TeamMember = z.output<typeof teamMemberSchema>;

export const teamSchema = z
  .array(teamMemberSchema, { error: '请填写团队成员单位' })
  .max(10, { error: '成员单位不超过10家' });

/** 四.2: key projects are joint work of a firm with a university or institute. */
export function checkTeam(programme: SelectionProgramme, team: readonly TeamMember[]): string[] {
  const problems: string[] = [];
  if ((programme === 'key-project' || programme === 'talent-team') && team.length === 0)
    problems.push('本类申报须有合作成员单位（企业与高校、科研院所联合申报）');
  const names = team.map((m) => m.unitName);
  if (new Set(names).size !== names.length) problems.push('成员单位不能重复');
  return problems;
}

/** What the formal check finds missing: required attachments not uploaded, members unconfirmed. */
export function formalGaps(
  programme: SelectionProgramme,
  evidenceKinds: readonly string[],
  members: readonly { unitName: string; confirmed: boolean }[],
): string[] {
  const missing = SUBMISSION_EVIDENCE[programme]
    .filter((e) => e.required && !evidenceKinds.includes(e.kind))
    .map((e) => `缺少${e.name}`);
  const unconfirmed = members.filter((m) => !m.confirmed).map((m) => `${m.unitName}尚未确认`);
  return [...missing, ...unconfirmed];
}
