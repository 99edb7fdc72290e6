import { describe, expect, it } from 'vitest';
import type { ListEntry, OfficialListKind } from '../../src';
import {
  LIST_COLUMNS,
  SUZHOU_FUTURE_2026_DRAFT,
  invitationFor,
  mapListHeader,
  parseListDate,
  parseListRow,
  policyRule,
  sameOrganisationName,
} from '../../src';

// Demo organisations' codes (valid under GB 32100-2015).
const SUQING = '91341300MA2N8H4QXE'; // 安徽宿氢新能源科技有限公司
const XINCAI = '91341322MA2RB6T81F'; // 萧县新材陶瓷科技有限公司
const COLLEGE = '12341300MB1957066X'; // 宿州创新理工学院

const HTE_ROW = {
  documentNo: 'GR202634001234',
  creditCode: SUQING,
  name: '安徽宿氢新能源科技有限公司',
  recognisedOn: '2026-10-15',
  recognitionType: '首次认定',
};

function entryOf(kind: OfficialListKind, cells: Record<string, string>): ListEntry {
  const parsed = parseListRow(kind, cells);
  if (!parsed.ok) throw new Error(parsed.reasons.join('; '));
  return parsed.entry;
}

function reasonsOf(kind: OfficialListKind, cells: Record<string, string>): string[] {
  const parsed = parseListRow(kind, cells);
  if (parsed.ok) throw new Error('expected the row to be refused');
  return parsed.reasons;
}

describe('the header row of an official list', () => {
  it('finds every column of the template, wherever it stands', () => {
    const header = ['序号', '企业名称', '统一社会信用代码', '证书编号', '发证日期', '认定类型'];
    expect(mapListHeader('high-tech-enterprise', header)).toEqual({
      columns: { name: 1, creditCode: 2, documentNo: 3, recognisedOn: 4, recognitionType: 5 },
      missing: [],
    });
  });

  it('accepts the other headers real lists use, ignoring spaces and asterisks', () => {
    const header = [
      '高企证书编号',
      ' 信用代码 ',
      '单位名称',
      '认定日期',
      '*认定类别',
      '原证书编号',
    ];
    expect(mapListHeader('high-tech-enterprise', header).columns).toEqual({
      documentNo: 0,
      creditCode: 1,
      name: 2,
      recognisedOn: 3,
      recognitionType: 4,
      previousCertificateNo: 5,
    });
    expect(
      mapListHeader('tech-sme', ['入库编号', '社会信用代码', '名称', '入库时间']).missing,
    ).toEqual([]);
    // Required-column marks and full-width spaces of Chinese templates.
    expect(
      mapListHeader('tech-sme', [
        '＊入库登记编号',
        '统一社会信用代码',
        '企业\u3000名称',
        '入库日期',
      ]).missing,
    ).toEqual([]);
  });

  it('names every required column that is missing, and not the optional ones', () => {
    expect(mapListHeader('high-tech-enterprise', ['企业名称', '统一社会信用代码']).missing).toEqual(
      ['证书编号', '发证日期', '认定类型'],
    );
    expect(mapListHeader('tech-sme', []).missing).toEqual([
      '入库登记编号',
      '统一社会信用代码',
      '企业名称',
      '入库日期',
    ]);
  });

  it('takes the plain 统一社会信用代码 header on a platform list', () => {
    for (const kind of ['rd-platform', 'incubator'] as const) {
      const header = LIST_COLUMNS[kind].map((c) =>
        c.key === 'creditCode' ? '统一社会信用代码' : c.title,
      );
      expect(mapListHeader(kind, header).missing).toEqual([]);
    }
    expect(mapListHeader('rd-platform', ['依托单位统一社会信用代码']).columns.creditCode).toBe(0);
  });
});

