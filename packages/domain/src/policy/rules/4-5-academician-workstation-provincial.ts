import { z } from 'zod';
import { yuan } from '../../money';
import { defineRule } from '../define';
import { dateField, docNoField, optionalTextField, textField } from '../fields';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, HOST_ORGANISATIONS, PROGRAMMES } from './shared';

export const academicianWorkstationProvincialInput = z.object(
  {
    workstationName: textField('工作站名称', { max: 100, description: '与批复文件中的名称一致' }),
    academicianName: textField('进站院士', { max: 60, description: '多位院士以顿号分隔' }),
    approvedOn: dateField('获批日期', '省级批复文件印发日期'),
    approvalDocNo: docNoField('批复文件文号'),
    formerName: optionalTextField('原市级工作站名称', {
      description: '此前以其他名称获批市级院士（专家）工作站的，请填写原名称',
    }),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.5 对新获批的省级院士工作站，给予 50 万元奖励。
 * Shares the `academician-workstation` ladder with the city-level workstation (四.5, 20 万元): a
 * city workstation later approved provincially is paid as the `upgradeAward` setting says.
 */
export const academicianWorkstationProvincial = defineRule({
  id: 'academician-workstation-provincial',
  clause: '四.5',
  name: '新获批省级院士工作站奖励',
  programme: PROGRAMMES.talent,
  inputSchema: academicianWorkstationProvincialInput,
  formula: { kind: 'fixed', amount: yuan(500_000) },
  applicants: { organisationTypes: HOST_ORGANISATIONS, organisationInsideCity: true },
  recognition: {
    family: 'academician-workstation',
    familyLabel: '院士工作站',
    subject: (input) => input.workstationName,
    formerSubject: (input) => input.formerName,
    level: () => 'provincial',
  },
  guide: {
    whoMayApply: '新获批省级院士工作站的市内建站单位（企业、高校、科研院所）',
    conditions: [
      '院士工作站新获批省级院士工作站',
      '建站单位在宿州市内注册',
      '同一工作站只奖励一次；此前获市级院士（专家）工作站奖励的，按升级认定奖励方式（默认就高补差）',
    ],
    evidence: [
      { kind: 'approval-document', name: '省级院士工作站批复文件', required: true },
      {
        kind: 'cooperation-agreement',
        name: '建站单位与院士（团队）签订的合作协议',
        required: true,
      },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '批复文件印发之日',
  },
  eventDates: (input) => [{ label: '获批日期', date: input.approvedOn }],
});
