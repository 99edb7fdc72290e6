import { z } from 'zod';
import { yuan } from '../../money';
import { FIELDS } from '../../reference/fields';
import { yearOf } from '../dates';
import { defineRule } from '../define';
import { choiceField, dateField, docNoField, textField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, PROGRAMMES } from './shared';

/** The application areas clause 四.1 names (产业发展、城市建管、社会民生、新型基础设施). */
export const SCENARIO_DOMAINS = [
  { code: 'industry', name: '产业发展' },
  { code: 'city-management', name: '城市建管' },
  { code: 'livelihood', name: '社会民生' },
  { code: 'new-infrastructure', name: '新型基础设施' },
] as const;

export const scenarioCaseInput = z.object(
  {
    caseName: textField('案例名称', { max: 100, description: '与入选文件公布的案例名称一致' }),
    applicationDomain: choiceField('应用领域', SCENARIO_DOMAINS, '方案四.1所列的应用领域'),
    fieldCode: choiceField('未来产业方向', FIELDS, '案例所属的未来产业方向').optional(),
    selectedOn: dateField('入选日期', '入选文件印发（公布）日期'),
    selectionDocNo: docNoField('入选文件文号'),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.1 对入选市级重大应用场景典型案例的，每项给予 20 万元奖励，每年评选不超过 10 项。
 * "每项" is per case, not per applicant: joint applicants of one case share one award.
 */
export const scenarioCase = defineRule({
  id: 'scenario-case',
  clause: '四.1',
  name: '市级重大应用场景典型案例奖励',
  programme: PROGRAMMES.coreTech,
  inputSchema: scenarioCaseInput,
  formula: { kind: 'fixed', amount: yuan(200_000) },
  yearlyQuota: 10,
  applicants: {
    organisationTypes: ['firm', 'university', 'institute', 'incubator'],
    organisationInsideCity: true,
  },
  guide: {
    whoMayApply: '应用场景入选市级重大应用场景典型案例的市内单位（一般为企业）',
    conditions: [
      '在宿州市内注册，具有独立法人资格',
      '应用场景已入选市级重大应用场景典型案例',
      '同一案例只奖励一次；联合申报的案例由牵头单位申请',
      '每年评选不超过 10 项，超过的不予奖励',
    ],
    evidence: [
      {
        kind: 'selection-notice',
        name: '入选市级重大应用场景典型案例的文件或公布名单',
        required: true,
      },
      {
        kind: 'case-summary',
        name: '案例实施情况说明',
        required: true,
        note: '场景内容、应用成效，3000字以内',
      },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '入选文件印发之日',
  },
  eventDates: (input) => [{ label: '入选日期', date: input.selectedOn }],
  quotaYear: (input) => yearOf(input.selectedOn),
  onceOnly: (input, applicant) => [
    // One award per case on the year's list, whoever applies for it …
    {
      key: `scenario-case:${yearOf(input.selectedOn)}:${keyPart(input.caseName)}`,
      label: '该典型案例的奖励',
    },
    // … and one applicant is not paid twice for the same case selected again in a later year.
    {
      key: `scenario-case:${keyPart(applicant.id)}:${keyPart(input.caseName)}`,
      label: '本单位该案例的奖励',
    },
  ],
});