describe('dates on a list', () => {
  it.each([
    ['2026-10-15', '2026-10-15'],
    ['2026/10/15', '2026-10-15'],
    ['2026.1.5', '2026-01-05'],
    ['2026年10月15日', '2026-10-15'],
    ['２０２６－１０－１５', '2026-10-15'],
    [' 20261015 ', '2026-10-15'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseListDate(input)).toBe(expected);
  });

  it.each(['', '2026-02-29', '2026-13-01', '2026-00-10', '15/10/2026', '2026-10', '明年', '46000'])(
    'refuses %j',
    (input) => {
      expect(parseListDate(input)).toBeNull();
    },
  );
});

describe('a row of the 高新技术企业认定名单', () => {
  it('becomes an entry keyed by its certificate number', () => {
    expect(entryOf('high-tech-enterprise', HTE_ROW)).toEqual({
      kind: 'high-tech-enterprise',
      entryKey: 'GR202634001234',
      creditCode: SUQING,
      name: '安徽宿氢新能源科技有限公司',
      documentNo: 'GR202634001234',
      recognisedOn: '2026-10-15',
      level: null,
      detail: { recognitionType: 'first' },
    });
  });

  it('normalises codes typed with lower case, spaces or full-width characters', () => {
    const entry = entryOf('high-tech-enterprise', {
      ...HTE_ROW,
      documentNo: 'gr 2026 3400 1234',
      creditCode: '９１３４１３００ma2n8h4qxe',
      recognitionType: '首次',
    });
    expect(entry.documentNo).toBe('GR202634001234');
    expect(entry.entryKey).toBe('GR202634001234');
    expect(entry.creditCode).toBe(SUQING);
    expect(entry.detail.recognitionType).toBe('first');
  });

  it('keeps the previous certificate of a re-recognised firm', () => {
    const entry = entryOf('high-tech-enterprise', {
      ...HTE_ROW,
      creditCode: XINCAI,
      name: '萧县新材陶瓷科技有限公司',
      documentNo: 'GR202634005678',
      recognitionType: '重新认定',
      previousCertificateNo: 'GR202334001111',
    });
    expect(entry.detail).toEqual({
      recognitionType: 're',
      previousCertificateNo: 'GR202334001111',
    });
  });

  it('gives every reason a row is refused, each naming its column', () => {
    expect(
      reasonsOf('high-tech-enterprise', {
        documentNo: 'GR2026-34',
        creditCode: '91341300MA2N8H4QXA',
        name: '',
        recognisedOn: '2026-02-30',
        recognitionType: '复核',
        previousCertificateNo: 'X123',
      }),
    ).toEqual([
      '统一社会信用代码：统一社会信用代码校验位不正确，请核对后重新输入',
      '企业名称：未填写',
      '发证日期：“2026-02-30”不是有效日期（如 2026-10-15）',
      '证书编号：应为 GR 加 12 位数字，如 GR202634001234',
      '认定类型：“复核”应为“首次认定”或“再次认定”',
      '上一次证书编号：应为 GR 加 12 位数字',
    ]);
  });

  it('says which cells are empty', () => {
    expect(reasonsOf('high-tech-enterprise', {})).toEqual([
      '统一社会信用代码：未填写',
      '企业名称：未填写',
      '发证日期：未填写',
      '证书编号：未填写',
      '认定类型：未填写',
    ]);
  });

  it('refuses a certificate whose year is not the year it was issued', () => {
    expect(reasonsOf('high-tech-enterprise', { ...HTE_ROW, recognisedOn: '2025-12-01' })).toEqual([
      '证书编号中的年份 2026 与发证日期 2025-12-01 不一致',
    ]);
  });

  it('refuses a previous certificate equal to the new one', () => {
    expect(
      reasonsOf('high-tech-enterprise', {
        ...HTE_ROW,
        recognitionType: '再次认定',
        previousCertificateNo: 'GR202634001234',
      }),
    ).toEqual(['上一次证书编号：与本次证书编号相同']);
  });

  it('refuses a credit code of the wrong length', () => {
    expect(reasonsOf('high-tech-enterprise', { ...HTE_ROW, creditCode: '9134130' })).toEqual([
      '统一社会信用代码：统一社会信用代码应为18位，当前为7位',
    ]);
  });
});

