import { z } from 'zod';
import { yuan } from '../../money';
import { FIELDS } from '../../reference/fields';
import { yearOf } from '../dates';
import { defineRule } from '../define';
import { choiceField, dateField, docNoField, textField, yearField } from '../fields';
import { keyPart } from '../keys';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, PROGRAMMES } from './shared';

/** The application areas clause 四.1 names (产业发展、城市建管、社会民生、新型基础设施). */
export const SCENARIO_DOMAINS = [
  { code: 'industry', name: '产业发展' },
  { code: 'city-management', name: '城市建管' },
  { code: 'livelihood', name: '社会民生' },
  { code: 'new-infrastructure', name: '新型基础设施' },
] as const;

/**
 * The selection's year (评选年度) may differ from the calendar year of its result document by one:
 * a "2026年度" selection concluded in February 2027, a "2027年度" call concluded in December
 * 2026. Further apart is a typing mistake. Shared with the list import (organisations/official-lists).
 */
export function selectionYearFits(selectionYear: number, selectedOn: string): boolean {
  return Math.abs(selectionYear - yearOf(selectedOn)) <= 1;
}

/**
 * The year a selected case counts in, for the yearly quota ("每年评选不超过10项") and its
 * once-key: its selection's year — the call's 年度, or the year a list names. A unit that applies
 * with its own 入选文件 and leaves it blank counts in the year of the document's date.
 */
export function scenarioSelectionYear(input: {
  readonly selectionYear?: number | undefined;
  readonly selectedOn: string;
}): number {
  return input.selectionYear ?? yearOf(input.selectedOn);
}

export const scenarioCaseInput = z
  .object(
    {
      caseName: textField('案例名称', { max: 100, description: '与入选文件公布的案例名称一致' }),
      applicationDomain: choiceField('应用领域', SCENARIO_DOMAINS, '方案四.1所列的应用领域'),
      fieldCode: choiceField('未来产业方向', FIELDS, '案例所属的未来产业方向').optional(),
      selectedOn: dateField('入选日期', '入选文件印发（公布）日期'),
      selectionDocNo: docNoField('入选文件文号'),
      // Added to the draft in place, not as a new version: it is optional, and an input without
      // it counts in the year of `selectedOn` exactly as before, so no application evaluated under
      // the draft decides or reads differently (the golden file holds). Only a new amount or
      // condition needs a version (policy/README.md, "Changing an amount").
      selectionYear: yearField(
        '评选年度',
        '入选名单所属的评选年度，如“2026年度”名单填 2026；不填的，按入选日期所在年份计',
      ).optional(),
    },
    { error: '请填写申请内容' },
  )
  .superRefine((value, ctx) => {
    if (
      value.selectionYear !== undefined &&
      !selectionYearFits(value.selectionYear, value.selectedOn)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['selectionYear'],
        message: `评选年度 ${value.selectionYear} 与入选日期 ${value.selectedOn} 不符（应为入选日期所在年份或前后一年）`,
      });
  });

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
  // "每年评选不超过10项" counts a case in its selection's year, as the selection decision does
  // (selection/decision.ts: the call's 年度), not in the year its result document is dated.
  quotaYear: scenarioSelectionYear,
  onceOnly: (input, applicant) => [
    // One award per case on the year's list, whoever applies for it …
    {
      key: `scenario-case:${scenarioSelectionYear(input)}:${keyPart(input.caseName)}`,
      label: '该典型案例的奖励',
    },
    // … and one applicant is not paid twice for the same case selected again in a later year.
    {
      key: `scenario-case:${keyPart(applicant.id)}:${keyPart(input.caseName)}`,
      label: '本单位该案例的奖励',
    },
  ],
});
