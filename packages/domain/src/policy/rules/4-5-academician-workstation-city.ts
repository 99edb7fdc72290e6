import { z } from 'zod';
import { yuan } from '../../money';
import { defineRule } from '../define';
import { dateField, docNoField, textField } from '../fields';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, HOST_ORGANISATIONS, PROGRAMMES } from './shared';

export const academicianWorkstationCityInput = z.object(
  {
    workstationName: textField('工作站名称', { max: 100, description: '与批复文件中的名称一致' }),
    expertName: textField('进站院士（专家）', { max: 60, description: '多位以顿号分隔' }),
    approvedOn: dateField('获批日期', '市级批复文件印发日期'),
    approvalDocNo: docNoField('批复文件文号'),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.5 对新获批的市级院士（专家）……工作站，给予 20 万元奖励。
 * On the `academician-workstation` ladder with the provincial workstation: once a workstation has
 * been paid at provincial level, the city level is not paid.
 */
export const academicianWorkstationCity = defineRule({
  id: 'academician-workstation-city',
  clause: '四.5',
  name: '新获批市级院士（专家）工作站奖励',
  programme: PROGRAMMES.talent,
  inputSchema: academicianWorkstationCityInput,
  formula: { kind: 'fixed', amount: yuan(200_000) },
  applicants: { organisationTypes: HOST_ORGANISATIONS, organisationInsideCity: true },
  recognition: {
    family: 'academician-workstation',
    familyLabel: '院士工作站',
    subject: (input) => input.workstationName,
    level: () => 'city',
  },
  guide: {
    whoMayApply: '新获批市级院士（专家）工作站的市内建站单位（企业、高校、科研院所）',
    conditions: [
      '新获批市级院士（专家）工作站',
      '建站单位在宿州市内注册',
      '同一工作站只奖励一次；已获省级院士工作站奖励的不再给予市级奖励',
    ],
    evidence: [
      { kind: 'approval-document', name: '市级院士（专家）工作站批复文件', required: true },
      {
        kind: 'cooperation-agreement',
        name: '建站单位与院士（专家）签订的合作协议',
        required: true,
      },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '批复文件印发之日',
  },
  eventDates: (input) => [{ label: '获批日期', date: input.approvedOn }],
});
