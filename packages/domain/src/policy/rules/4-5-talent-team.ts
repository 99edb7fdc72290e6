import { z } from 'zod';
import { yuan } from '../../money';
import { FIELDS } from '../../reference/fields';
import { defineRule } from '../define';
import { choiceField, dateField, docNoField, textField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, HOST_ORGANISATIONS, PROGRAMMES } from './shared';

export const TALENT_TEAM_CATEGORIES = [
  { code: 'A', name: 'A类' },
  { code: 'B', name: 'B类' },
  { code: 'C', name: 'C类' },
] as const;

export const talentTeamInput = z.object(
  {
    teamName: textField('团队名称', { max: 100, description: '与获批文件中的团队名称一致' }),
    leaderName: textField('团队带头人', { max: 30 }),
    category: choiceField('团队类别', TALENT_TEAM_CATEGORIES, '获批文件确定的类别'),
    fieldCode: choiceField('未来产业方向', FIELDS).optional(),
    approvedOn: dateField('获批日期', '获批文件印发日期'),
    approvalDocNo: docNoField('获批文件文号'),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.5 对获批市级高层次科技人才团队按程序分类给予 300 万元、200 万元、100 万元资金支持。
 * Paid to the host organisation, once per team: the plan does not speak of re-grading a team, so a
 * team funded as C and later graded B is not paid again (a new version may add that).
 */
export const talentTeam = defineRule({
  id: 'talent-team',
  clause: '四.5',
  name: '市级高层次科技人才团队资金支持',
  programme: PROGRAMMES.talent,
  inputSchema: talentTeamInput,
  formula: {
    kind: 'tier',
    by: 'category',
    byLabel: '团队类别',
    tiers: {
      A: { label: 'A类', amount: yuan(3_000_000) },
      B: { label: 'B类', amount: yuan(2_000_000) },
      C: { label: 'C类', amount: yuan(1_000_000) },
    },
  },
  applicants: { organisationTypes: HOST_ORGANISATIONS, organisationInsideCity: true },
  guide: {
    whoMayApply: '获批市级高层次科技人才团队的依托单位（市内企业、高校、科研院所）',
    conditions: [
      '团队已按程序获批市级高层次科技人才团队，并确定类别',
      '依托单位在宿州市内注册',
      '同一团队只支持一次',
    ],
    evidence: [
      { kind: 'approval-document', name: '市级高层次科技人才团队获批文件', required: true },
      { kind: 'team-agreement', name: '团队与依托单位签订的合作（引进）协议', required: true },
      { kind: 'funding-plan', name: '资金使用计划', required: false },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '获批文件印发之日',
  },
  eventDates: (input) => [{ label: '获批日期', date: input.approvedOn }],
  onceOnly: (input, applicant) => [
    {
      key: `talent-team:${keyPart(applicant.id)}:${keyPart(input.teamName)}`,
      label: '该人才团队的资金支持',
    },
    // A renamed team with the same leader at the same host is the same team.
    {
      key: `talent-team-leader:${keyPart(applicant.id)}:${keyPart(input.leaderName)}`,
      label: '该带头人所领团队的资金支持',
    },
  ],
});
