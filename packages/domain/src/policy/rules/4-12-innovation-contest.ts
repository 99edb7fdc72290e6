import { z } from 'zod';
import { yuan } from '../../money';
import { defineRule } from '../define';
import { choiceField, dateField, optionalTextField, textField, yearField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, PROGRAMMES } from './shared';

export const CONTEST_PRIZES = [
  { code: 'first', name: '一等奖' },
  { code: 'second', name: '二等奖' },
  { code: 'third', name: '三等奖' },
] as const;

export const innovationContestInput = z
  .object(
    {
      projectName: textField('参赛项目名称', {
        max: 100,
        description: '与获奖名单中的项目名称一致',
      }),
      contestYear: yearField('大赛年度', '获奖的中国创新创业大赛宿州赛区届次年度'),
      prize: choiceField('获奖等次', CONTEST_PRIZES),
      awardedOn: dateField('获奖日期', '获奖名单公布日期'),
      awardDocNo: optionalTextField('获奖文件文号', { max: 60 }),
    },
    { error: '请填写申请内容' },
  )
  .superRefine((value, ctx) => {
    const year = Number(value.awardedOn.slice(0, 4));
    if (value.contestYear !== year && value.contestYear !== year - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['contestYear'],
        message: `大赛年度 ${value.contestYear} 与获奖日期 ${value.awardedOn} 不符`,
      });
    }
  });

/**
 * 四.12 对获得中国创新创业大赛宿州赛区一等奖、二等奖、三等奖的，分别奖励 5 万元、3 万元、1 万元。
 * One award per winning project per contest year. A team not yet registered as a firm may apply
 * through its leader when `contestTeamsMayApply` is on.
 */
export const innovationContest = defineRule({
  id: 'innovation-contest',
  clause: '四.12',
  name: '中国创新创业大赛宿州赛区获奖奖励',
  programme: PROGRAMMES.ecosystem,
  inputSchema: innovationContestInput,
  formula: {
    kind: 'tier',
    by: 'prize',
    byLabel: '获奖等次',
    tiers: {
      first: { label: '一等奖', amount: yuan(50_000) },
      second: { label: '二等奖', amount: yuan(30_000) },
      third: { label: '三等奖', amount: yuan(10_000) },
    },
  },
  applicants: { organisationTypes: ['firm'], researchers: true, organisationInsideCity: true },
  guide: {
    whoMayApply: '获得中国创新创业大赛宿州赛区一、二、三等奖的企业或团队（团队由负责人申请）',
    conditions: [
      '在中国创新创业大赛宿州赛区获得一等奖、二等奖或三等奖',
      '企业在宿州市内注册',
      '同一项目同一届大赛只奖励一次',
    ],
    evidence: [
      { kind: 'award-certificate', name: '获奖证书或获奖名单文件', required: true },
      {
        kind: 'commitment',
        name: '申请人信用承诺书',
        required: true,
        note: '企业加盖公章；团队由负责人签字',
      },
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '获奖名单公布之日',
  },
  eventDates: (input) => [{ label: '获奖日期', date: input.awardedOn }],
  onceOnly: (input) => [
    {
      key: `innovation-contest:${input.contestYear}:${keyPart(input.projectName)}`,
      label: `项目在 ${input.contestYear} 年度大赛的获奖奖励`,
    },
  ],
});
