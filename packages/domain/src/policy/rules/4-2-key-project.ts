import { z } from 'zod';
import { yuan } from '../../money';
import { TRANCHE_CONDITIONS, trancheConditionName } from '../../selection/project';
import { defineRule } from '../define';
import { choiceField, dateField, moneyField, textField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, PROGRAMMES } from './shared';

export const keyProjectTrancheInput = z.object(
  {
    projectNumber: textField('项目编号', { max: 30 }),
    projectTitle: textField('项目名称', { max: 100 }),
    contractSignedOn: dateField('任务书签订日期'),
    trancheNo: z
      .number({ error: '请填写拨付期次' })
      .int('拨付期次应为整数')
      .min(1, '拨付期次应为1至4')
      .max(4, '拨付期次应为1至4')
      .meta({ title: '拨付期次' }),
    condition: choiceField('拨付条件', TRANCHE_CONDITIONS),
    conditionMetOn: dateField('拨付条件达成日期', '任务书签订之日，或中期检查、验收通过之日'),
    trancheAmount: moneyField('任务书约定的本期拨付额', { positive: true }),
  },
  { error: '请填写拨付信息' },
);

/**
 * 四.2 每年组织实施一批重点科技攻关项目 (揭榜挂帅, 颠覆性技术创新专项): the plan names no
 * amount; a project's city funds are what its 任务书 fixes (selection/project.ts), released in
 * tranches as the contract's conditions are met. Each tranche is one award application, raised by
 * the project (never by an applicant), so it goes through the bureau's approval against this
 * programme's budget, the notice and the four-eyes disbursement like every other award. The cap
 * bounds a project's tranches together (the item is the project); ¥5,000,000 is our default, as
 * the plan is silent.
 */
export const keyProject = defineRule({
  id: 'key-project',
  clause: '四.2',
  name: '市级重点科技攻关项目资金',
  programme: PROGRAMMES.coreTech,
  inputSchema: keyProjectTrancheInput,
  raisedBy: 'project',
  formula: {
    kind: 'percentage-capped',
    base: 'trancheAmount',
    baseLabel: '任务书约定的本期拨付额',
    rate: 10_000,
    capPerItem: yuan(5_000_000),
    itemKey: 'projectNumber',
    itemNoun: '每个项目',
  },
  applicants: {
    organisationTypes: ['firm', 'university', 'institute'],
    organisationInsideCity: true,
  },
  guide: {
    whoMayApply: '市级重点科技攻关项目（揭榜挂帅、颠覆性技术创新专项）的承担单位',
    conditions: [
      '项目经申报、专家评审、立项公示后签订项目任务书',
      '市级资金按任务书约定分期拨付：任务书签订后拨付首期，其余在中期检查、验收通过后拨付',
      '拨付申请由平台按任务书自动生成，承担单位无需另行申请',
    ],
    evidence: [BANK_ACCOUNT],
    timeLimitFrom: '拨付条件达成之日',
  },
  eventDates: (input) => [
    {
      label: `拨付条件（${trancheConditionName(input.condition)}）达成日期`,
      date: input.conditionMetOn,
    },
  ],
  explain: (input) => [
    `项目 ${input.projectNumber}《${input.projectTitle}》任务书（${input.contractSignedOn} 签订）第${input.trancheNo}期：${trancheConditionName(input.condition)}拨付，条件于 ${input.conditionMetOn} 达成`,
  ],
  onceOnly: (input) => [
    {
      key: `key-project:${keyPart(input.projectNumber)}:tranche:${input.trancheNo}`,
      label: `项目 ${input.projectNumber} 第${input.trancheNo}期资金`,
    },
  ],
});
