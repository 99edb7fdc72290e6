import { z } from 'zod';
import { yuan } from '../../money';
import { PLATFORM_LEVELS } from '../../reference/platform-levels';
import { defineRule } from '../define';
import { choiceField, dateField, docNoField, optionalTextField, textField } from '../fields';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, PROGRAMMES } from './shared';

export const incubatorInput = z.object(
  {
    incubatorName: textField('孵化器名称', { max: 100, description: '与认定文件中的名称一致' }),
    level: choiceField('认定级别', PLATFORM_LEVELS),
    recognisedOn: dateField('认定日期', '认定文件印发日期'),
    recognitionDocNo: docNoField('认定文件文号'),
    formerName: optionalTextField('原孵化器名称', {
      description: '此前以其他名称获得较低级别认定的，请填写原名称',
    }),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.9 对新认定的国家级、省级和市级科技企业孵化器，分别给予 50 万元、25 万元、15 万元奖励。
 * City → provincial → national is one ladder: each step is paid as the `upgradeAward` setting says.
 */
export const incubator = defineRule({
  id: 'incubator',
  clause: '四.9',
  name: '新认定科技企业孵化器奖励',
  programme: PROGRAMMES.firms,
  inputSchema: incubatorInput,
  formula: {
    kind: 'tier',
    by: 'level',
    byLabel: '认定级别',
    tiers: {
      national: { label: '国家级', amount: yuan(500_000) },
      provincial: { label: '省级', amount: yuan(250_000) },
      city: { label: '市级', amount: yuan(150_000) },
    },
  },
  // An incubator may be run by a firm, a university science park or an institute.
  applicants: {
    organisationTypes: ['incubator', 'firm', 'university', 'institute'],
    organisationInsideCity: true,
  },
  suggestFor: {
    organisationTypes: ['incubator'],
    text: '您是孵化器运营机构，新获认定的孵化器可申报奖励',
  },
  recognition: {
    family: 'incubator',
    familyLabel: '孵化器',
    subject: (input) => input.incubatorName,
    formerSubject: (input) => input.formerName,
    level: (input) => input.level,
  },
  guide: {
    whoMayApply: '新认定科技企业孵化器的市内运营机构',
    conditions: [
      '孵化器新获国家级、省级或市级科技企业孵化器认定',
      '运营机构在宿州市内注册',
      '同一孵化器同一级别只奖励一次；先低后高级别认定的，按升级认定奖励方式（默认就高补差）',
      '已获较高级别奖励的孵化器，不再给予较低级别奖励',
    ],
    evidence: [
      { kind: 'recognition-document', name: '科技企业孵化器认定文件', required: true },
      {
        kind: 'operation-report',
        name: '孵化器运营情况报告',
        required: false,
        note: '在孵企业、场地、服务情况',
      },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '认定文件印发之日',
  },
  eventDates: (input) => [{ label: '认定日期', date: input.recognisedOn }],
});