describe('a row of the 科技型中小企业入库名单', () => {
  it('is keyed by its registration number', () => {
    const entry = entryOf('tech-sme', {
      documentNo: '2026341302A0000123',
      creditCode: '91341302MA2P3K7D51',
      name: '宿州云智数据科技有限公司',
      recognisedOn: '2026/5/20',
    });
    expect(entry).toMatchObject({
      entryKey: '2026341302A0000123',
      recognisedOn: '2026-05-20',
      level: null,
      detail: {},
    });
  });
});

describe('a row of a platform or incubator list', () => {
  const platform = {
    platformName: '安徽省先进碳纤维复合材料工程研究中心',
    platformKind: '工程研究中心',
    level: '省级',
    creditCode: COLLEGE,
    name: '宿州创新理工学院',
    recognisedOn: '2026-09-30',
    documentNo: '皖发改高技〔2026〕 312号',
  };

  it('is keyed by level and platform name: one recognition per level', () => {
    const entry = entryOf('rd-platform', platform);
    expect(entry).toMatchObject({
      entryKey: 'provincial:安徽省先进碳纤维复合材料工程研究中心',
      level: 'provincial',
      documentNo: '皖发改高技〔2026〕312号',
      detail: { platformName: platform.platformName, platformKind: 'engineering-research-centre' },
    });
    const national = entryOf('rd-platform', { ...platform, level: '国家级' });
    expect(national.entryKey).not.toBe(entry.entryKey);
  });

  it('keeps the dashes of a 文号', () => {
    expect(entryOf('rd-platform', { ...platform, documentNo: '宿科-2026-12' }).documentNo).toBe(
      '宿科-2026-12',
    );
  });

  it('files a kind of platform the plan does not name as “other”', () => {
    expect(
      entryOf('rd-platform', { ...platform, platformKind: '新型研发机构' }).detail.platformKind,
    ).toBe('other');
  });

  it('refuses an unknown level and a missing kind', () => {
    expect(reasonsOf('rd-platform', { ...platform, level: '区级', platformKind: '' })).toEqual([
      '认定级别：“区级”应为国家级、省级或市级',
      '平台类别：未填写',
    ]);
  });

  it('reads an incubator row', () => {
    const entry = entryOf('incubator', {
      platformName: '泗县众创空间孵化基地',
      level: '市',
      creditCode: '91341324MA2T0L936Q',
      name: '泗县众创科技企业孵化器有限公司',
      recognisedOn: '2026-08-18',
      documentNo: '宿科〔2026〕45号',
    });
    expect(entry).toMatchObject({ level: 'city', entryKey: 'city:泗县众创空间孵化基地' });
  });
});

describe('names on a list and on the platform', () => {
  it('are the same when they differ only in spaces and bracket widths', () => {
    expect(
      sameOrganisationName('安徽宿氢（新能源）科技有限公司', '安徽宿氢(新能源) 科技有限公司'),
    ).toBe(true);
    expect(sameOrganisationName('安徽宿氢新能源科技有限公司', '安徽宿氢新能源有限公司')).toBe(
      false,
    );
  });
});

