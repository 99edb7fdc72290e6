import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  vpCallCreateSchema,
  vpCandidateSchema,
  vpEvaluationSchema,
  vpNeedSchema,
  vpPairRuleSchema,
  vpResultSchema,
  vpWorkLogSchema,
} from '../../src/matching/schemas';
import type { VpCandidateInput, VpNeedInput, VpResultInput } from '../../src/matching/schemas';
import { fieldErrorsOf } from '../../src/zod-errors';
import { firmCreditCode } from './fixtures';

/** The field errors a form would show, or null when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> | null {
  const result = schema.safeParse(input);
  return result.success ? null : fieldErrorsOf(result.error);
}

const NEED: VpNeedInput = {
  title: '膜电极国产化攻关',
  fieldCode: 'low-carbon-energy',
  subFieldCode: 'membrane-electrode',
  problem: '燃料电池膜电极批量制备一致性差，铂载量偏高，需要优化涂布工艺与催化剂配方。',
  expertiseWanted: '质子交换膜、膜电极制备',
  daysPerYear: 60,
};

const APPLICATION: VpCandidateInput = {
  institutionKind: 'university',
  employment: 'staff',
  achievements: '主持国家重点研发计划氢能专项课题，授权发明专利12项。',
};

describe('vpCallCreateSchema', () => {
  const CALL = {
    year: 2026,
    title: '2026年度科技副总选派',
    needsDeadline: '2026-12-10',
    applicationsDeadline: '2026-12-20',
    referenceDate: '2026-12-20',
  };

  it('accepts a call and keeps its dates as YYYY-MM-DD', () => {
    expect(vpCallCreateSchema.parse(CALL)).toEqual(CALL);
  });

  it('refuses bad years, short titles and impossible dates, in Chinese', () => {
    expect(errorsOf(vpCallCreateSchema, { ...CALL, year: 26 })).toEqual({
      year: ['年度应为四位年份'],
    });
    expect(errorsOf(vpCallCreateSchema, { ...CALL, title: '选派' })).toEqual({
      title: ['批次名称至少4个字'],
    });
    expect(errorsOf(vpCallCreateSchema, { ...CALL, referenceDate: '2026-02-30' })).toEqual({
      referenceDate: ['请填写有效的年龄计算基准日（格式：YYYY-MM-DD）'],
    });
    expect(errorsOf(vpCallCreateSchema, { ...CALL, needsDeadline: '2026/12/10' })).toEqual({
      needsDeadline: ['请填写有效的需求征集截止日期（格式：YYYY-MM-DD）'],
    });
  });
});

describe('vpNeedSchema', () => {
  it('accepts a need, defaulting positions to 1 and the institution lists to empty', () => {
    expect(vpNeedSchema.parse(NEED)).toEqual({
      ...NEED,
      positions: 1,
      investorInstitutions: [],
      priorPartners: [],
    });
  });

  it('requires a sub-field: it is scored, so it may not look optional (issue 11, defect 6)', () => {
    for (const subFieldCode of [undefined, '']) {
      expect(errorsOf(vpNeedSchema, { ...NEED, subFieldCode })).toEqual({
        subFieldCode: ['请选择细分方向'],
      });
    }
    const meta = vpNeedSchema.shape.subFieldCode.meta();
    expect(meta?.title).toBe('细分方向');
    expect(meta?.description).toContain('匹配评分');
    expect(vpNeedSchema.shape.subFieldCode.safeParse(undefined).success).toBe(false);
  });

  it('refuses a sub-field of another field, and an unknown one, on subFieldCode', () => {
    for (const subFieldCode of ['drones', 'no-such-sub-field']) {
      expect(errorsOf(vpNeedSchema, { ...NEED, subFieldCode })).toEqual({
        subFieldCode: ['细分方向须属于所选的产业领域'],
      });
    }
    expect(
      vpNeedSchema.parse({ ...NEED, fieldCode: 'aerospace-information', subFieldCode: 'drones' })
        .subFieldCode,
    ).toBe('drones');
  });

  it('reports the sub-field error together with the other field errors', () => {
    expect(
      errorsOf(vpNeedSchema, { ...NEED, subFieldCode: 'drones', problem: '寿命不足' }),
    ).toEqual({
      problem: ['技术难题描述至少20个字'],
      subFieldCode: ['细分方向须属于所选的产业领域'],
    });
  });

  it('refuses an unknown field, listing the choices in Chinese', () => {
    expect(errorsOf(vpNeedSchema, { ...NEED, fieldCode: 'hydrogen', subFieldCode: '' })).toEqual({
      fieldCode: ['请选择产业领域（可选：通用智能、空天信息、低碳能源、生命健康、先进材料）'],
      subFieldCode: ['请选择细分方向'],
    });
  });

  it('holds positions to 1..3 and days on site to 10..200, whole numbers', () => {
    expect(vpNeedSchema.parse({ ...NEED, positions: 3 }).positions).toBe(3);
    expect(errorsOf(vpNeedSchema, { ...NEED, positions: 4 })).toEqual({
      positions: ['每项需求最多3人'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, positions: 0 })).toEqual({
      positions: ['需求人数至少1人'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, positions: 1.5 })).toEqual({
      positions: ['需求人数应为整数'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, daysPerYear: 9 })).toEqual({
      daysPerYear: ['每年到岗天数不少于10天'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, daysPerYear: 201 })).toEqual({
      daysPerYear: ['每年到岗天数不超过200天'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, daysPerYear: undefined })).toEqual({
      daysPerYear: ['请填写每年到岗天数'],
    });
  });

  it('asks for the texts in Chinese, with their lengths', () => {
    expect(errorsOf(vpNeedSchema, { ...NEED, title: '   ' })).toEqual({
      title: ['请填写需求名称'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, problem: '膜电极寿命不足' })).toEqual({
      problem: ['技术难题描述至少20个字'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, expertiseWanted: '膜'.repeat(301) })).toEqual({
      expertiseWanted: ['所需专长不能超过300个字'],
    });
  });

  it('trims and de-duplicates the institution lists, at most 10 each', () => {
    const parsed = vpNeedSchema.parse({
      ...NEED,
      investorInstitutions: ['合肥工业大学', ' 合肥工业大学 ', '中国科学技术大学'],
      priorPartners: ['安徽大学'],
    });
    expect(parsed.investorInstitutions).toEqual(['合肥工业大学', '中国科学技术大学']);
    expect(parsed.priorPartners).toEqual(['安徽大学']);
    const eleven = Array.from({ length: 11 }, (_, i) => `高校${i + 1}`);
    expect(errorsOf(vpNeedSchema, { ...NEED, priorPartners: eleven })).toEqual({
      priorPartners: ['曾合作的高校院所最多填写10个'],
    });
    expect(errorsOf(vpNeedSchema, { ...NEED, investorInstitutions: ['宿'] })).toEqual({
      investorInstitutions: ['创办或投资本企业的高校院所至少2个字'],
    });
  });
});

describe('vpCandidateSchema', () => {
  it('accepts a staff researcher with defaults: capacity 1, no flags, no related firms', () => {
    expect(vpCandidateSchema.parse(APPLICATION)).toEqual({
      ...APPLICATION,
      priorityFlags: [],
      capacity: 1,
      relatedFirmCreditCodes: [],
    });
  });

  it('asks a contract researcher for the contract length, on contractYears', () => {
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, employment: 'contract' })).toEqual({
      contractYears: ['请填写聘用合同年限'],
    });
    expect(
      vpCandidateSchema.parse({ ...APPLICATION, employment: 'contract', contractYears: 3 })
        .contractYears,
    ).toBe(3);
    // a short contract is an eligibility finding, not a form error
    expect(
      errorsOf(vpCandidateSchema, { ...APPLICATION, employment: 'contract', contractYears: 2 }),
    ).toBeNull();
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, contractYears: 0 })).toEqual({
      contractYears: ['合同年限至少1年'],
    });
  });

  it('refuses unknown institution kinds, employment and priority flags in Chinese', () => {
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, institutionKind: 'hospital' })).toEqual({
      institutionKind: ['请选择单位类型（可选：高校、科研院所、其他单位）'],
    });
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, employment: 'part-time' })).toEqual({
      employment: ['请选择聘用方式（可选：在编人员、合同聘用）'],
    });
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, priorityFlags: ['academician'] })).toEqual(
      { priorityFlags: ['未知的优先支持类别'] },
    );
  });

  it('de-duplicates priority flags', () => {
    expect(
      vpCandidateSchema.parse({
        ...APPLICATION,
        priorityFlags: ['national-talent', 'young-doctor', 'national-talent'],
      }).priorityFlags,
    ).toEqual(['national-talent', 'young-doctor']);
  });

  it('holds capacity to 1..3', () => {
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, capacity: 4 })).toEqual({
      capacity: ['可服务企业数不超过3家'],
    });
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, capacity: 0 })).toEqual({
      capacity: ['可服务企业数至少1家'],
    });
  });

  it('normalises related credit codes and drops duplicates written differently', () => {
    const code = firmCreditCode(101);
    const fullWidth = [...code]
      .map((ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0))
      .join('');
    const parsed = vpCandidateSchema.parse({
      ...APPLICATION,
      relatedFirmCreditCodes: [code, code.toLowerCase(), fullWidth, firmCreditCode(102)],
    });
    expect(parsed.relatedFirmCreditCodes).toEqual([code, firmCreditCode(102)]);
  });

  it('refuses an invalid related credit code with the check-character message', () => {
    const code = firmCreditCode(101);
    const wrongCheck = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    expect(
      errorsOf(vpCandidateSchema, { ...APPLICATION, relatedFirmCreditCodes: [wrongCheck] }),
    ).toEqual({ relatedFirmCreditCodes: ['统一社会信用代码校验位不正确，请核对后重新输入'] });
    expect(
      errorsOf(vpCandidateSchema, { ...APPLICATION, relatedFirmCreditCodes: ['91341302'] }),
    ).toEqual({ relatedFirmCreditCodes: ['统一社会信用代码应为18位，当前为8位'] });
  });

  it('asks for achievements of at least 10 characters', () => {
    expect(errorsOf(vpCandidateSchema, { ...APPLICATION, achievements: '发表论文若干' })).toEqual({
      achievements: ['主要成果至少10个字'],
    });
  });
});

describe('vpPairRuleSchema', () => {
  const RULE = {
    needId: '7d1c1f5e-3a43-4d7e-9a65-0b3f2b6d9c11',
    candidateId: '1f0e9d8c-7b6a-4594-8382-716253443526',
    kind: 'pin',
    reason: '企业点名邀请',
  };

  it('accepts a pin or a forbid with a reason', () => {
    expect(vpPairRuleSchema.parse(RULE)).toEqual(RULE);
    expect(vpPairRuleSchema.parse({ ...RULE, kind: 'forbid' }).kind).toBe('forbid');
  });

  it('refuses bad ids and kinds in Chinese', () => {
    expect(errorsOf(vpPairRuleSchema, { ...RULE, needId: 'need-1' })).toEqual({
      needId: ['需求编号无效'],
    });
    expect(errorsOf(vpPairRuleSchema, { ...RULE, kind: 'prefer' })).toEqual({
      kind: ['请选择指定或排除'],
    });
    expect(errorsOf(vpPairRuleSchema, { ...RULE, reason: '' })).toEqual({
      reason: ['请填写理由'],
    });
  });
});

describe('vpWorkLogSchema', () => {
  const LOG = { month: '2026-12', daysOnSite: 8, activities: '指导企业完成膜电极涂布工艺试验。' };

  it('accepts a month as YYYY-MM and 0..31 days on site', () => {
    for (const daysOnSite of [0, 31]) {
      expect(vpWorkLogSchema.parse({ ...LOG, daysOnSite }).daysOnSite).toBe(daysOnSite);
    }
    expect(vpWorkLogSchema.parse({ ...LOG, month: '2027-01' }).month).toBe('2027-01');
  });

  it('refuses other month formats', () => {
    for (const month of ['2026-13', '2026-00', '2026-1', '2026/12', '202612', '2026-12-01']) {
      expect(errorsOf(vpWorkLogSchema, { ...LOG, month })).toEqual({
        month: ['月份格式应为YYYY-MM'],
      });
    }
  });

  it('refuses days outside 0..31 or not whole', () => {
    expect(errorsOf(vpWorkLogSchema, { ...LOG, daysOnSite: 32 })).toEqual({
      daysOnSite: ['每月天数不超过31天'],
    });
    expect(errorsOf(vpWorkLogSchema, { ...LOG, daysOnSite: -1 })).toEqual({
      daysOnSite: ['天数不能为负数'],
    });
    expect(errorsOf(vpWorkLogSchema, { ...LOG, daysOnSite: 2.5 })).toEqual({
      daysOnSite: ['天数应为整数'],
    });
  });
});

describe('vpResultSchema', () => {
  const PROJECT: VpResultInput = {
    kind: 'joint-project',
    title: '高功率膜电极联合攻关',
    occurredOn: '2027-05-20',
    contractAmount: 50_000_000n, // ¥50万 in fen
  };

  it('accepts a joint project with its contract amount in fen, quantity defaulting to 1', () => {
    expect(vpResultSchema.parse(PROJECT)).toEqual({ ...PROJECT, quantity: 1, note: undefined });
  });

  it('asks joint projects and tech transfers for a contract amount', () => {
    for (const kind of ['joint-project', 'tech-transfer'] as const) {
      expect(errorsOf(vpResultSchema, { ...PROJECT, kind, contractAmount: undefined })).toEqual({
        contractAmount: ['请填写合同金额'],
      });
    }
  });

  it('refuses an amount on a patent, platform or training result', () => {
    for (const kind of ['patent', 'platform', 'talent-training'] as const) {
      expect(errorsOf(vpResultSchema, { ...PROJECT, kind })).toEqual({
        contractAmount: ['该成果类型无需填写合同金额'],
      });
      expect(vpResultSchema.parse({ ...PROJECT, kind, contractAmount: undefined }).kind).toBe(kind);
    }
  });

  it('wants the amount as positive bigint fen, not a number of yuan', () => {
    expect(errorsOf(vpResultSchema, { ...PROJECT, contractAmount: 500000 })).toEqual({
      contractAmount: ['请填写合同金额（以分为单位的整数）'],
    });
    expect(errorsOf(vpResultSchema, { ...PROJECT, contractAmount: 0n })).toEqual({
      contractAmount: ['合同金额应大于0'],
    });
  });

  it('checks the kind, date and quantity', () => {
    expect(errorsOf(vpResultSchema, { ...PROJECT, kind: 'paper' })).toMatchObject({
      kind: ['请选择成果类型（可选：联合攻关项目、专利、共建研发平台、培养人才、技术转移转化）'],
    });
    expect(errorsOf(vpResultSchema, { ...PROJECT, occurredOn: '2027-02-29' })).toEqual({
      occurredOn: ['请填写有效的取得日期（格式：YYYY-MM-DD）'],
    });
    expect(errorsOf(vpResultSchema, { ...PROJECT, quantity: 0 })).toEqual({
      quantity: ['数量至少为1'],
    });
  });
});

describe('vpEvaluationSchema', () => {
  it('accepts 优秀 and 合格 without a comment', () => {
    for (const grade of ['excellent', 'qualified'] as const) {
      expect(vpEvaluationSchema.parse({ year: 2027, grade })).toEqual({
        year: 2027,
        grade,
        comment: undefined,
      });
    }
  });

  it('asks for a comment when the grade is 不合格 (a blank one does not count)', () => {
    for (const comment of [undefined, '', '   ']) {
      expect(errorsOf(vpEvaluationSchema, { year: 2027, grade: 'unqualified', comment })).toEqual({
        comment: ['考核不合格须填写考核意见'],
      });
    }
    expect(
      vpEvaluationSchema.parse({ year: 2027, grade: 'unqualified', comment: ' 全年到岗仅3天 ' }),
    ).toEqual({ year: 2027, grade: 'unqualified', comment: '全年到岗仅3天' });
  });

  it('refuses unknown grades and years', () => {
    expect(errorsOf(vpEvaluationSchema, { year: 2027, grade: 'good' })).toEqual({
      grade: ['请选择考核等次（可选：优秀、合格、不合格）'],
    });
    expect(errorsOf(vpEvaluationSchema, { year: 1999, grade: 'qualified' })).toEqual({
      year: ['考核年度应为四位年份'],
    });
  });
});
