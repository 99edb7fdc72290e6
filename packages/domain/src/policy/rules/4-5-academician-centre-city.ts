import { z } from 'zod';
import { yuan } from '../../money';
import { defineRule } from '../define';
import { dateField, docNoField, textField } from '../fields';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, HOST_ORGANISATIONS, PROGRAMMES } from './shared';

export const academicianCentreCityInput = z.object(
  {
    centreName: textField('创新中心名称', { max: 100, description: '与批复文件中的名称一致' }),
    expertName: textField('入驻院士（专家）', { max: 60, description: '多位以顿号分隔' }),
    approvedOn: dateField('获批日期', '市级批复文件印发日期'),
    approvalDocNo: docNoField('批复文件文号'),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.5 对新获批的市级院士（专家）创新中心……给予 50 万元奖励。
 * An innovation centre is its own ladder: the plan gives no path from workstation to centre.
 */
export const academicianCentreCity = defineRule({
  id: 'academician-centre-city',
  clause: '四.5',
  name: '新获批市级院士（专家）创新中心奖励',
  programme: PROGRAMMES.talent,
  inputSchema: academicianCentreCityInput,
  formula: { kind: 'fixed', amount: yuan(500_000) },
  applicants: { organisationTypes: HOST_ORGANISATIONS, organisationInsideCity: true },
  recognition: {
    family: 'academician-centre',
    familyLabel: '院士（专家）创新中心',
    subject: (input) => input.centreName,
    level: () => 'city',
  },
  guide: {
    whoMayApply: '新获批市级院士（专家）创新中心的市内建设单位（企业、高校、科研院所）',
    conditions: [
      '新获批市级院士（专家）创新中心',
      '建设单位在宿州市内注册',
      '同一创新中心只奖励一次',
    ],
    evidence: [
      { kind: 'approval-document', name: '市级院士（专家）创新中心批复文件', required: true },
      {
        kind: 'cooperation-agreement',
        name: '建设单位与院士（专家）签订的合作协议',
        required: true,
      },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '批复文件印发之日',
  },
  eventDates: (input) => [{ label: '获批日期', date: input.approvedOn }],
});