describe('免申即享: what an entry invites its organisation to', () => {
  const set = SUZHOU_FUTURE_2026_DRAFT;
  /** The pre-filled input must pass the rule's own form. */
  function passesRuleForm(ruleId: string, input: unknown) {
    const rule = policyRule(set, ruleId);
    if (!rule) throw new Error(`no rule ${ruleId}`);
    return rule.inputSchema.safeParse(input).success;
  }

  it('invites a first-recognised high-tech enterprise to 四.10 with the certificate filled in', () => {
    const invitation = invitationFor(entryOf('high-tech-enterprise', HTE_ROW));
    expect(invitation).toEqual({
      ruleId: 'high-tech-enterprise',
      input: {
        recognitionType: 'first',
        certificateNo: 'GR202634001234',
        certifiedOn: '2026-10-15',
      },
      evidenceKind: 'high-tech-certificate',
      missing: [],
    });
    expect(passesRuleForm('high-tech-enterprise', invitation?.input)).toBe(true);
  });

  it('asks a re-recognised firm for its previous certificate when no list gives it', () => {
    const entry = entryOf('high-tech-enterprise', { ...HTE_ROW, recognitionType: '再次认定' });
    const invitation = invitationFor(entry);
    expect(invitation?.missing).toEqual(['previousCertificateNo']);
    expect(passesRuleForm('high-tech-enterprise', invitation?.input)).toBe(false);

    const known = invitationFor(entry, { previousCertificateNo: 'GR202334001111' });
    expect(known?.missing).toEqual([]);
    expect(known?.input.previousCertificateNo).toBe('GR202334001111');
    expect(passesRuleForm('high-tech-enterprise', known?.input)).toBe(true);
  });

  it('prefers the previous certificate on the row to an earlier list', () => {
    const entry = entryOf('high-tech-enterprise', {
      ...HTE_ROW,
      recognitionType: '再次认定',
      previousCertificateNo: 'GR202334002222',
    });
    expect(invitationFor(entry, { previousCertificateNo: 'GR202334001111' })?.input).toMatchObject({
      previousCertificateNo: 'GR202334002222',
    });
  });

  it('invites nothing for a 科技型中小企业 entry or a city-level R&D platform (the plan pays nothing)', () => {
    const sme = entryOf('tech-sme', {
      documentNo: '2026341302A0000123',
      creditCode: '91341302MA2P3K7D51',
      name: '宿州云智数据科技有限公司',
      recognisedOn: '2026-05-20',
    });
    expect(invitationFor(sme)).toBeNull();
    const cityPlatform = entryOf('rd-platform', {
      platformName: '宿州市氢能装备工程技术研究中心',
      platformKind: '工程研究中心',
      level: '市级',
      creditCode: SUQING,
      name: '安徽宿氢新能源科技有限公司',
      recognisedOn: '2026-09-30',
      documentNo: '宿科〔2026〕60号',
    });
    expect(invitationFor(cityPlatform)).toBeNull();
  });

  it('invites a provincial R&D platform to 四.3 and a city incubator to 四.9, with forms that pass', () => {
    const platform = invitationFor(
      entryOf('rd-platform', {
        platformName: '安徽省先进碳纤维复合材料工程研究中心',
        platformKind: '工程研究中心',
        level: '省级',
        creditCode: COLLEGE,
        name: '宿州创新理工学院',
        recognisedOn: '2026-09-30',
        documentNo: '皖发改高技〔2026〕312号',
      }),
    );
    expect(platform).toMatchObject({ ruleId: 'rd-platform', evidenceKind: 'recognition-document' });
    expect(passesRuleForm('rd-platform', platform?.input)).toBe(true);

    const incubator = invitationFor(
      entryOf('incubator', {
        platformName: '泗县众创空间孵化基地',
        level: '市级',
        creditCode: '91341324MA2T0L936Q',
        name: '泗县众创科技企业孵化器有限公司',
        recognisedOn: '2026-08-18',
        documentNo: '宿科〔2026〕45号',
      }),
    );
    expect(incubator).toMatchObject({ ruleId: 'incubator', input: { level: 'city' } });
    expect(passesRuleForm('incubator', incubator?.input)).toBe(true);
  });

  it('names an evidence kind the rule asks for', () => {
    for (const [ruleId, kind] of [
      ['high-tech-enterprise', 'high-tech-certificate'],
      ['rd-platform', 'recognition-document'],
      ['incubator', 'recognition-document'],
    ] as const) {
      expect(policyRule(set, ruleId)?.guide.evidence.map((e) => e.kind)).toContain(kind);
    }
  });
});
