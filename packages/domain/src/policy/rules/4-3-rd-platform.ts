import { z } from 'zod';
import { yuan } from '../../money';
import { PLATFORM_KINDS } from '../../reference/platform-levels';
import { defineRule } from '../define';
import { choiceField, dateField, docNoField, optionalTextField, textField } from '../fields';
import { BANK_ACCOUNT, CREDIT_COMMITMENT, HOST_ORGANISATIONS, PROGRAMMES } from './shared';

/** 四.3 names 重点实验室、技术创新中心、企业研发中心 "等": other national/provincial R&D platforms count too. */
export const RD_PLATFORM_KINDS = [
  ...PLATFORM_KINDS,
  { code: 'other', name: '其他国家级、省级研发平台' },
] as const;

/** Only these two levels carry money in 四.3; city-level platforms are built but not rewarded. */
export const RD_PLATFORM_LEVELS = [
  { code: 'national', name: '国家级' },
  { code: 'provincial', name: '省级' },
] as const;

export const rdPlatformInput = z.object(
  {
    platformName: textField('平台名称', { max: 100, description: '与认定文件中的平台名称一致' }),
    platformKind: choiceField('平台类别', RD_PLATFORM_KINDS),
    level: choiceField('认定级别', RD_PLATFORM_LEVELS, '本条款只奖励新认定的国家级、省级研发平台'),
    recognisedOn: dateField('认定日期', '认定文件印发日期'),
    recognitionDocNo: docNoField('认定文件文号'),
    formerName: optionalTextField('原平台名称', {
      description: '该平台此前以其他名称获得较低级别认定的，请填写原名称',
    }),
  },
  { error: '请填写申请内容' },
);

/**
 * 四.3 对新认定的国家级、省级研发平台（重点实验室、技术创新中心、企业研发中心等），
 * 分别给予 200 万元、40 万元奖励。
 * "新认定": once per platform and level. A provincial platform later recognised nationally is an
 * upgrade, paid as the `upgradeAward` setting says.
 */
export const rdPlatform = defineRule({
  id: 'rd-platform',
  clause: '四.3',
  name: '新认定国家级、省级研发平台奖励',
  programme: PROGRAMMES.platforms,
  inputSchema: rdPlatformInput,
  formula: {
    kind: 'tier',
    by: 'level',
    byLabel: '认定级别',
    tiers: {
      national: { label: '国家级', amount: yuan(2_000_000) },
      provincial: { label: '省级', amount: yuan(400_000) },
    },
  },
  applicants: { organisationTypes: HOST_ORGANISATIONS, organisationInsideCity: true },
  recognition: {
    family: 'rd-platform',
    familyLabel: '研发平台',
    subject: (input) => input.platformName,
    formerSubject: (input) => input.formerName,
    level: (input) => input.level,
  },
  guide: {
    whoMayApply: '依托单位在宿州市内的企业、高校、科研院所',
    conditions: [
      '研发平台（重点实验室、技术创新中心、企业研发中心等）新获国家级或省级认定',
      '依托单位在宿州市内注册',
      '同一平台同一级别只奖励一次；先获省级后获国家级的，按升级认定奖励方式（默认就高补差）',
      '已获国家级奖励的平台，不再给予省级奖励',
    ],
    evidence: [
      { kind: 'recognition-document', name: '国家级或省级研发平台认定文件', required: true },
      { kind: 'platform-plaque', name: '平台牌匾或证书照片', required: false },
      CREDIT_COMMITMENT,
      BANK_ACCOUNT,
    ],
    timeLimitFrom: '认定文件印发之日',
  },
  eventDates: (input) => [{ label: '认定日期', date: input.recognisedOn }],
});
